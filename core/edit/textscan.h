#pragma once

#include <QByteArray>

namespace pw::edit {

// Small scans over YAML text, forward only: backwards, a '#' cannot be told from one
// inside a quoted text.

inline bool isSpace(char c)
{
    return c == ' ' || c == '\t';
}
inline bool isLineBreak(char c)
{
    return c == '\n' || c == '\r';
}
inline bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

// The first offset from `from` that is not a space or tab.
qsizetype skipSpaces(const QByteArray &text, qsizetype from);
// The first offset from `from` that is not white space, a line break or part of a comment.
qsizetype skipBlanksAndComments(const QByteArray &text, qsizetype from);
// The offset of the line break (or the end) of the line holding `from`.
qsizetype lineBreakAfter(const QByteArray &text, qsizetype from);
// Whether only spaces and tabs come between the start of the line and `offset`.
bool startsLine(const QByteArray &text, qsizetype offset);
// Whether only spaces, tabs and a comment come after `offset` on its line.
bool endsLine(const QByteArray &text, qsizetype offset);
// The number of spaces at the start of the line that starts at `lineStart`.
int indentationAt(const QByteArray &text, qsizetype lineStart);
// Whether the line starting at `lineStart` holds nothing but blanks.
bool isBlankLine(const QByteArray &text, qsizetype lineStart);
// Whether the line starting at `lineStart` holds only a comment.
bool isCommentLine(const QByteArray &text, qsizetype lineStart);

} // namespace pw::edit
