#include "propertypanel.h"

#include "core/edit/jobedits.h"
#include "core/edit/propertyedits.h"
#include "core/edit/stageedits.h"
#include "durationtext.h"
#include "editordocument.h"
#include "linesedit.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace pw::gui {

namespace {

using edit::PipelineDocument;
using edit::PropertyValue;
using edit::TextEdit;

QStringList listOf(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','))) {
        if (!item.trimmed().isEmpty())
            items.append(item.trimmed());
    }
    return items;
}

QString textOf(const QWidget *editor)
{
    if (const auto *line = qobject_cast<const QLineEdit *>(editor))
        return line->text();
    if (const auto *lines = qobject_cast<const LinesEdit *>(editor))
        return lines->toPlainText();
    if (const auto *box = qobject_cast<const QCheckBox *>(editor))
        return box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
    if (const auto *combo = qobject_cast<const QComboBox *>(editor))
        return combo->currentText();
    return {};
}

void setTextOf(QWidget *editor, const QString &text)
{
    if (auto *line = qobject_cast<QLineEdit *>(editor))
        line->setText(text);
    else if (auto *lines = qobject_cast<LinesEdit *>(editor))
        lines->setPlainText(text);
    else if (auto *box = qobject_cast<QCheckBox *>(editor))
        box->setChecked(text == QLatin1String("true"));
    else if (auto *combo = qobject_cast<QComboBox *>(editor))
        combo->setCurrentText(text);
}

const Stage *findStage(const Pipeline &pipeline, const QString &name)
{
    for (const Stage &stage : pipeline.stages) {
        if (stage.name == name)
            return &stage;
    }
    return nullptr;
}

// Sets a job's key to `text`, or removes the key when the text is empty.
Result<TextEdit> setOrRemove(const PipelineDocument &document, const QString &job,
                             const QString &key, const PropertyValue &value, bool empty)
{
    if (!empty)
        return edit::setJobProperty(document, job, key, value);
    if (!document.jobKeyRange(job, key))
        return TextEdit();
    return edit::removeJobProperty(document, job, key);
}

Result<TextEdit> envEdit(const PipelineDocument &document, const QString &job, const QString &text)
{
    QStringList names;
    std::vector<PropertyValue> values;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Error{PropertyPanel::tr("line %1: write NAME=VALUE").arg(i + 1)};
        const QString name = line.left(equals).trimmed();
        if (names.contains(name))
            return Error{PropertyPanel::tr("line %1: %2 is set twice").arg(i + 1).arg(name)};
        names.append(name);
        values.push_back(PropertyValue(line.mid(equals + 1).trimmed()));
    }
    return setOrRemove(document, job, QStringLiteral("env"),
                       PropertyValue::map(names, std::move(values)), names.isEmpty());
}

QString cachePolicy(CacheSpec::Policy policy)
{
    switch (policy) {
    case CacheSpec::Policy::Pull:
        return QStringLiteral("pull");
    case CacheSpec::Policy::Push:
        return QStringLiteral("push");
    case CacheSpec::Policy::PullPush:
        break;
    }
    return QStringLiteral("pull-push");
}

// The job's one cache with other paths; what else it says is written again as it was.
Result<TextEdit> cacheEdit(const PipelineDocument &document, const QString &job,
                           const QString &text)
{
    const auto pipeline = document.pipeline();
    const Job *found = pipeline ? pipeline->findJob(job) : nullptr;
    if (found && found->caches.size() > 1)
        return Error{PropertyPanel::tr("the job has several caches: edit them in the text")};
    const QStringList paths = listOf(text);
    QStringList keys;
    std::vector<PropertyValue> values;
    const auto add = [&](const QString &key, const PropertyValue &value) {
        keys.append(key);
        values.push_back(value);
    };
    if (found && found->caches.size() == 1) {
        const CacheSpec &cache = found->caches.first();
        if (cache.keyGiven)
            add(QStringLiteral("key"), cache.key);
        if (!cache.files.isEmpty())
            add(QStringLiteral("files"), cache.files);
        if (cache.policy != CacheSpec::Policy::PullPush)
            add(QStringLiteral("policy"), cachePolicy(cache.policy));
        if (!cache.fallbackKeys.isEmpty())
            add(QStringLiteral("fallback_keys"), cache.fallbackKeys);
        if (cache.skipOnHit)
            add(QStringLiteral("skip_on_hit"), "true");
        if (cache.when != When::OnSuccess)
            add(QStringLiteral("when"), keyword(cache.when));
    }
    add(QStringLiteral("paths"), paths);
    return setOrRemove(document, job, QStringLiteral("cache"),
                       PropertyValue::map(keys, std::move(values)), paths.isEmpty());
}

Result<TextEdit> artifactsEdit(const PipelineDocument &document, const QString &job,
                               const QString &text)
{
    const auto pipeline = document.pipeline();
    const Job *found = pipeline ? pipeline->findJob(job) : nullptr;
    const QStringList paths = listOf(text);
    QStringList keys{QStringLiteral("paths")};
    std::vector<PropertyValue> values{PropertyValue(paths)};
    if (found && found->artifacts) {
        const ArtifactSpec &artifacts = *found->artifacts;
        if (!artifacts.exclude.isEmpty()) {
            keys.append(QStringLiteral("exclude"));
            values.push_back(artifacts.exclude);
        }
        if (artifacts.expireIn) {
            keys.append(QStringLiteral("expire_in"));
            values.push_back(durationText(*artifacts.expireIn));
        }
        if (artifacts.when != When::OnSuccess) {
            keys.append(QStringLiteral("when"));
            values.push_back(keyword(artifacts.when));
        }
    }
    return setOrRemove(document, job, QStringLiteral("artifacts"),
                       PropertyValue::map(keys, std::move(values)), paths.isEmpty());
}

Result<TextEdit> gateEdit(const PipelineDocument &document, const QString &stage,
                          const QString &key, const PropertyValue &value, bool empty)
{
    if (!empty)
        return edit::setGateProperty(document, stage, key, value);
    const auto pipeline = document.pipeline();
    const Stage *found = pipeline ? findStage(*pipeline, stage) : nullptr;
    const bool present = found && found->gate
                         && (key == QLatin1String("timeout") ? found->gate->timeout.has_value()
                                                             : !found->gate->approvers.isEmpty());
    if (!present)
        return TextEdit();
    return edit::removeGateProperty(document, stage, key);
}

} // namespace

PropertyPanel::PropertyPanel(EditorDocument &document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pages(new QStackedWidget(this))
    , m_title(new QLabel(this))
{
    setObjectName(QStringLiteral("propertyPanel"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setWordWrap(true);
    m_pages->addWidget(createJobPage());
    m_pages->addWidget(createStagePage());
    m_pages->addWidget(new QLabel(tr("Select a job or a stage to edit its properties."), this));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_pages);
    layout->addStretch();
    showNothing();
}

QWidget *PropertyPanel::createJobPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    const auto job = [](const Pipeline &pipeline, const QString &name) {
        return pipeline.findJob(name);
    };

    addField(
        form, Page::Job, QStringLiteral("name"), tr("&Name:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return edit::renameJob(document, m_subject, text.trimmed());
        },
        [](const Pipeline &, const QString &name) { return name; });
    addField(
        form, Page::Job, QStringLiteral("commands"), tr("&Commands:"), new LinesEdit(page),
        [this](const PipelineDocument &document, const QString &text) -> Result<TextEdit> {
            const QStringList commands = LinesEdit::linesOf(text);
            if (commands.isEmpty())
                return Error{tr("a job needs at least one command")};
            return edit::setJobProperty(document, m_subject, QStringLiteral("commands"), commands);
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found ? found->commands.join(QLatin1Char('\n')) : QString();
        });
    addField(
        form, Page::Job, QStringLiteral("env"), tr("&Environment:"), new LinesEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return envEdit(document, m_subject, text);
        },
        [job](const Pipeline &pipeline, const QString &name) {
            QStringList lines;
            if (const Job *found = job(pipeline, name)) {
                for (const Variable &variable : found->env)
                    lines.append(variable.name + QLatin1Char('=') + variable.value);
            }
            return lines.join(QLatin1Char('\n'));
        });
    addJobTextField(form, QStringLiteral("timeout"), tr("&Timeout:"));
    addJobTextField(form, QStringLiteral("retry"), tr("&Retry:"));

    auto *allowFailure = new QCheckBox(tr("A failure does not fail the run"), page);
    addField(
        form, Page::Job, QStringLiteral("allow_failure"), tr("&Allow failure:"), allowFailure,
        [this](const PipelineDocument &document, const QString &text) {
            const bool on = text == QLatin1String("true");
            return setOrRemove(document, m_subject, QStringLiteral("allow_failure"),
                               QStringLiteral("true"), !on);
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found && found->allowFailure ? QStringLiteral("true") : QStringLiteral("false");
        });

    // The words of the file's format, not translated.
    auto *when = new QComboBox(page);
    when->addItems(
        {QStringLiteral("on_success"), QStringLiteral("on_failure"), QStringLiteral("always")});
    addField(
        form, Page::Job, QStringLiteral("when"), tr("&When:"), when,
        [this](const PipelineDocument &document, const QString &text) {
            return setOrRemove(document, m_subject, QStringLiteral("when"), text,
                               text == QLatin1String("on_success"));
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found ? keyword(found->when) : QString();
        });
    addJobTextField(form, QStringLiteral("if"), tr("&If:"));
    addField(
        form, Page::Job, QStringLiteral("cache"), tr("Cac&he paths:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return cacheEdit(document, m_subject, text);
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found && found->caches.size() == 1
                       ? found->caches.first().paths.join(QLatin1String(", "))
                       : QString();
        });
    addField(
        form, Page::Job, QStringLiteral("artifacts"), tr("Arti&facts:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return artifactsEdit(document, m_subject, text);
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found && found->artifacts ? found->artifacts->paths.join(QLatin1String(", "))
                                             : QString();
        });
    addField(
        form, Page::Job, QStringLiteral("secrets"), tr("&Secrets:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            const QStringList names = listOf(text);
            return setOrRemove(document, m_subject, QStringLiteral("secrets"), names,
                               names.isEmpty());
        },
        [job](const Pipeline &pipeline, const QString &name) {
            const Job *found = job(pipeline, name);
            return found ? found->secrets.join(QLatin1String(", ")) : QString();
        });
    return page;
}

void PropertyPanel::addJobTextField(QFormLayout *form, const QString &key, const QString &label)
{
    auto *editor = new QLineEdit(form->parentWidget());
    addField(
        form, Page::Job, key, label, editor,
        [this, key](const PipelineDocument &document, const QString &text) {
            return setOrRemove(document, m_subject, key, text.trimmed(), text.trimmed().isEmpty());
        },
        [key](const Pipeline &pipeline, const QString &name) {
            const Job *found = pipeline.findJob(name);
            if (!found)
                return QString();
            if (key == QLatin1String("timeout"))
                return found->timeout ? durationText(*found->timeout) : QString();
            if (key == QLatin1String("retry"))
                return found->retry > 0 ? QString::number(found->retry) : QString();
            return found->condition ? found->condition->text : QString();
        });
}

QWidget *PropertyPanel::createStagePage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    addField(
        form, Page::Stage, QStringLiteral("name"), tr("&Name:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return edit::renameStage(document, m_subject, text.trimmed());
        },
        [](const Pipeline &, const QString &name) { return name; });
    addField(
        form, Page::Stage, QStringLiteral("if"), tr("&If:"), new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) -> Result<TextEdit> {
            if (!text.trimmed().isEmpty())
                return edit::setStageProperty(document, m_subject, QStringLiteral("if"),
                                              text.trimmed());
            if (!document.stageKeyRange(m_subject, QStringLiteral("if")))
                return TextEdit();
            return edit::removeStageProperty(document, m_subject, QStringLiteral("if"));
        },
        [](const Pipeline &pipeline, const QString &name) {
            const Stage *stage = findStage(pipeline, name);
            return stage && stage->condition ? stage->condition->text : QString();
        });
    addField(
        form, Page::Stage, QStringLiteral("gate.approvers"), tr("Gate &approvers:"),
        new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            const QStringList names = listOf(text);
            return gateEdit(document, m_subject, QStringLiteral("approvers"), names,
                            names.isEmpty());
        },
        [](const Pipeline &pipeline, const QString &name) {
            const Stage *stage = findStage(pipeline, name);
            return stage && stage->gate ? stage->gate->approvers.join(QLatin1String(", "))
                                        : QString();
        });
    addField(
        form, Page::Stage, QStringLiteral("gate.timeout"), tr("Gate &timeout:"),
        new QLineEdit(page),
        [this](const PipelineDocument &document, const QString &text) {
            return gateEdit(document, m_subject, QStringLiteral("timeout"), text.trimmed(),
                            text.trimmed().isEmpty());
        },
        [](const Pipeline &pipeline, const QString &name) {
            const Stage *stage = findStage(pipeline, name);
            return stage && stage->gate && stage->gate->timeout
                       ? durationText(*stage->gate->timeout)
                       : QString();
        });
    return page;
}

void PropertyPanel::addField(QFormLayout *form, Page page, const QString &key, const QString &label,
                             QWidget *editor, MakeEdit makeEdit, ShowValue showValue)
{
    const QString prefix = page == Page::Job ? QStringLiteral("job.") : QStringLiteral("stage.");
    editor->setObjectName(prefix + key);
    auto *problem = new QLabel(form->parentWidget());
    problem->setObjectName(prefix + key + QStringLiteral(".problem"));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    problem->setVisible(false);
    auto *column = new QVBoxLayout;
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(editor);
    column->addWidget(problem);
    form->addRow(label, column);

    const qsizetype index = m_fields.size();
    m_fields.append({page, key, editor, problem, std::move(makeEdit), std::move(showValue), {}});
    const auto checkIt = [this, index] { check(m_fields[index]); };
    const auto applyIt = [this, index] { apply(m_fields[index]); };
    if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        connect(line, &QLineEdit::textEdited, this, checkIt);
        connect(line, &QLineEdit::editingFinished, this, applyIt);
    } else if (auto *lines = qobject_cast<LinesEdit *>(editor)) {
        connect(lines, &QPlainTextEdit::textChanged, this, checkIt);
        connect(lines, &LinesEdit::editingFinished, this, applyIt);
    } else if (auto *box = qobject_cast<QCheckBox *>(editor)) {
        connect(box, &QCheckBox::toggled, this, applyIt);
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        connect(combo, &QComboBox::activated, this, applyIt);
    }
}

void PropertyPanel::showJob(const QString &job)
{
    m_page = Page::Job;
    m_subject = job;
    m_pages->setCurrentIndex(0);
    m_title->setText(tr("Job %1").arg(job));
    refresh();
}

void PropertyPanel::showStage(const QString &stage)
{
    m_page = Page::Stage;
    m_subject = stage;
    m_pages->setCurrentIndex(1);
    m_title->setText(tr("Stage %1").arg(stage));
    refresh();
}

void PropertyPanel::showNothing()
{
    m_subject.clear();
    m_pages->setCurrentIndex(2);
    m_title->clear();
}

void PropertyPanel::refresh()
{
    const auto pipeline = m_document.shownPipeline();
    if (m_subject.isEmpty() || !pipeline)
        return;
    const bool editable = !m_document.isReadOnly();
    m_showing = true;
    for (Field &field : m_fields) {
        if (field.page != m_page)
            continue;
        field.editor->setEnabled(editable);
        // A field being typed in keeps what is typed until editing it finishes.
        if (field.editor->hasFocus() && textOf(field.editor) != field.shown)
            continue;
        field.shown = field.showValue(*pipeline, m_subject);
        setTextOf(field.editor, field.shown);
        field.problem->setVisible(false);
    }
    m_showing = false;
}

void PropertyPanel::check(Field &field)
{
    if (m_showing || m_subject.isEmpty())
        return;
    const Result<TextEdit> edit = field.makeEdit(m_document.document(), textOf(field.editor));
    field.problem->setText(edit ? QString() : edit.error().message);
    field.problem->setVisible(!edit);
}

void PropertyPanel::apply(Field &field)
{
    const QString text = textOf(field.editor);
    if (m_showing || m_subject.isEmpty() || text == field.shown)
        return;
    const Result<TextEdit> edit = field.makeEdit(m_document.document(), text);
    if (!edit) {
        field.problem->setText(edit.error().message);
        field.problem->setVisible(true);
        return emit edited(edit.error().message);
    }

    field.problem->setVisible(false);
    const QString old = m_subject;
    const bool renames = field.key == QLatin1String("name");
    if (renames)
        m_subject = text.trimmed();
    field.shown = text;
    const Status done = m_document.perform(edit, tr("Set %1 of %2").arg(field.key, old));
    if (!done) {
        m_subject = old;
        return emit edited(done.error().message);
    }
    if (renames && m_page == Page::Job)
        emit jobRenamed(old, m_subject);
    else if (renames)
        emit stageRenamed(old, m_subject);
    emit edited(QString());
}

const PropertyPanel::Field *PropertyPanel::findField(const QString &key) const
{
    for (const Field &field : m_fields) {
        if (field.page == m_page && field.key == key)
            return &field;
    }
    return nullptr;
}

QWidget *PropertyPanel::field(const QString &key) const
{
    const Field *found = findField(key);
    return found ? found->editor : nullptr;
}

QLabel *PropertyPanel::problemOf(const QString &key) const
{
    const Field *found = findField(key);
    return found ? found->problem : nullptr;
}

} // namespace pw::gui
