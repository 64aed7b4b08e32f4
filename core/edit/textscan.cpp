#include "textscan.h"

namespace pw::edit {

qsizetype skipSpaces(const QByteArray &text, qsizetype from)
{
    while (from < text.size() && isSpace(text.at(from)))
        ++from;
    return from;
}

qsizetype skipBlanksAndComments(const QByteArray &text, qsizetype from)
{
    while (from < text.size()) {
        const char c = text.at(from);
        if (c == '#')
            from = lineBreakAfter(text, from);
        else if (isSpace(c) || isLineBreak(c))
            ++from;
        else
            break;
    }
    return from;
}

qsizetype lineBreakAfter(const QByteArray &text, qsizetype from)
{
    while (from < text.size() && !isLineBreak(text.at(from)))
        ++from;
    return from;
}

bool startsLine(const QByteArray &text, qsizetype offset)
{
    for (qsizetype i = offset - 1; i >= 0; --i) {
        if (text.at(i) == '\n')
            return true;
        if (!isSpace(text.at(i)))
            return false;
    }
    return true;
}

bool endsLine(const QByteArray &text, qsizetype offset)
{
    const qsizetype next = skipSpaces(text, offset);
    return next >= text.size() || isLineBreak(text.at(next)) || text.at(next) == '#';
}

int indentationAt(const QByteArray &text, qsizetype lineStart)
{
    int spaces = 0;
    while (lineStart + spaces < text.size() && text.at(lineStart + spaces) == ' ')
        ++spaces;
    return spaces;
}

bool isBlankLine(const QByteArray &text, qsizetype lineStart)
{
    const qsizetype next = skipSpaces(text, lineStart);
    return next >= text.size() || isLineBreak(text.at(next));
}

bool isCommentLine(const QByteArray &text, qsizetype lineStart)
{
    const qsizetype next = skipSpaces(text, lineStart);
    return next < text.size() && text.at(next) == '#';
}

} // namespace pw::edit
