#include "stagelaneitem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QWidget>

namespace pw::gui {

namespace {

constexpr double margin = 8;
constexpr double iconSize = 14;
constexpr double badgeRadius = 4;

QString tr(const char *text)
{
    return QCoreApplication::translate("pw::gui::StageLaneItem", text);
}

// Draws a badge right-aligned in `room` and returns the room left of it.
QRectF drawBadge(QPainter &painter, const LaneBadge &badge, const QRectF &room,
                 const QPalette &palette)
{
    const double textWidth = painter.fontMetrics().horizontalAdvance(badge.text);
    const double width = std::min(room.width(), textWidth + iconSize + 3 * margin / 2);
    const QRectF box(room.right() - width, room.top() + 4, width, room.height() - 8);
    QPen pen(badge.colour);
    pen.setCosmetic(true);
    painter.setPen(pen);
    painter.setBrush(palette.color(QPalette::Base));
    painter.drawRoundedRect(box, badgeRadius, badgeRadius);

    const QRectF iconBox(box.left() + margin / 2, box.center().y() - iconSize / 2, iconSize,
                         iconSize);
    badge.icon.paint(&painter, iconBox.toAlignedRect());
    painter.setPen(palette.color(QPalette::Text));
    const QRectF textBox(iconBox.right() + margin / 2, box.top(),
                         box.right() - iconBox.right() - margin, box.height());
    painter.drawText(
        textBox, Qt::AlignLeft | Qt::AlignVCenter,
        painter.fontMetrics().elidedText(badge.text, Qt::ElideRight, int(textBox.width())));
    return QRectF(room.left(), room.top(), std::max(0.0, box.left() - margin - room.left()),
                  room.height());
}

} // namespace

StageLaneItem::StageLaneItem(int stage, const QString &name, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_stage(stage)
    , m_name(name)
{
    setZValue(-1);
    updateToolTip();
}

void StageLaneItem::setGeometry(const QRectF &box, const QRectF &header)
{
    prepareGeometryChange();
    m_box = box;
    m_header = header;
}

void StageLaneItem::setStatus(const std::optional<LaneBadge> &status)
{
    m_status = status;
    updateToolTip();
    update();
}

void StageLaneItem::setGate(const std::optional<LaneBadge> &gate)
{
    m_gate = gate;
    updateToolTip();
    update();
}

void StageLaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette palette =
        widget ? widget->palette() : (scene() ? scene()->palette() : QApplication::palette());
    painter->setRenderHint(QPainter::Antialiasing);
    QPen edge(palette.color(QPalette::Mid));
    edge.setCosmetic(true);
    painter->setPen(edge);
    painter->setBrush(palette.color(QPalette::AlternateBase));
    painter->drawRect(m_box);
    painter->fillRect(m_header, palette.color(QPalette::Button));

    // The gate badge takes the right end of the header, then the status; the name the rest.
    QRectF room = m_header.adjusted(margin, 0, -margin, 0);
    if (m_gate)
        room = drawBadge(*painter, *m_gate, room, palette);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    const double nameWidth = painter->fontMetrics().horizontalAdvance(m_name);
    font.setBold(false);
    painter->setFont(font);
    if (m_status && room.width() > nameWidth + 4 * iconSize) {
        const QRectF iconBox(room.left() + nameWidth + margin, room.center().y() - iconSize / 2,
                             iconSize, iconSize);
        m_status->icon.paint(painter, iconBox.toAlignedRect());
    }
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::ButtonText));
    painter->drawText(room, Qt::AlignLeft | Qt::AlignVCenter,
                      painter->fontMetrics().elidedText(m_name, Qt::ElideRight, int(room.width())));
}

void StageLaneItem::updateToolTip()
{
    QStringList lines{tr("Stage %1").arg(m_name)};
    if (m_status)
        lines.append(m_status->text);
    if (m_gate)
        lines.append(m_gate->text);
    setToolTip(lines.join(u'\n'));
}

} // namespace pw::gui
