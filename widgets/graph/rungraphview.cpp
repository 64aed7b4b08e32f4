#include "rungraphview.h"

#include "jobboxitem.h"
#include "rungraphscene.h"
#include "widgets/run/runmodel.h"

#include <QAction>
#include <QEvent>
#include <QScrollBar>
#include <QWheelEvent>
#include <QtMath>

namespace pw::gui {

namespace {

constexpr double minZoom = 0.05;
constexpr double maxZoom = 4;
// Fitting a large graph stops here, where names can still be read; the rest is a pan away.
constexpr double minFitZoom = 0.35;
constexpr double stepZoom = 1.25;

} // namespace

RunGraphView::RunGraphView(RunModel &model, QWidget *parent)
    : QGraphicsView(parent)
    , m_model(model)
    , m_scene(new RunGraphScene(this))
{
    setObjectName(QStringLiteral("runGraph"));
    setAccessibleName(tr("Graph of the run's jobs and their needs"));
    setScene(m_scene);
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing
                   | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter);
    m_scene->setPalette(palette());

    m_zoomIn = addZoomAction(tr("Zoom &In"), QKeySequence::ZoomIn);
    m_zoomOut = addZoomAction(tr("Zoom &Out"), QKeySequence::ZoomOut);
    m_fit = addZoomAction(tr("&Fit Graph"), QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_zoomIn, &QAction::triggered, this, [this] { zoomBy(stepZoom); });
    connect(m_zoomOut, &QAction::triggered, this, [this] { zoomBy(1 / stepZoom); });
    connect(m_fit, &QAction::triggered, this, [this] {
        m_userZoomed = false;
        fitGraph();
    });
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(&m_model, &QAbstractItemModel::modelReset, m_scene,
            [this] { m_scene->showRun(m_model.run()); });
    connect(&m_model, &QAbstractItemModel::dataChanged, this, &RunGraphView::onDataChanged);
    connect(m_scene, &RunGraphScene::jobPicked, this, &RunGraphView::jobActivated);
    connect(m_scene, &RunGraphScene::laidOut, this, &RunGraphView::onLaidOut);
    m_scene->showRun(m_model.run());
}

double RunGraphView::zoom() const
{
    return transform().m11();
}

void RunGraphView::zoomBy(double factor)
{
    const double target = std::clamp(zoom() * factor, minZoom, maxZoom);
    if (qFuzzyCompare(target, zoom()))
        return;
    const double step = target / zoom();
    scale(step, step);
    m_userZoomed = true;
}

void RunGraphView::fitGraph()
{
    resetTransform();
    const QRectF graph = m_scene->sceneRect();
    if (graph.isEmpty())
        return;
    fitInView(graph, Qt::KeepAspectRatio);
    if (zoom() > 1) {
        resetTransform();
    } else if (zoom() < minFitZoom) {
        resetTransform();
        scale(minFitZoom, minFitZoom);
    }
    // A graph larger than the view starts at its first stage.
    horizontalScrollBar()->setValue(horizontalScrollBar()->minimum());
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

void RunGraphView::showJob(int job)
{
    m_scene->selectJob(job);
    if (JobBoxItem *node = m_scene->nodeOfJob(job))
        ensureVisible(node, 40, 40);
}

void RunGraphView::wheelEvent(QWheelEvent *event)
{
    if (!(event->modifiers() & Qt::ControlModifier)) {
        QGraphicsView::wheelEvent(event);
        return;
    }
    // One notch of a mouse wheel (120) zooms by one step.
    zoomBy(std::pow(stepZoom, event->angleDelta().y() / 120.0));
    event->accept();
}

void RunGraphView::changeEvent(QEvent *event)
{
    // Items take their colours from the scene's palette, so a theme change reaches them.
    if (event->type() == QEvent::PaletteChange)
        m_scene->setPalette(palette());
    QGraphicsView::changeEvent(event);
}

void RunGraphView::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    if (!topLeft.isValid() || !bottomRight.isValid())
        return;
    const RunRecord &run = m_model.run();
    const QModelIndex parent = topLeft.parent();
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        if (!parent.isValid())
            m_scene->updateStage(run, row);
        else
            m_scene->updateJob(run, m_model.jobAt(m_model.index(row, 0, parent)));
    }
}

void RunGraphView::onLaidOut()
{
    if (!m_userZoomed)
        fitGraph();
}

QAction *RunGraphView::addZoomAction(const QString &text, const QKeySequence &keys)
{
    auto *action = new QAction(text, this);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(action);
    return action;
}

} // namespace pw::gui
