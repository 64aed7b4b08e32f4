#include "logtext.h"

#include <algorithm>

namespace pw::gui {

namespace {

// Where line `skip` of `data` starts, or data.size() when it has fewer lines.
qsizetype startOfLine(const QByteArray &data, qint64 skip)
{
    qsizetype at = 0;
    for (qint64 i = 0; i < skip && at < data.size(); ++i) {
        const qsizetype newline = data.indexOf('\n', at);
        at = newline < 0 ? data.size() : newline + 1;
    }
    return at;
}

} // namespace

qint64 LogText::append(const LogChunk &chunk)
{
    const qint64 before = m_lineCount;
    const qint64 known = m_lineCount - chunk.firstLine;
    // The view shares the live feed's text, so each chunk arrives twice: the second time it
    // is known whole, and is not scanned again.
    if (chunk.lineCount > 0 && known >= chunk.lineCount)
        return 0;
    const qsizetype from = known > 0 ? startOfLine(chunk.data, known) : 0;
    if (from >= chunk.data.size())
        return 0;

    // A big chunk is kept as it came, sharing its bytes instead of copying them.
    if (from == 0 && chunk.data.size() >= blockBytes / 4)
        adopt(chunk.data);
    else
        appendBytes(QByteArrayView(chunk.data).sliced(from));
    return m_lineCount - before;
}

void LogText::appendBytes(QByteArrayView bytes)
{
    const bool fits = !m_blocks.isEmpty() && !m_blocks.constLast().adopted
                      && m_blocks.constLast().bytes.size() + bytes.size() <= blockBytes;
    if (!fits) {
        Block block;
        block.firstLine = m_lineCount;
        // Reserved whole, so appends never move the block; untouched pages cost no memory.
        block.bytes.reserve(qMax(blockBytes, bytes.size()));
        m_blocks.append(std::move(block));
    }

    Block &block = m_blocks.last();
    const qsizetype from = block.bytes.size();
    block.bytes.append(bytes);
    addStarts(block, from);
}

void LogText::adopt(const QByteArray &bytes)
{
    Block block;
    block.firstLine = m_lineCount;
    block.bytes = bytes;
    block.adopted = true;
    m_blocks.append(std::move(block));
    addStarts(m_blocks.last(), 0);
}

void LogText::addStarts(Block &block, qsizetype from)
{
    // The bytes before `from` ended a line of their own, finished with a newline or not.
    const QByteArray &bytes = block.bytes;
    for (qsizetype at = from; at < bytes.size(); ++m_lineCount) {
        block.starts.append(quint32(at));
        const qsizetype newline = bytes.indexOf('\n', at);
        const qsizetype end = newline < 0 ? bytes.size() : newline + 1;
        m_longestLine = qMax(m_longestLine, end - at);
        at = end;
    }
    m_byteCount += bytes.size() - from;
}

QByteArrayView LogText::rawLine(qint64 line) const
{
    if (line < 0 || line >= m_lineCount)
        return {};
    const auto after = std::upper_bound(m_blocks.cbegin(), m_blocks.cend(), line,
                                        [](qint64 l, const Block &b) { return l < b.firstLine; });
    const Block &block = *(after - 1);
    const qsizetype inBlock = qsizetype(line - block.firstLine);
    const qsizetype start = block.starts.at(inBlock);
    const qsizetype end =
        inBlock + 1 < block.starts.size() ? block.starts.at(inBlock + 1) : block.bytes.size();
    return QByteArrayView(block.bytes).sliced(start, end - start);
}

} // namespace pw::gui
