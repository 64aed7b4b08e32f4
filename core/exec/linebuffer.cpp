#include "linebuffer.h"

namespace pw {

QByteArray LineBuffer::takeLines(int *lineCount)
{
    const qsizetype end = m_data.lastIndexOf('\n');
    if (end < 0) {
        *lineCount = 0;
        return QByteArray();
    }
    QByteArray lines = m_data.left(end + 1);
    m_data.remove(0, end + 1);
    *lineCount = int(lines.count('\n'));
    return lines;
}

QByteArray LineBuffer::takeAll(int *lineCount)
{
    QByteArray lines;
    lines.swap(m_data);
    *lineCount = int(lines.count('\n')) + (lines.isEmpty() || lines.endsWith('\n') ? 0 : 1);
    return lines;
}

} // namespace pw
