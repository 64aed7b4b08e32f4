#include "pipelinedocument.h"

#include "core/loader/inputguard.h"
#include "core/loader/limits.h"
#include "editlog.h"
#include "treeedits.h"

#include <QFile>
#include <QFileInfo>

namespace pw::edit {

PipelineDocument::PipelineDocument(const QString &fileName, const QString &directory)
    : m_fileName(fileName)
    , m_directory(directory)
{
    reread();
}

Result<PipelineDocument> PipelineDocument::fromFile(const QString &path)
{
    QFile file(path);
    if (file.size() > loader::maxFileBytes)
        return Error{path + QStringLiteral(": ") + loader::fileTooLargeMessage()};
    if (!file.open(QIODevice::ReadOnly))
        return Error{path + QStringLiteral(": cannot read the file: ") + file.errorString()};

    const QFileInfo info(path);
    PipelineDocument document(info.fileName(), info.absolutePath());
    document.setText(file.readAll());
    return document;
}

void PipelineDocument::setText(const QByteArray &text)
{
    m_text = text;
    reread();
}

Status PipelineDocument::apply(const TextEdit &edit)
{
    if (!edit.appliesTo(m_text))
        return Status::failure(QStringLiteral("the edit was made for another version of the "
                                              "text"));
    setText(edit.appliedTo(m_text));
    return {};
}

void PipelineDocument::reread()
{
    m_load = loadPipelineText(m_text, m_fileName, m_directory);
    if (m_load.ok())
        m_lastValid = m_load.pipeline;

    // The tree is built also for an invalid pipeline, so that its places can be shown.
    Result<SyntaxTree> tree = SyntaxTree::parse(m_text);
    if (!tree) {
        qCDebug(lcEdit) << "no syntax tree for" << m_fileName << ":" << tree.error().message;
        m_tree.reset();
        m_outline = PipelineOutline();
        m_layout = Layout();
        return;
    }
    m_tree = std::make_shared<const SyntaxTree>(std::move(tree).value());
    m_outline = PipelineOutline::of(*m_tree);
    m_layout = Layout::of(*m_tree);
}

TextRange PipelineDocument::rangeOf(qsizetype begin, qsizetype end) const
{
    const LineIndex &lines = m_tree->lines();
    const qsizetype last = std::max(begin, end - 1);
    return TextRange{begin, end, lines.lineOf(begin) + 1, lines.lineOf(last) + 1};
}

std::optional<TextRange> PipelineDocument::itemRange(int list, int item) const
{
    const Result<LineSpan> lines = itemLines(*m_tree, list, item);
    const SyntaxNode &node = m_tree->node(m_tree->node(list).children.at(item));
    if (!lines)
        return rangeOf(node.start, node.end);
    // The item without the line break that ends it.
    return rangeOf(lines->begin, node.end);
}

std::optional<TextRange> PipelineDocument::keyRange(int map, const QString &key) const
{
    const int entry = m_tree->findEntry(map, key);
    if (entry < 0)
        return std::nullopt;
    const SyntaxNode &keyNode = m_tree->node(m_tree->keyAt(map, entry));
    const SyntaxNode &value = m_tree->node(m_tree->valueAt(map, entry));
    return rangeOf(keyNode.start, std::max(keyNode.end, value.end));
}

std::optional<TextRange> PipelineDocument::stageRange(const QString &stage) const
{
    const StagePlace *place = m_tree ? m_outline.findStage(stage) : nullptr;
    return place ? itemRange(m_outline.stages, place->index) : std::nullopt;
}

std::optional<TextRange> PipelineDocument::jobRange(const QString &job) const
{
    const JobPlace *place = m_tree ? m_outline.findJob(job) : nullptr;
    if (!place)
        return std::nullopt;
    return itemRange(m_outline.stagePlaces.at(place->stage).jobs, place->index);
}

std::optional<TextRange> PipelineDocument::stageKeyRange(const QString &stage,
                                                         const QString &key) const
{
    const StagePlace *place = m_tree ? m_outline.findStage(stage) : nullptr;
    return place && place->map >= 0 ? keyRange(place->map, key) : std::nullopt;
}

std::optional<TextRange> PipelineDocument::jobKeyRange(const QString &job, const QString &key) const
{
    const JobPlace *place = m_tree ? m_outline.findJob(job) : nullptr;
    return place && place->map >= 0 ? keyRange(place->map, key) : std::nullopt;
}

std::optional<TextRange> PipelineDocument::topLevelKeyRange(const QString &key) const
{
    return m_tree && m_outline.root >= 0 ? keyRange(m_outline.root, key) : std::nullopt;
}

} // namespace pw::edit
