#pragma once

#include <QStyledItemDelegate>

namespace pw::gui {

class LogSearch;

// Draws a log line in the colours its escape sequences ask for, with the matches of a
// search marked: every match on a light ground, the current one in the selection colour
// and framed, so it stands out without relying on colour.
class LogLineDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit LogLineDelegate(const LogSearch &search, QObject *parent = nullptr);

    // The characters of a line it draws at most; the rest of a longer line is not shown.
    static int maxShownChars();
    // The index into the search's matches of the current one, or -1.
    void setCurrentMatch(qsizetype match) { m_current = match; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    void paintMatches(QPainter *painter, const QStyleOptionViewItem &option, const QString &text,
                      qint64 line) const;

    const LogSearch &m_search;
    qsizetype m_current = -1;
};

} // namespace pw::gui
