#pragma once

#include "core/edit/pipelinedocument.h"

#include <QObject>

class QUndoStack;

namespace pw::gui {

// The pipeline file open in the editor: its text (core/edit's PipelineDocument), where it
// is saved, and the one undo history every view of it shares. Every change, from the graph,
// the property panel or the text view, is an undo command holding a text edit and its
// inverse, so that undo gives back the bytes exactly. GitLab files are shown read-only.
class EditorDocument : public QObject
{
    Q_OBJECT

public:
    explicit EditorDocument(QObject *parent = nullptr);
    ~EditorDocument() override;

    // Reads the file at `path`: a GitLab file (by its name) read-only, any other as a native
    // pipeline to edit. The undo history starts anew. Fails, changing nothing, when the file
    // cannot be read or is too large to edit.
    Status open(const QString &path);
    // Starts an unsaved document holding `text`; `suggestedPath` is offered by Save As.
    void openText(const QByteArray &text, const QString &suggestedPath, bool modified);

    const edit::PipelineDocument &document() const { return m_document; }
    const QByteArray &text() const { return m_document.text(); }
    // The file the document is saved to; empty until it is saved once.
    QString filePath() const { return m_filePath; }
    QString suggestedPath() const { return m_suggestedPath; }
    // A short name for titles: the file's name, or "untitled".
    QString displayName() const;
    bool isReadOnly() const { return m_readOnly; }
    bool isModified() const;
    QUndoStack *undoStack() const { return m_undo; }

    // What the views show: the pipeline of the current text or, while the text is invalid,
    // the last valid one; while no text was valid yet, a sketch of the stages, jobs and
    // needs the text writes (null when it is not YAML). A GitLab file's own pipeline.
    std::shared_ptr<const Pipeline> shownPipeline() const;
    // The problems of the current text.
    const Diagnostics &diagnostics() const;
    // The line (from 1) where a job or stage is written; 0 when unknown.
    int lineOfJob(const QString &job) const;
    int lineOfStage(const QString &stage) const;
    // The job, else the stage, written at `line`, found in the text itself, so also while
    // it has never been valid; empty names when none.
    std::pair<QString, QString> jobAndStageAt(int line) const;

    // Makes `edit` one undo step named `description`; an edit operation's error, or the
    // refusal of a read-only file, is returned and nothing changes.
    Status perform(const Result<edit::TextEdit> &edit, const QString &description);
    // Makes the whole text `text`, as typed in a text view, one undo step.
    void replaceText(const QByteArray &text);
    // Applies an edit without recording it: for undo commands only.
    void applyRecorded(const edit::TextEdit &edit);

    Status save();
    Status saveAs(const QString &path);

signals:
    // The text changed (an edit, an undo, a new file); views re-read what they show.
    void changed();
    void modifiedChanged(bool modified);
    // A file was opened or saved under another name.
    void fileChanged();

private:
    void reset(const edit::PipelineDocument &document, const QString &path, bool readOnly);
    void updateSketch();
    Status write(const QString &path);

    edit::PipelineDocument m_document;
    QString m_filePath;
    QString m_suggestedPath;
    bool m_readOnly = false;
    bool m_modifiedWithoutEdits = false;
    LoadResult m_foreign;                     // a GitLab file's pipeline and problems
    std::shared_ptr<const Pipeline> m_sketch; // while no text was valid
    QUndoStack *m_undo = nullptr;
};

} // namespace pw::gui
