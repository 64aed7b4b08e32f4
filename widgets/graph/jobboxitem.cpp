#include "jobboxitem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QWidget>

namespace pw::gui {

namespace {

constexpr double radius = 6;
constexpr double margin = 8;
constexpr double iconSize = 16;
constexpr double statusBorder = 2.5;

QString tr(const char *text)
{
    return QCoreApplication::translate("pw::gui::JobBoxItem", text);
}

QPalette paletteOf(const QGraphicsItem &item, const QWidget *widget)
{
    if (widget)
        return widget->palette();
    return item.scene() ? item.scene()->palette() : QApplication::palette();
}

} // namespace

JobBoxItem::JobBoxItem(int job, const QString &name, const QSizeF &size, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_job(job)
    , m_name(name)
    , m_size(size)
{
    setFlag(ItemIsSelectable);
    setAcceptHoverEvents(true);
    setZValue(1);
    setCursor(Qt::PointingHandCursor);
    updateToolTip();
}

void JobBoxItem::setSize(const QSizeF &size)
{
    prepareGeometryChange();
    m_size = size;
}

void JobBoxItem::setStatus(const std::optional<JobBoxStatus> &status)
{
    m_status = status;
    updateToolTip();
    update();
}

QString JobBoxItem::attemptText() const
{
    if (!m_status || m_status->attempt <= 0)
        return {};
    if (m_status->maxAttempts > 0)
        return QStringLiteral("%1/%2").arg(m_status->attempt).arg(m_status->maxAttempts);
    return QString::number(m_status->attempt);
}

QString JobBoxItem::detailText() const
{
    if (!m_status)
        return {};
    QStringList parts{m_status->text};
    if (!m_status->elapsed.isEmpty())
        parts.append(m_status->elapsed);
    // Only a second attempt is worth the room: most jobs run once.
    if (m_status->attempt > 1 || m_status->maxAttempts > 1)
        parts.append(tr("attempt %1").arg(attemptText()));
    return parts.join(QStringLiteral(" · "));
}

QRectF JobBoxItem::boundingRect() const
{
    // Room for the status border, which is drawn half outside the box.
    const double out = statusBorder;
    return QRectF(QPointF(0, 0), m_size).adjusted(-out, -out, out, out);
}

void JobBoxItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget)
{
    const QPalette palette = paletteOf(*this, widget);
    const QRectF box(QPointF(0, 0), m_size);
    const bool selected = option->state & QStyle::State_Selected;
    painter->setRenderHint(QPainter::Antialiasing);

    // The box: status colour as its border, the palette's highlight when selected.
    QPen border(m_status ? m_status->colour : palette.color(QPalette::Mid));
    border.setCosmetic(true);
    border.setWidthF(selected ? statusBorder + 1 : (m_status ? statusBorder : 1));
    if (selected)
        border.setColor(palette.color(QPalette::Highlight));
    painter->setPen(border);
    painter->setBrush(palette.color(QPalette::Base));
    painter->drawRoundedRect(box, radius, radius);

    // The status icon carries a shape per state, so the state reads without its colour.
    double left = box.left() + margin;
    if (m_status && !m_status->icon.isNull()) {
        const QRectF iconBox(left, box.top() + margin, iconSize, iconSize);
        m_status->icon.paint(painter, iconBox.toAlignedRect());
        left += iconSize + margin / 2;
    }
    const double lineHeight = (box.height() - 2 * margin) / 2;
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::Text));
    const QRectF nameBox(left, box.top() + margin, box.right() - margin - left, lineHeight);
    const QString name =
        painter->fontMetrics().elidedText(m_name, Qt::ElideMiddle, int(nameBox.width()));
    painter->drawText(nameBox, Qt::AlignLeft | Qt::AlignVCenter, name);

    if (!m_status)
        return;
    font.setBold(false);
    painter->setFont(font);
    painter->setPen(palette.color(QPalette::PlaceholderText));
    const QRectF detailBox(box.left() + margin, nameBox.bottom(), box.width() - 2 * margin,
                           lineHeight);
    const QString detail =
        painter->fontMetrics().elidedText(detailText(), Qt::ElideRight, int(detailBox.width()));
    painter->drawText(detailBox, Qt::AlignLeft | Qt::AlignVCenter, detail);
}

void JobBoxItem::updateToolTip()
{
    if (!m_status) {
        setToolTip(m_name);
        return;
    }
    const QString tip = tr("%1: %2").arg(m_name, detailText());
    setToolTip(m_status->reason.isEmpty() ? tip : tip + u'\n' + m_status->reason);
}

} // namespace pw::gui
