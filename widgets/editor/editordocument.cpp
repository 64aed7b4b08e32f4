#include "editordocument.h"

#include "core/edit/sketch.h"
#include "core/gitlab/anypipeline.h"
#include "core/gitlab/gitlabloader.h"
#include "core/loader/limits.h"
#include "editorlog.h"
#include "textdiff.h"
#include "texteditcommand.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUndoStack>

namespace pw::gui {

EditorDocument::EditorDocument(QObject *parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
    connect(m_undo, &QUndoStack::cleanChanged, this,
            [this] { emit modifiedChanged(isModified()); });
}

EditorDocument::~EditorDocument() = default;

Status EditorDocument::open(const QString &path)
{
    Result<edit::PipelineDocument> read = edit::PipelineDocument::fromFile(path);
    if (!read) {
        qCWarning(lcEditor) << "cannot open" << path << ":" << read.error().message;
        return Status(read.error());
    }

    // GitLab's format is read by its own loader; the editor only shows it.
    const bool gitLab = isGitLabFile(path);
    m_foreign = gitLab ? loadAnyPipeline(path, Pipeline::Format::GitLab) : LoadResult();
    reset(*read, QFileInfo(path).absoluteFilePath(), gitLab);
    m_modifiedWithoutEdits = false;
    emit fileChanged();
    emit changed();
    emit modifiedChanged(isModified());
    return {};
}

void EditorDocument::openText(const QByteArray &text, const QString &suggestedPath, bool modified)
{
    const QFileInfo info(suggestedPath);
    edit::PipelineDocument document(info.fileName(), info.absolutePath());
    document.setText(text);
    m_foreign = LoadResult();
    reset(document, QString(), false);
    m_suggestedPath = info.absoluteFilePath();
    m_modifiedWithoutEdits = modified;
    emit fileChanged();
    emit changed();
    emit modifiedChanged(isModified());
}

void EditorDocument::reset(const edit::PipelineDocument &document, const QString &path,
                           bool readOnly)
{
    m_undo->clear();
    m_document = document;
    updateSketch();
    m_filePath = path;
    m_suggestedPath = path;
    m_readOnly = readOnly;
}

void EditorDocument::updateSketch()
{
    const edit::SyntaxTree *tree = m_document.syntaxTree();
    if (m_document.lastValidPipeline() || !tree) {
        m_sketch.reset();
        return;
    }
    m_sketch = std::make_shared<const Pipeline>(edit::sketchOf(*tree, m_document.outline()));
}

QString EditorDocument::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("untitled");
    return QFileInfo(m_filePath).fileName();
}

bool EditorDocument::isModified() const
{
    return m_modifiedWithoutEdits || !m_undo->isClean();
}

std::shared_ptr<const Pipeline> EditorDocument::shownPipeline() const
{
    if (m_readOnly)
        return m_foreign.pipeline;
    if (const auto valid = m_document.lastValidPipeline())
        return valid;
    return m_sketch;
}

const Diagnostics &EditorDocument::diagnostics() const
{
    return m_readOnly ? m_foreign.diagnostics : m_document.diagnostics();
}

int EditorDocument::lineOfJob(const QString &job) const
{
    if (const auto range = m_document.jobRange(job); range && !m_readOnly)
        return range->firstLine;
    const auto pipeline = shownPipeline();
    const Job *found = pipeline ? pipeline->findJob(job) : nullptr;
    return found ? found->location.line : 0;
}

int EditorDocument::lineOfStage(const QString &stage) const
{
    if (const auto range = m_document.stageRange(stage); range && !m_readOnly)
        return range->firstLine;
    const auto pipeline = shownPipeline();
    if (!pipeline)
        return 0;
    for (const Stage &candidate : pipeline->stages) {
        if (candidate.name == stage)
            return candidate.location.line;
    }
    return 0;
}

std::pair<QString, QString> EditorDocument::jobAndStageAt(int line) const
{
    // The innermost place that holds the line: a job's range lies inside its stage's.
    if (m_readOnly || line <= 0)
        return {};
    std::pair<QString, QString> found;
    for (const edit::StagePlace &stage : m_document.outline().stagePlaces) {
        const auto stageRange = m_document.stageRange(stage.name);
        if (!stageRange || line < stageRange->firstLine || line > stageRange->lastLine)
            continue;
        found.second = stage.name;
        for (const edit::JobPlace &job : stage.jobPlaces) {
            const auto jobRange = m_document.jobRange(job.name);
            if (jobRange && line >= jobRange->firstLine && line <= jobRange->lastLine)
                found.first = job.name;
        }
    }
    return found;
}

Status EditorDocument::perform(const Result<edit::TextEdit> &edit, const QString &description)
{
    if (m_readOnly)
        return Status::failure(tr("%1 is a GitLab file: convert it to a Pipewright pipeline "
                                  "to edit it")
                                   .arg(displayName()));
    if (!edit)
        return Status(edit.error());
    if (edit->isEmpty())
        return {};
    if (!edit->appliesTo(m_document.text()))
        return Status::failure(tr("the edit was made for another version of the text"));
    m_undo->push(new TextEditCommand(*this, *edit, description));
    return {};
}

void EditorDocument::replaceText(const QByteArray &text)
{
    if (m_readOnly || text == m_document.text())
        return;
    m_undo->push(
        new TextEditCommand(*this, textDifference(m_document.text(), text), tr("Edit text")));
}

void EditorDocument::applyRecorded(const edit::TextEdit &edit)
{
    const Status applied = m_document.apply(edit);
    // Commands are made for the text they find and undone in order; anything else is a
    // bug, and the text stays as it is rather than being damaged.
    if (!applied) {
        qCWarning(lcEditor) << "an undo step did not fit the text:" << applied.error().message;
        return;
    }
    updateSketch();
    emit changed();
}

Status EditorDocument::save()
{
    if (m_filePath.isEmpty())
        return Status::failure(tr("the pipeline has no file yet: save it as a file"));
    return write(m_filePath);
}

Status EditorDocument::saveAs(const QString &path)
{
    if (path.isEmpty())
        return Status::failure(tr("no file name given"));
    const Status written = write(path);
    if (!written)
        return written;
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        m_suggestedPath = absolute;
        emit fileChanged();
    }
    return {};
}

Status EditorDocument::write(const QString &path)
{
    if (m_readOnly)
        return Status::failure(tr("%1 is shown read-only").arg(displayName()));

    // QSaveFile replaces the file only once every byte is written.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_document.text()) != text().size()
        || !file.commit()) {
        qCWarning(lcEditor) << "cannot save" << path << ":" << file.errorString();
        return Status::failure(tr("cannot save %1: %2").arg(path, file.errorString()));
    }
    m_modifiedWithoutEdits = false;
    m_undo->setClean();
    emit modifiedChanged(false);
    return {};
}

} // namespace pw::gui
