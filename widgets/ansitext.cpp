#include "ansitext.h"

namespace pw::gui {

namespace {

// Skips one escape sequence that starts at `at` (the ESC byte) and returns the index after
// it. CSI sequences end at a byte from 0x40 to 0x7e; OSC ones at BEL or ESC backslash.
qsizetype skipEscape(const QByteArray &line, qsizetype at)
{
    const qsizetype size = line.size();
    if (at + 1 >= size)
        return size;
    const char kind = line.at(at + 1);
    qsizetype i = at + 2;
    if (kind == '[') {
        while (i < size && !(line.at(i) >= 0x40 && line.at(i) <= 0x7e))
            ++i;
        return qMin(i + 1, size);
    }
    if (kind == ']') {
        while (i < size && line.at(i) != '\a' && !(line.at(i) == '\x1b' && i + 1 < size))
            ++i;
        return qMin(i + (i < size && line.at(i) == '\x1b' ? 2 : 1), size);
    }
    return i;
}

} // namespace

QString plainLogLine(const QByteArray &line)
{
    qsizetype end = line.size();
    while (end > 0 && (line.at(end - 1) == '\n' || line.at(end - 1) == '\r'))
        --end;

    QByteArray plain;
    plain.reserve(end);
    for (qsizetype i = 0; i < end;) {
        if (line.at(i) == '\x1b') {
            i = skipEscape(line, i);
            continue;
        }
        plain.append(line.at(i));
        ++i;
    }
    return QString::fromUtf8(plain);
}

} // namespace pw::gui
