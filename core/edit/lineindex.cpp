#include "lineindex.h"

#include <algorithm>

namespace pw::edit {

LineIndex::LineIndex(const QByteArray &text)
    : m_size(text.size())
{
    m_starts.append(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) != '\n')
            continue;
        m_crlf.append(i > 0 && text.at(i - 1) == '\r');
        m_starts.append(i + 1);
    }
    // The last line has no '\n'; a '\r' ending it is still a line ending.
    m_crlf.append(!text.isEmpty() && text.endsWith('\r'));
}

int LineIndex::lineOf(qsizetype offset) const
{
    const auto after = std::upper_bound(m_starts.cbegin(), m_starts.cend(), offset);
    return int(after - m_starts.cbegin()) - 1;
}

qsizetype LineIndex::nextLineStart(int line) const
{
    return line + 1 < m_starts.size() ? m_starts.at(line + 1) : m_size;
}

qsizetype LineIndex::contentEnd(int line) const
{
    const bool last = line + 1 >= m_starts.size();
    const qsizetype end = last ? m_size : m_starts.at(line + 1) - 1;
    return m_crlf.at(line) ? end - 1 : end;
}

} // namespace pw::edit
