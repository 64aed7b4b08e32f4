#include "needarrowitem.h"

#include <QApplication>
#include <QGraphicsScene>
#include <QPainter>
#include <QWidget>
#include <QtMath>

namespace pw::gui {

namespace {

constexpr double headLength = 9;
constexpr double headWidth = 4;
// How far a bend is rounded off, at most.
constexpr double corner = 12;

// Rounds each bend of the polyline a little, so that edges read as curves, not zigzags.
QPainterPath smoothed(const QList<QPointF> &points)
{
    QPainterPath path;
    if (points.isEmpty())
        return path;
    path.moveTo(points.first());
    for (qsizetype i = 1; i + 1 < points.size(); ++i) {
        const QPointF in = points.at(i) - points.at(i - 1);
        const QPointF out = points.at(i + 1) - points.at(i);
        const double inLength = std::hypot(in.x(), in.y());
        const double outLength = std::hypot(out.x(), out.y());
        const double cut = std::min({corner, inLength / 2, outLength / 2});
        if (cut <= 0.5) {
            path.lineTo(points.at(i));
            continue;
        }
        path.lineTo(points.at(i) - in * (cut / inLength));
        path.quadTo(points.at(i), points.at(i) + out * (cut / outLength));
    }
    path.lineTo(points.last());
    return path;
}

QPolygonF arrowHead(const QPointF &tip, const QPointF &from)
{
    const QPointF along = tip - from;
    const double length = std::hypot(along.x(), along.y());
    if (length <= 0)
        return {};
    const QPointF unit = along / length;
    const QPointF normal(-unit.y(), unit.x());
    const QPointF base = tip - unit * headLength;
    return QPolygonF({tip, base + normal * headWidth, base - normal * headWidth});
}

} // namespace

NeedArrowItem::NeedArrowItem(int from, int to, QGraphicsItem *parent)
    : QGraphicsItem(parent)
    , m_from(from)
    , m_to(to)
{
    setZValue(0);
}

void NeedArrowItem::setRoute(const QList<QPointF> &points, layout::EdgeKind kind)
{
    prepareGeometryChange();
    m_points = points;
    m_kind = kind;
    m_path = smoothed(points);
    m_head =
        points.size() >= 2 ? arrowHead(points.last(), points.at(points.size() - 2)) : QPolygonF();
    m_bounds = (m_path.boundingRect() | m_head.boundingRect()).adjusted(-2, -2, 2, 2);
}

void NeedArrowItem::setHighlighted(bool highlighted)
{
    if (highlighted == m_highlighted)
        return;
    m_highlighted = highlighted;
    setZValue(highlighted ? 0.5 : 0);
    update();
}

void NeedArrowItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *widget)
{
    const QPalette palette =
        widget ? widget->palette() : (scene() ? scene()->palette() : QApplication::palette());
    QColor colour = palette.color(m_highlighted ? QPalette::Highlight : QPalette::Text);
    if (!m_highlighted)
        colour.setAlphaF(0.45);
    QPen pen(colour, m_highlighted ? 2 : 1.2);
    pen.setCosmetic(true);
    if (m_kind != layout::EdgeKind::Forward)
        pen.setStyle(Qt::DashLine);
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(pen);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(m_path);

    pen.setStyle(Qt::SolidLine);
    painter->setPen(pen);
    painter->setBrush(colour);
    painter->drawPolygon(m_head);
}

} // namespace pw::gui
