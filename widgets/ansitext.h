#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QColor>
#include <QList>
#include <QString>

namespace pw::gui {

// A log line as shown: its text without ANSI escape sequences (colours, cursor moves) and
// without a trailing carriage return or newline. Invalid UTF-8 becomes replacement marks.
QString plainLogLine(QByteArrayView line);
inline QString plainLogLine(const QByteArray &line)
{
    return plainLogLine(QByteArrayView(line));
}
// The same as bytes: the UTF-8 text without escape sequences and line end.
QByteArray plainLogBytes(QByteArrayView line);

// How a run of text is drawn, as set by SGR sequences ("ESC [ 1;31 m"). Invalid colours
// mean the view's own.
struct AnsiStyle
{
    QColor foreground;
    QColor background;
    bool bold = false;

    bool operator==(const AnsiStyle &) const = default;
};

struct AnsiSpan
{
    int start = 0; // in UTF-16 units of the plain text
    int length = 0;
    AnsiStyle style;
};

// A line split into runs of one style each, with its plain text (as plainLogLine gives it).
// Colours do not carry over from one line to the next.
struct AnsiLine
{
    QString text;
    QList<AnsiSpan> spans;
};
AnsiLine ansiLine(QByteArrayView line);

} // namespace pw::gui
