#include "linesedit.h"

namespace pw::gui {

namespace {

constexpr int visibleLines = 4;

} // namespace

LinesEdit::LinesEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setTabChangesFocus(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFixedHeight(fontMetrics().lineSpacing() * visibleLines + 12);
}

QStringList LinesEdit::linesOf(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (!line.trimmed().isEmpty())
            lines.append(line.trimmed());
    }
    return lines;
}

void LinesEdit::focusOutEvent(QFocusEvent *event)
{
    QPlainTextEdit::focusOutEvent(event);
    emit editingFinished();
}

} // namespace pw::gui
