#include "graphview.h"

#include "editorscene.h"
#include "graphitems.h"

#include <QContextMenuEvent>
#include <QGraphicsLineItem>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <utility>

namespace pw::gui {

namespace {

constexpr double minZoom = 0.05;
constexpr double maxZoom = 4.0;
constexpr double wheelStep = 1.15;
// How far a node must travel to count as dragged, not clicked.
constexpr qreal dragThreshold = 3;

} // namespace

GraphView::GraphView(EditorScene &scene, QWidget *parent)
    : QGraphicsView(&scene, parent)
    , m_scene(scene)
{
    setObjectName(QStringLiteral("graphView"));
    setRenderHint(QPainter::Antialiasing);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setFocusPolicy(Qt::StrongFocus);
}

void GraphView::zoomBy(double factor)
{
    const double wanted = std::clamp(zoom() * factor, minZoom, maxZoom);
    const double step = wanted / zoom();
    scale(step, step);
}

void GraphView::fitAll()
{
    fitInView(m_scene.sceneRect(), Qt::KeepAspectRatio);
    // A small graph is shown at its size, not blown up.
    if (zoom() > 1.0)
        zoomBy(1.0 / zoom());
}

void GraphView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_shown)
        return;
    m_shown = true;
    QTimer::singleShot(0, this, &GraphView::fitAll);
}

double GraphView::zoom() const
{
    return transform().m11();
}

JobNodeItem *GraphView::nodeAt(QPoint viewPos) const
{
    for (QGraphicsItem *item : items(viewPos)) {
        if (item == m_connectLine)
            continue;
        if (auto *node = qgraphicsitem_cast<JobNodeItem *>(item))
            return node;
        if (item->type() == OutputHandleItemType)
            return qgraphicsitem_cast<JobNodeItem *>(item->parentItem());
    }
    return nullptr;
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    QGraphicsItem *item = itemAt(event->pos());
    if (event->button() == Qt::LeftButton && item && item->type() == OutputHandleItemType) {
        m_connectFrom = static_cast<OutputHandleItem *>(item)->job();
        const QPointF start = item->sceneBoundingRect().center();
        m_connectLine = m_scene.addLine(QLineF(start, start), QPen(Qt::gray, 1.5, Qt::DashLine));
        m_connectLine->setZValue(10);
        m_lastTarget.clear();
        event->accept();
        return;
    }

    m_dragged = event->button() == Qt::LeftButton ? nodeAt(event->pos()) : nullptr;
    if (m_dragged)
        m_dragStart = m_dragged->pos();
    else if (event->button() == Qt::LeftButton && !item)
        setDragMode(QGraphicsView::ScrollHandDrag);
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_connectLine)
        return updateConnectLine(event->pos());
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_connectLine)
        return finishConnecting(event->pos());

    QGraphicsView::mouseReleaseEvent(event);
    setDragMode(QGraphicsView::NoDrag);
    JobNodeItem *dragged = std::exchange(m_dragged, nullptr);
    if (!dragged || QLineF(m_dragStart, dragged->pos()).length() < dragThreshold)
        return;
    const LaneItem *lane = m_scene.laneAt(dragged->sceneBoundingRect().center());
    emit nodeDropped(dragged->job(), lane ? lane->stage() : QString(), dragged->pos());
}

void GraphView::updateConnectLine(QPoint viewPos)
{
    const QPointF end = mapToScene(viewPos);
    m_connectLine->setLine(QLineF(m_connectLine->line().p1(), end));

    JobNodeItem *target = nodeAt(viewPos);
    const QString targetJob = target && target->job() != m_connectFrom ? target->job() : QString();
    if (targetJob == m_lastTarget)
        return;
    m_lastTarget = targetJob;

    // A refusal shows as a red dashed line with its reason; a possible edge as a solid one.
    const QString refusal =
        targetJob.isEmpty() || !m_check ? QString() : m_check(m_connectFrom, targetJob);
    if (targetJob.isEmpty())
        m_connectLine->setPen(QPen(Qt::gray, 1.5, Qt::DashLine));
    else if (refusal.isEmpty())
        m_connectLine->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 2.5, Qt::SolidLine));
    else
        m_connectLine->setPen(QPen(Qt::red, 2.5, Qt::DotLine));
    if (!refusal.isEmpty())
        QToolTip::showText(viewport()->mapToGlobal(viewPos), refusal, viewport());
    else
        QToolTip::hideText();
    emit connectHint(refusal);
}

void GraphView::finishConnecting(QPoint viewPos)
{
    const QString from = m_connectFrom;
    JobNodeItem *target = nodeAt(viewPos);
    cancelConnecting();
    if (target && target->job() != from)
        emit connectRequested(from, target->job());
}

void GraphView::cancelConnecting()
{
    delete std::exchange(m_connectLine, nullptr);
    m_connectFrom.clear();
    m_lastTarget.clear();
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape && m_connectLine) {
        cancelConnecting();
        return;
    }
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        emit deleteRequested();
        return;
    }
    if (event->matches(QKeySequence::ZoomIn))
        return zoomBy(wheelStep);
    if (event->matches(QKeySequence::ZoomOut))
        return zoomBy(1 / wheelStep);
    QGraphicsView::keyPressEvent(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier))
        return QGraphicsView::wheelEvent(event);
    zoomBy(event->angleDelta().y() > 0 ? wheelStep : 1 / wheelStep);
    event->accept();
}

void GraphView::contextMenuEvent(QContextMenuEvent *event)
{
    const QPoint global = event->globalPos();
    for (QGraphicsItem *item : items(event->pos())) {
        if (auto *node = qgraphicsitem_cast<JobNodeItem *>(item)) {
            m_scene.selectJob(node->job());
            return emit jobMenuRequested(node->job(), global);
        }
        if (auto *edge = qgraphicsitem_cast<NeedEdgeItem *>(item)) {
            m_scene.clearSelection();
            edge->setSelected(true);
            return emit edgeMenuRequested(edge->from(), edge->to(), global);
        }
    }
    // The body of a lane does not take clicks (for panning), but its menu is the stage's.
    if (const LaneItem *lane = m_scene.laneAt(mapToScene(event->pos()))) {
        m_scene.selectStage(lane->stage());
        return emit stageMenuRequested(lane->stage(), global);
    }
    emit backgroundMenuRequested(global);
}

} // namespace pw::gui
