#include "ansitext.h"

namespace pw::gui {

namespace {

// Skips one escape sequence that starts at `at` (the ESC byte) and returns the index after
// it. CSI sequences end at a byte from 0x40 to 0x7e; OSC ones at BEL or ESC backslash.
qsizetype skipEscape(QByteArrayView line, qsizetype at)
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

qsizetype endOfText(QByteArrayView line)
{
    qsizetype end = line.size();
    while (end > 0 && (line.at(end - 1) == '\n' || line.at(end - 1) == '\r'))
        --end;
    return end;
}

// The sixteen terminal colours, dark enough to read on a light background and light
// enough on a dark one.
QColor basicColour(int index)
{
    static const QRgb colours[16] = {0x000000, 0xc01c28, 0x26a269, 0xa2734c, 0x12488b, 0xa347ba,
                                     0x2aa1b3, 0x808080, 0x5e5c64, 0xf66151, 0x33b46c, 0xc4a000,
                                     0x2a7bde, 0xc061cb, 0x33c7de, 0xb0b0b0};
    return QColor(colours[qBound(0, index, 15)]);
}

QColor paletteColour(int index)
{
    if (index < 16)
        return basicColour(index);
    if (index < 232) {
        const int cube = index - 16;
        const auto level = [](int v) { return v == 0 ? 0 : 55 + v * 40; };
        return QColor(level(cube / 36), level(cube / 6 % 6), level(cube % 6));
    }
    const int grey = 8 + (qMin(index, 255) - 232) * 10;
    return QColor(grey, grey, grey);
}

// Reads an extended colour ("5;n" or "2;r;g;b") from `codes` at `i`, moving `i` past it.
QColor extendedColour(const QList<int> &codes, qsizetype &i)
{
    if (i + 1 < codes.size() && codes.at(i + 1) == 5 && i + 2 < codes.size()) {
        i += 2;
        return paletteColour(qBound(0, codes.at(i), 255));
    }
    if (i + 1 < codes.size() && codes.at(i + 1) == 2 && i + 4 < codes.size()) {
        i += 4;
        return QColor(qBound(0, codes.at(i - 2), 255), qBound(0, codes.at(i - 1), 255),
                      qBound(0, codes.at(i), 255));
    }
    i = codes.size();
    return {};
}

void applyCode(AnsiStyle &style, const QList<int> &codes, qsizetype &i)
{
    const int code = codes.at(i);
    if (code == 0)
        style = AnsiStyle();
    else if (code == 1)
        style.bold = true;
    else if (code == 22)
        style.bold = false;
    else if (code >= 30 && code <= 37)
        style.foreground = basicColour(code - 30);
    else if (code >= 90 && code <= 97)
        style.foreground = basicColour(code - 90 + 8);
    else if (code == 39)
        style.foreground = QColor();
    else if (code >= 40 && code <= 47)
        style.background = basicColour(code - 40);
    else if (code >= 100 && code <= 107)
        style.background = basicColour(code - 100 + 8);
    else if (code == 49)
        style.background = QColor();
    else if (code == 38)
        style.foreground = extendedColour(codes, i);
    else if (code == 48)
        style.background = extendedColour(codes, i);
}

// Applies the SGR sequence line[from, to) ("ESC [ ... m") to `style`; others change nothing.
void applySgr(AnsiStyle &style, QByteArrayView line, qsizetype from, qsizetype to)
{
    if (to - from < 3 || line.at(from + 1) != '[' || line.at(to - 1) != 'm')
        return;
    QList<int> codes;
    int value = 0;
    // Parameters are short; the bound keeps a hostile line from building a huge list.
    for (qsizetype i = from + 2; i < to - 1 && codes.size() < 64; ++i) {
        const char c = line.at(i);
        if (c >= '0' && c <= '9')
            value = qMin(value * 10 + (c - '0'), 100000);
        else if (c == ';' || c == ':') {
            codes.append(value);
            value = 0;
        }
    }
    codes.append(value);
    for (qsizetype i = 0; i < codes.size(); ++i)
        applyCode(style, codes, i);
}

} // namespace

QByteArray plainLogBytes(QByteArrayView line)
{
    const qsizetype end = endOfText(line);
    QByteArray plain;
    plain.reserve(end);
    for (qsizetype i = 0; i < end;) {
        if (line.at(i) == '\x1b') {
            i = skipEscape(line, i);
            continue;
        }
        const qsizetype next = line.indexOf('\x1b', i);
        const qsizetype stop = next < 0 || next > end ? end : next;
        plain.append(line.sliced(i, stop - i));
        i = stop;
    }
    return plain;
}

QString plainLogLine(QByteArrayView line)
{
    return QString::fromUtf8(plainLogBytes(line));
}

AnsiLine ansiLine(QByteArrayView line)
{
    AnsiLine shown;
    AnsiStyle style;
    const qsizetype end = endOfText(line);
    const auto addText = [&](qsizetype from, qsizetype to) {
        if (to <= from)
            return;
        const qsizetype start = shown.text.size();
        shown.text.append(QString::fromUtf8(line.sliced(from, to - from)));
        const int length = int(shown.text.size() - start);
        if (!shown.spans.isEmpty() && shown.spans.constLast().style == style)
            shown.spans.last().length += length;
        else
            shown.spans.append({int(start), length, style});
    };

    qsizetype textStart = 0;
    for (qsizetype i = 0; i < end;) {
        if (line.at(i) != '\x1b') {
            ++i;
            continue;
        }
        addText(textStart, i);
        const qsizetype after = qMin(skipEscape(line, i), end);
        applySgr(style, line, i, after);
        i = after;
        textStart = i;
    }
    addText(textStart, end);
    return shown;
}

} // namespace pw::gui
