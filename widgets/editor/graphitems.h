#pragma once

#include <QGraphicsItem>
#include <QGraphicsPathItem>
#include <QList>
#include <QString>

namespace pw::gui {

// The types qgraphicsitem_cast tells the editor's items apart by.
enum EditorItemType {
    LaneItemType = QGraphicsItem::UserType + 0x4500,
    JobNodeItemType,
    NeedEdgeItemType,
    OutputHandleItemType,
};

// A mark on a stage or a job for what changes when or whether it runs (a gate, `if`,
// `when`, `on`): a short word drawn in a framed box, with the details as its tooltip, so
// that it reads without colour.
struct Badge
{
    QString text;
    QString details;
};

// Draws `badges` left to right from `origin` (their top left); returns where they end.
qreal paintBadges(QPainter *painter, const QList<Badge> &badges, QPointF origin);
// The tooltip lines of `badges`.
QString badgeDetails(const QList<Badge> &badges);

// A stage as a lane: a column with its title and badges in a header strip. Only the header
// takes clicks (to select the stage), so that a drag on the lane's body pans the view.
class LaneItem : public QGraphicsItem
{
public:
    LaneItem(const QString &stage, int index, const QRectF &box, const QRectF &header,
             const QList<Badge> &badges);

    const QString &stage() const { return m_stage; }
    int index() const { return m_index; }
    const QRectF &box() const { return m_box; }

    // For qgraphicsitem_cast, which compares Type with type().
    enum { Type = LaneItemType };
    int type() const override { return Type; }
    QRectF boundingRect() const override { return m_box; }
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_stage;
    int m_index = 0;
    QRectF m_box;
    QRectF m_header;
    QList<Badge> m_badges;
};

// A title with badges, for the pipeline above its lanes (its `on` triggers).
class TitleItem : public QGraphicsItem
{
public:
    TitleItem(const QString &title, const QList<Badge> &badges);
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    QString m_title;
    QList<Badge> m_badges;
};

class NeedEdgeItem;

// The small circle on a job's right edge: dragging from it to another job makes that job
// need this one.
class OutputHandleItem : public QGraphicsEllipseItem
{
public:
    explicit OutputHandleItem(QGraphicsItem *node);
    // For qgraphicsitem_cast, which compares Type with type().
    enum { Type = OutputHandleItemType };
    int type() const override { return Type; }
    QString job() const;
};

// A job as a box with its name and badges; it can be selected and dragged (into another
// lane to move the job there, or within its lane to pin it).
class JobNodeItem : public QGraphicsItem
{
public:
    JobNodeItem(const QString &job, const QString &stage, const QSizeF &size,
                const QList<Badge> &badges);

    const QString &job() const { return m_job; }
    const QString &stage() const { return m_stage; }
    const QList<Badge> &badges() const { return m_badges; }
    OutputHandleItem *handle() const { return m_handle; }
    void setPinned(bool pinned);
    bool isPinned() const { return m_pinned; }
    // The edges that start or end here, which follow the node while it is dragged.
    void attach(NeedEdgeItem *edge) { m_edges.append(edge); }

    // For qgraphicsitem_cast, which compares Type with type().
    enum { Type = JobNodeItemType };
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    QString m_job;
    QString m_stage;
    QSizeF m_size;
    QList<Badge> m_badges;
    OutputHandleItem *m_handle = nullptr;
    QList<NeedEdgeItem *> m_edges;
    bool m_pinned = false;
};

// A need as an arrow from the job needed to the job that waits for it, along the route the
// layout found; selectable, to delete it.
class NeedEdgeItem : public QGraphicsPathItem
{
public:
    NeedEdgeItem(JobNodeItem *from, JobNodeItem *to, const QList<QPointF> &route);

    QString from() const { return m_from->job(); }
    QString to() const { return m_to->job(); }
    // Draws a straight arrow between the nodes where they are now (while one is dragged).
    void follow();

    // For qgraphicsitem_cast, which compares Type with type().
    enum { Type = NeedEdgeItemType };
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    void setRoute(const QList<QPointF> &points);

    JobNodeItem *m_from = nullptr;
    JobNodeItem *m_to = nullptr;
    QPointF m_arrowTip;
    QPointF m_arrowFrom;
};

} // namespace pw::gui
