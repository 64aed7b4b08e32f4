#pragma once

#include <QByteArray>
#include <QList>

namespace pw::edit {

// Where the lines of a text start, to turn byte offsets into 0-based lines and columns and
// back. Lines end at '\n'; a '\r' before it belongs to the line ending.
class LineIndex
{
public:
    LineIndex() = default;
    explicit LineIndex(const QByteArray &text);

    int lineCount() const { return int(m_starts.size()); }
    int lineOf(qsizetype offset) const;
    qsizetype lineStart(int line) const { return m_starts.at(line); }
    // The offset of the first byte after the line's '\n' (the text's size on the last line).
    qsizetype nextLineStart(int line) const;
    // The offset where the line's content ends, before its '\r\n' or '\n'.
    qsizetype contentEnd(int line) const;
    int columnOf(qsizetype offset) const { return int(offset - lineStart(lineOf(offset))); }

private:
    QList<qsizetype> m_starts;
    qsizetype m_size = 0;
    QList<bool> m_crlf;
};

} // namespace pw::edit
