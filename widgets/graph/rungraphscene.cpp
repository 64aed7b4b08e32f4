#include "rungraphscene.h"

#include "jobboxitem.h"
#include "needarrowitem.h"
#include "runlooks.h"
#include "stagelaneitem.h"
#include "widgets/widgetslog.h"

#include <QtConcurrent/QtConcurrentRun>

namespace pw::gui {

namespace {

// Room for a name of about twenty characters and a line of status below it.
layout::LayoutSpacing graphSpacing()
{
    layout::LayoutSpacing spacing;
    spacing.nodeSize = QSizeF(190, 52);
    spacing.laneHeader = 34;
    return spacing;
}

// The empty border around the graph, so that fitting it leaves a margin.
constexpr double sceneMargin = 24;

} // namespace

RunGraphScene::RunGraphScene(QObject *parent)
    : QGraphicsScene(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &RunGraphScene::onLaidOut);
    connect(this, &QGraphicsScene::selectionChanged, this, &RunGraphScene::onSelectionChanged);
}

// The layout thread works on copies only, so nothing waits for it here. The items go while
// this is still a RunGraphScene: removing a selected one announces a selection change.
RunGraphScene::~RunGraphScene()
{
    disconnect(this, &QGraphicsScene::selectionChanged, this, nullptr);
    clear();
}

void RunGraphScene::showRun(const RunRecord &run)
{
    m_run = run;
    RunGraphShape shape = graphShapeOf(run, graphSpacing());
    if (shape.signature == m_signature) {
        decorateAll();
        return;
    }
    m_signature = shape.signature;
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    startLayout(std::move(shape));
}

void RunGraphScene::updateJob(const RunRecord &run, int job)
{
    m_run = run;
    decorateJob(job);
}

void RunGraphScene::updateStage(const RunRecord &run, int stage)
{
    m_run = run;
    decorateStage(stage);
}

void RunGraphScene::clearRun()
{
    showRun(RunRecord());
}

void RunGraphScene::selectJob(int job)
{
    m_selecting = true;
    clearSelection();
    if (JobBoxItem *node = m_nodes.value(job))
        node->setSelected(true);
    m_selecting = false;
    highlightEdgesOf(selectedJob());
}

int RunGraphScene::selectedJob() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (item->type() == JobBoxItem::Type)
            return static_cast<JobBoxItem *>(item)->job();
    }
    return -1;
}

void RunGraphScene::startLayout(RunGraphShape shape)
{
    // The places of the run drawn before, so that the next run of an edited pipeline keeps
    // its shape.
    if (m_drawnLayout)
        shape.input.previous = layout::hintFrom(m_drawn.input, *m_drawnLayout);
    m_pending = std::move(shape);
    m_watcher.setFuture(QtConcurrent::run([input = m_pending.input] {
        Outcome outcome;
        Result<layout::Layout> laid = layout::layOut(input);
        if (laid)
            outcome.layout = std::move(laid).value();
        else
            outcome.error = laid.error().message;
        return outcome;
    }));
}

void RunGraphScene::onLaidOut()
{
    if (m_again) {
        m_again = false;
        startLayout(graphShapeOf(m_run, graphSpacing()));
        return;
    }
    const Outcome outcome = m_watcher.result();
    m_problem = outcome.error;
    if (!outcome.layout) {
        qCWarning(lcWidgets) << "cannot draw the graph of run" << m_run.id << ":" << outcome.error;
        m_drawn = RunGraphShape();
        m_drawnLayout.reset();
        build(m_drawn, layout::Layout());
        return;
    }
    m_drawn = m_pending;
    build(m_drawn, *outcome.layout);
    m_drawnLayout = outcome.layout;
    ++m_layouts;
    decorateAll();
    emit laidOut();
}

void RunGraphScene::build(const RunGraphShape &shape, const layout::Layout &layout)
{
    m_selecting = true;
    clear();
    m_nodes.clear();
    m_edges.clear();
    m_lanes.clear();
    m_selecting = false;

    for (int lane = 0; lane < layout.lanes.size(); ++lane) {
        auto *item = new StageLaneItem(lane, shape.input.lanes.at(lane));
        item->setGeometry(layout.lanes.at(lane).box, layout.lanes.at(lane).header);
        addItem(item);
        m_lanes.append(item);
    }
    for (int node = 0; node < layout.nodes.size(); ++node) {
        const int job = shape.jobOfNode.at(node);
        const QRectF box = layout.nodes.at(node).box;
        auto *item = new JobBoxItem(job, m_run.jobs.at(job).name, box.size());
        item->setPos(box.topLeft());
        addItem(item);
        m_nodes.insert(job, item);
    }
    for (int edge = 0; edge < layout.edges.size(); ++edge) {
        const auto [from, to] = shape.jobsOfEdge.at(edge);
        auto *item = new NeedArrowItem(from, to);
        item->setRoute(layout.edges.at(edge).points, layout.edges.at(edge).kind);
        addItem(item);
        m_edges.append(item);
    }
    setSceneRect(layout.bounds.adjusted(-sceneMargin, -sceneMargin, sceneMargin, sceneMargin));
}

void RunGraphScene::decorateAll()
{
    for (int job = 0; job < m_run.jobs.size(); ++job)
        decorateJob(job);
    for (int stage = 0; stage < m_run.stages.size(); ++stage)
        decorateStage(stage);
}

void RunGraphScene::decorateJob(int job)
{
    // Until the new layout is drawn, the items show the jobs of the shape before.
    if (m_drawn.signature != m_signature)
        return;
    JobBoxItem *node = m_nodes.value(job);
    if (node && job >= 0 && job < m_run.jobs.size())
        node->setStatus(nodeStatusOf(m_run.jobs.at(job)));
}

void RunGraphScene::decorateStage(int stage)
{
    if (m_drawn.signature != m_signature)
        return;
    if (stage < 0 || stage >= m_lanes.size() || stage >= m_run.stages.size())
        return;
    m_lanes.at(stage)->setStatus(stageBadgeOf(m_run.stages.at(stage)));
    m_lanes.at(stage)->setGate(gateBadgeOf(m_run.stages.at(stage)));
}

void RunGraphScene::onSelectionChanged()
{
    if (m_selecting)
        return;
    const int job = selectedJob();
    highlightEdgesOf(job);
    if (job >= 0)
        emit jobPicked(job);
}

void RunGraphScene::highlightEdgesOf(int job)
{
    for (NeedArrowItem *edge : std::as_const(m_edges))
        edge->setHighlighted(job >= 0 && (edge->from() == job || edge->to() == job));
}

} // namespace pw::gui
