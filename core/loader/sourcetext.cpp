#include "sourcetext.h"

namespace pw::loader {

namespace {

bool isContinuationByte(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

// Beyond this many bytes into a line the column is given in bytes: counting characters in
// a multi-megabyte line for each of hundreds of diagnostics would take too long.
constexpr int maxColumnToCount = 10000;

} // namespace

SourceText::SourceText(const QString &fileName, const QByteArray &text)
    : m_fileName(fileName)
    , m_text(text)
{}

SourceLocation SourceText::locate(qsizetype offset, int line, int byteColumn) const
{
    if (line < 0 || byteColumn < 0)
        return wholeFile();

    int column = byteColumn;
    const qsizetype lineStart = offset - byteColumn;
    if (byteColumn <= maxColumnToCount && lineStart >= 0 && offset <= m_text.size()) {
        column = 0;
        for (qsizetype i = lineStart; i < offset; ++i)
            column += isContinuationByte(m_text[i]) ? 0 : 1;
    }
    return SourceLocation{m_fileName, line + 1, column + 1};
}

SourceLocation SourceText::locateOffset(qsizetype offset) const
{
    offset = std::clamp<qsizetype>(offset, 0, m_text.size());
    int line = 0;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < offset; ++i) {
        if (m_text[i] == '\n') {
            ++line;
            lineStart = i + 1;
        }
    }
    return locate(offset, line, int(std::min<qsizetype>(offset - lineStart, INT_MAX)));
}

char SourceText::at(qsizetype offset) const
{
    return offset >= 0 && offset < m_text.size() ? m_text[offset] : '\0';
}

} // namespace pw::loader
