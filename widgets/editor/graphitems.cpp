#include "graphitems.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPalette>
#include <QStyleOptionGraphicsItem>
#include <QtMath>

#include <utility>

namespace pw::gui {

namespace {

constexpr qreal badgeHeight = 16;
constexpr qreal badgeGap = 4;
constexpr qreal badgePadding = 4;
constexpr qreal handleRadius = 6;
constexpr qreal arrowSize = 9;
constexpr qreal edgeHitWidth = 10;

QFont smallFont()
{
    QFont font = QApplication::font();
    font.setPointSizeF(font.pointSizeF() * 0.8);
    return font;
}

QColor selectionColour()
{
    return QApplication::palette().color(QPalette::Highlight);
}

} // namespace

qreal paintBadges(QPainter *painter, const QList<Badge> &badges, QPointF origin)
{
    const QFont font = smallFont();
    const QFontMetricsF metrics(font);
    painter->setFont(font);
    qreal x = origin.x();
    for (const Badge &badge : badges) {
        const QRectF box(x, origin.y(), metrics.horizontalAdvance(badge.text) + 2 * badgePadding,
                         badgeHeight);
        painter->setPen(QPen(QColor(0x55, 0x55, 0x55), 1));
        painter->setBrush(QColor(0xff, 0xf3, 0xc4));
        painter->drawRoundedRect(box, 3, 3);
        painter->setPen(Qt::black);
        painter->drawText(box, Qt::AlignCenter, badge.text);
        x = box.right() + badgeGap;
    }
    return x;
}

QString badgeDetails(const QList<Badge> &badges)
{
    QStringList lines;
    for (const Badge &badge : badges)
        lines.append(badge.details);
    return lines.join(QLatin1Char('\n'));
}

LaneItem::LaneItem(const QString &stage, int index, const QRectF &box, const QRectF &header,
                   const QList<Badge> &badges)
    : m_stage(stage)
    , m_index(index)
    , m_box(box)
    , m_header(header)
    , m_badges(badges)
{
    setFlag(ItemIsSelectable);
    setZValue(-10);
    const QString details = badgeDetails(badges);
    setToolTip(details.isEmpty() ? stage : stage + QLatin1Char('\n') + details);
}

QPainterPath LaneItem::shape() const
{
    QPainterPath path;
    path.addRect(m_header);
    return path;
}

void LaneItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool shaded = m_index % 2 == 1;
    painter->setPen(QPen(QColor(0xc8, 0xc8, 0xc8), 1));
    painter->setBrush(shaded ? QColor(0xf2, 0xf4, 0xf7) : QColor(0xfa, 0xfb, 0xfc));
    painter->drawRect(m_box);

    const bool selected = option->state & QStyle::State_Selected;
    painter->setPen(selected ? QPen(selectionColour(), 2) : Qt::NoPen);
    painter->setBrush(selected ? selectionColour().lighter(170) : QColor(0xe3, 0xe7, 0xed));
    painter->drawRect(m_header);

    QFont title = QApplication::font();
    title.setBold(true);
    painter->setFont(title);
    painter->setPen(Qt::black);
    const QRectF text = m_header.adjusted(8, 0, -8, 0);
    const qreal titleWidth = QFontMetricsF(title).horizontalAdvance(m_stage);
    painter->drawText(text, Qt::AlignVCenter | Qt::AlignLeft, m_stage);
    paintBadges(painter, m_badges,
                QPointF(text.left() + titleWidth + 8, m_header.center().y() - badgeHeight / 2));
}

TitleItem::TitleItem(const QString &title, const QList<Badge> &badges)
    : m_title(title)
    , m_badges(badges)
{
    setToolTip(badgeDetails(badges));
}

QRectF TitleItem::boundingRect() const
{
    // Wide enough for a long name and a few badges; the scene adds its own margin.
    return QRectF(0, 0, 600, 24);
}

void TitleItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    QFont font = QApplication::font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.2);
    painter->setFont(font);
    painter->setPen(Qt::black);
    painter->drawText(boundingRect(), Qt::AlignLeft | Qt::AlignVCenter, m_title);
    const qreal width = QFontMetricsF(font).horizontalAdvance(m_title);
    paintBadges(painter, m_badges, QPointF(width + 10, (24 - badgeHeight) / 2));
}

OutputHandleItem::OutputHandleItem(QGraphicsItem *node)
    : QGraphicsEllipseItem(node)
{
    setBrush(QColor(0x42, 0x7f, 0xd0));
    setPen(QPen(Qt::white, 1.5));
    setCursor(Qt::CrossCursor);
    setToolTip(QApplication::translate("pw::gui::GraphView",
                                       "Drag to another job to make it need this one"));
}

QString OutputHandleItem::job() const
{
    const auto *node = qgraphicsitem_cast<const JobNodeItem *>(parentItem());
    return node ? node->job() : QString();
}

JobNodeItem::JobNodeItem(const QString &job, const QString &stage, const QSizeF &size,
                         const QList<Badge> &badges)
    : m_job(job)
    , m_stage(stage)
    , m_size(size)
    , m_badges(badges)
    , m_handle(new OutputHandleItem(this))
{
    setFlags(ItemIsSelectable | ItemIsMovable | ItemSendsGeometryChanges);
    m_handle->setRect(size.width() - handleRadius, size.height() / 2 - handleRadius,
                      2 * handleRadius, 2 * handleRadius);
    const QString details = badgeDetails(badges);
    setToolTip(details.isEmpty() ? job : job + QLatin1Char('\n') + details);
}

void JobNodeItem::setPinned(bool pinned)
{
    m_pinned = pinned;
    update();
}

QRectF JobNodeItem::boundingRect() const
{
    return QRectF(QPointF(0, 0), m_size).adjusted(-2, -2, 2, 2);
}

void JobNodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool selected = option->state & QStyle::State_Selected;
    const QRectF box(QPointF(0, 0), m_size);
    painter->setPen(selected ? QPen(selectionColour(), 2.5) : QPen(QColor(0x70, 0x70, 0x70), 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(box, 6, 6);

    QFont name = QApplication::font();
    name.setBold(selected);
    painter->setFont(name);
    painter->setPen(Qt::black);
    const QRectF title = box.adjusted(8, 4, -14, -box.height() / 2);
    const QString shown = QFontMetricsF(name).elidedText(m_job, Qt::ElideRight, title.width());
    painter->drawText(title, Qt::AlignLeft | Qt::AlignVCenter, shown);
    // A pinned node keeps its place in later layouts; the pin says so in text, not colour.
    if (m_pinned) {
        const QPointF head(box.right() - 20, box.top() + 9);
        painter->drawLine(head, head + QPointF(0, 9));
        painter->setBrush(Qt::black);
        painter->drawEllipse(head, 3.5, 3.5);
    }
    painter->setClipRect(box.adjusted(4, 0, -12, 0));
    paintBadges(painter, m_badges, QPointF(8, box.bottom() - badgeHeight - 5));
}

QVariant JobNodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    if (change == ItemPositionHasChanged) {
        for (NeedEdgeItem *edge : std::as_const(m_edges))
            edge->follow();
    }
    return QGraphicsItem::itemChange(change, value);
}

NeedEdgeItem::NeedEdgeItem(JobNodeItem *from, JobNodeItem *to, const QList<QPointF> &route)
    : m_from(from)
    , m_to(to)
{
    setFlag(ItemIsSelectable);
    setZValue(-1);
    setToolTip(
        QApplication::translate("pw::gui::GraphView", "%1 needs %2").arg(to->job(), from->job()));
    setRoute(route);
    from->attach(this);
    to->attach(this);
}

void NeedEdgeItem::follow()
{
    const QRectF from = m_from->sceneBoundingRect();
    const QRectF to = m_to->sceneBoundingRect();
    setRoute({QPointF(from.right(), from.center().y()), QPointF(to.left(), to.center().y())});
}

void NeedEdgeItem::setRoute(const QList<QPointF> &points)
{
    QPainterPath path;
    if (points.size() >= 2) {
        path.moveTo(points.first());
        for (qsizetype i = 1; i < points.size(); ++i)
            path.lineTo(points.at(i));
        m_arrowTip = points.last();
        m_arrowFrom = points.at(points.size() - 2);
    }
    setPath(path);
}

QRectF NeedEdgeItem::boundingRect() const
{
    return path().boundingRect().adjusted(-arrowSize, -arrowSize, arrowSize, arrowSize);
}

QPainterPath NeedEdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(edgeHitWidth);
    return stroker.createStroke(path());
}

void NeedEdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *)
{
    const bool selected = option->state & QStyle::State_Selected;
    const QColor colour = selected ? selectionColour() : QColor(0x50, 0x50, 0x50);
    // A selected edge is drawn thicker and dashed, so that it shows without colour too.
    QPen pen(colour, selected ? 2.5 : 1.3);
    if (selected)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());

    const QLineF back(m_arrowTip, m_arrowFrom);
    if (back.length() <= 0)
        return;
    const qreal angle = qDegreesToRadians(back.angle());
    const auto wing = [&](qreal turn) {
        return m_arrowTip
               + QPointF(std::cos(angle + turn) * arrowSize, -std::sin(angle + turn) * arrowSize);
    };
    painter->setPen(QPen(colour, 1));
    painter->setBrush(colour);
    painter->drawPolygon(QPolygonF({m_arrowTip, wing(M_PI / 7), wing(-M_PI / 7)}));
}

} // namespace pw::gui
