#include "rundialog.h"

#include "core/util/currentuser.h"
#include "core/vcs/gitrepository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace pw::gui {

namespace {

// What the worker thread found; a plain struct so the future needs no error type.
struct GitPrefill
{
    bool found = false;
    GitState state;
};

// The most variables a run dialog takes: far more than anyone types, few enough to check.
constexpr int maxVariables = 1000;

// The event of a run started by hand, the dialog's first choice.
const char *const manualEvent = "manual";

} // namespace

void prefillRunContext(const QString &directory, QObject *receiver,
                       std::function<void(const RunContext &context, bool fromGit)> done)
{
    auto *watcher = new QFutureWatcher<GitPrefill>(receiver);
    QObject::connect(watcher, &QFutureWatcher<GitPrefill>::finished, receiver,
                     [watcher, done = std::move(done)] {
                         const GitPrefill git = watcher->result();
                         watcher->deleteLater();
                         RunContext context;
                         context.branch = git.state.branch;
                         context.commit = git.state.commit;
                         context.tag = git.state.tag;
                         context.event = QString::fromLatin1(manualEvent);
                         context.triggeredBy = currentUser();
                         done(context, git.found);
                     });
    watcher->setFuture(QtConcurrent::run([directory] {
        const auto state = pw::readGitState(directory);
        return state.ok() ? GitPrefill{true, *state} : GitPrefill{};
    }));
}

RunDialog::RunDialog(const QString &pipelineName, const QString &pipelineDirectory, QWidget *parent)
    : QDialog(parent)
    , m_branch(new QLineEdit(this))
    , m_commit(new QLineEdit(this))
    , m_event(new QComboBox(this))
    , m_variables(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
{
    setWindowTitle(tr("Run %1").arg(pipelineName));
    m_branch->setPlaceholderText(tr("reading git…"));
    m_commit->setPlaceholderText(tr("reading git…"));
    // The event words are the pipeline file's vocabulary, so they are not translated.
    for (const char *event : {manualEvent, "push", "merge_request", "tag", "schedule"})
        m_event->addItem(QString::fromLatin1(event));
    m_variables->setPlaceholderText(tr("One NAME=VALUE per line"));
    m_variables->setTabChangesFocus(true);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&Branch:"), m_branch);
    form->addRow(tr("&Commit:"), m_commit);
    form->addRow(tr("&Event:"), m_event);
    form->addRow(tr("&Variables:"), m_variables);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Run"));
    connect(buttons, &QDialogButtonBox::accepted, this, &RunDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RunDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);

    readGitState(pipelineDirectory);
}

Result<RunContext> RunDialog::context() const
{
    RunContext context;
    context.branch = m_branch->text().trimmed();
    context.commit = m_commit->text().trimmed();
    context.tag = m_tag;
    context.event = m_event->currentText();
    context.triggeredBy = currentUser();

    const QStringList lines = m_variables->toPlainText().split(QLatin1Char('\n'));
    if (lines.size() > maxVariables)
        return Result<RunContext>::failure(tr("at most %1 variables").arg(maxVariables));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return Result<RunContext>::failure(
                tr("variables, line %1: expected NAME=VALUE, got '%2'").arg(i + 1).arg(line));
        }
        setVariable(context.variables, line.left(equals).trimmed(), line.mid(equals + 1));
    }
    return context;
}

void RunDialog::accept()
{
    const auto entered = context();
    if (!entered.ok()) {
        m_problem->setText(entered.error().message);
        m_problem->setVisible(true);
        return;
    }
    QDialog::accept();
}

void RunDialog::readGitState(const QString &directory)
{
    prefillRunContext(directory, this, [this](const RunContext &context, bool fromGit) {
        m_branch->setPlaceholderText(QString());
        m_commit->setPlaceholderText(QString());
        if (fromGit && m_branch->text().isEmpty())
            m_branch->setText(context.branch);
        if (fromGit && m_commit->text().isEmpty())
            m_commit->setText(context.commit);
        m_tag = context.tag;
        m_prefilled = true;
        emit prefilled();
    });
}

} // namespace pw::gui
