#include "loglinedelegate.h"

#include "logsearch.h"
#include "widgets/ansitext.h"
#include "widgets/logs/loglinesmodel.h"

#include <QApplication>
#include <QPainter>

namespace pw::gui {

namespace {

// Lines longer than this are drawn cut off: nobody reads that far to the right, and laying
// out a megabyte-long line would stall the view.
constexpr int shownChars = 4000;

} // namespace

LogLineDelegate::LogLineDelegate(const LogSearch &search, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_search(search)
{}

int LogLineDelegate::maxShownChars()
{
    return shownChars;
}

void LogLineDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const AnsiLine line = ansiLine(index.data(LogLinesModel::RawLineRole).toByteArray());

    // The row's ground (selection, focus) from the style, then the text drawn here.
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    painter->save();
    painter->setClipRect(option.rect);
    painter->setFont(opt.font);
    paintMatches(painter, opt, line.text, index.row());

    const bool selected = option.state & QStyle::State_Selected;
    const QColor plain = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    const QFontMetrics metrics(opt.font);
    const QRect textRect = option.rect.adjusted(3, 0, 0, 0);
    int x = textRect.left();
    for (const AnsiSpan &span : line.spans) {
        if (span.start >= shownChars || x > textRect.right())
            break;
        const QString part = line.text.mid(span.start, qMin(span.length, shownChars));
        const int width = metrics.horizontalAdvance(part);
        if (span.style.background.isValid() && !selected)
            painter->fillRect(QRect(x, textRect.top(), width, textRect.height()),
                              span.style.background);
        QFont font = opt.font;
        font.setBold(span.style.bold);
        painter->setFont(font);
        painter->setPen(span.style.foreground.isValid() && !selected ? span.style.foreground
                                                                     : plain);
        painter->drawText(QRect(x, textRect.top(), width + 1, textRect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter | Qt::TextSingleLine, part);
        x += width;
    }
    painter->restore();
}

void LogLineDelegate::paintMatches(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QString &text, qint64 line) const
{
    const auto [first, last] = m_search.matchesOnLine(line);
    if (first == last)
        return;
    const QFontMetrics metrics(option.font);
    const int length = m_search.matcher().length();
    const int left = option.rect.left() + 3;
    for (qsizetype i = first; i < last; ++i) {
        const LogMatch &match = m_search.matches().at(i);
        if (match.column >= shownChars)
            break;
        const int x = left + metrics.horizontalAdvance(text.left(match.column));
        const int width = metrics.horizontalAdvance(text.mid(match.column, length));
        const QRect box(x, option.rect.top(), width, option.rect.height());
        if (i == m_current) {
            painter->fillRect(box, option.palette.color(QPalette::Highlight));
            painter->setPen(option.palette.color(QPalette::Text));
            painter->drawRect(box.adjusted(0, 0, -1, -1));
        } else {
            painter->fillRect(box, QColor(255, 230, 120));
        }
    }
}

} // namespace pw::gui
