#pragma once

#include "core/loader/pipelineloader.h"
#include "core/util/result.h"
#include "layout.h"
#include "outline.h"
#include "syntaxtree.h"
#include "textedit.h"

#include <memory>
#include <optional>

namespace pw::edit {

// Where something is written: bytes [begin, end) of the text, on lines firstLine to
// lastLine, counted from 1 as diagnostics count them.
struct TextRange
{
    qsizetype begin = 0;
    qsizetype end = 0;
    int firstLine = 0;
    int lastLine = 0;
};

// A pipeline file being edited: its text as the bytes of the file, the pipeline the text
// describes, the problems in it, and where each stage, job and key is written. Every
// change re-reads the text with the pipeline loader. Copies are cheap and independent.
class PipelineDocument
{
public:
    // An empty document; `fileName` names it in diagnostics, `directory` is where its jobs
    // would run (the current folder when empty).
    explicit PipelineDocument(const QString &fileName = QStringLiteral("pipewright.yml"),
                              const QString &directory = QString());
    // The document of the file at `path`, or why it cannot be read.
    static Result<PipelineDocument> fromFile(const QString &path);

    const QString &fileName() const { return m_fileName; }
    const QString &directory() const { return m_directory; }
    // The text, byte for byte what was set or read, with every edit applied.
    const QByteArray &text() const { return m_text; }

    // Replaces the whole text, as after typing in a text view. An invalid text is kept;
    // its problems are in diagnostics() and lastValidPipeline() stays what it was.
    void setText(const QByteArray &text);
    // Applies an edit made for the current text (by an edit operation, or an inverse one
    // for undo). Fails, changing nothing, when the edit was made for another text.
    Status apply(const TextEdit &edit);

    // Whether the text is a valid pipeline; edit operations need one.
    bool isValid() const { return m_load.ok(); }
    // Every problem of the current text, with line and column.
    const Diagnostics &diagnostics() const { return m_load.diagnostics; }
    // The pipeline of the current text; null while the text is invalid.
    std::shared_ptr<const Pipeline> pipeline() const { return m_load.pipeline; }
    // The pipeline of the last valid text, for views that keep showing it while the text
    // is being fixed; null when no text was valid yet.
    std::shared_ptr<const Pipeline> lastValidPipeline() const { return m_lastValid; }

    // Where a stage, a job, or one key (with its value) is written in the current text;
    // nothing when it is not, or the text is not YAML. A stage's or job's range starts
    // with the comment lines right above it.
    std::optional<TextRange> stageRange(const QString &stage) const;
    std::optional<TextRange> jobRange(const QString &job) const;
    std::optional<TextRange> stageKeyRange(const QString &stage, const QString &key) const;
    std::optional<TextRange> jobKeyRange(const QString &job, const QString &key) const;
    std::optional<TextRange> topLevelKeyRange(const QString &key) const;

    // The text's syntax tree (null when it is not YAML), its stages and jobs in it, and
    // its layout: what edit operations work from.
    const SyntaxTree *syntaxTree() const { return m_tree.get(); }
    const PipelineOutline &outline() const { return m_outline; }
    const Layout &layout() const { return m_layout; }

private:
    void reread();
    TextRange rangeOf(qsizetype begin, qsizetype end) const;
    std::optional<TextRange> itemRange(int list, int item) const;
    std::optional<TextRange> keyRange(int map, const QString &key) const;

    QString m_fileName;
    QString m_directory;
    QByteArray m_text;
    LoadResult m_load;
    std::shared_ptr<const Pipeline> m_lastValid;
    std::shared_ptr<const SyntaxTree> m_tree;
    PipelineOutline m_outline;
    Layout m_layout;
};

} // namespace pw::edit
