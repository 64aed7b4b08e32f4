#pragma once

#include "core/layout/layout.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace pw::gui {

// A `needs` arrow from the job needed to the job that waits for it, along the layout's
// route. Backward edges (a cycle, or a need of a later stage) are dashed. Cosmetic pens, so
// it stays a thin line at any zoom.
class NeedArrowItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 103 };

    NeedArrowItem(int from, int to, QGraphicsItem *parent = nullptr);

    int from() const { return m_from; }
    int to() const { return m_to; }
    void setRoute(const QList<QPointF> &points, layout::EdgeKind kind);
    const QList<QPointF> &route() const { return m_points; }
    layout::EdgeKind kind() const { return m_kind; }
    // Drawn stronger while one of its jobs is selected.
    void setHighlighted(bool highlighted);
    bool isHighlighted() const { return m_highlighted; }

    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_bounds; }
    QPainterPath shape() const override { return m_path; }
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    int m_from = -1;
    int m_to = -1;
    QList<QPointF> m_points;
    layout::EdgeKind m_kind = layout::EdgeKind::Forward;
    QPainterPath m_path;
    QPolygonF m_head;
    QRectF m_bounds;
    bool m_highlighted = false;
};

} // namespace pw::gui
