#include "editorscene.h"

#include "badges.h"
#include "editorlog.h"
#include "graphitems.h"

#include <QSet>

namespace pw::gui {

namespace {

// Room for a name and a row of badges.
const QSizeF nodeSize(168, 56);
constexpr qreal titleHeight = 32;

} // namespace

EditorScene::EditorScene(QObject *parent)
    : QGraphicsScene(parent)
{}

Status EditorScene::showPipeline(const Pipeline &pipeline)
{
    layout::LayoutInput input = inputFor(pipeline);
    Result<layout::Layout> laidOut = layout::layOut(input);
    if (!laidOut) {
        qCWarning(lcEditor) << "cannot lay out" << pipeline.name << ":" << laidOut.error().message;
        return Status(laidOut.error());
    }

    m_layout = std::move(*laidOut);
    m_previous = layout::hintFrom(input, m_layout);
    build(pipeline, input);
    return {};
}

void EditorScene::forgetLayout()
{
    m_pins.clear();
    m_previous = {};
}

void EditorScene::pin(const QString &job, QPointF topLeft)
{
    m_pins.insert(job, topLeft);
    emit pinsChanged();
}

void EditorScene::unpin(const QString &job)
{
    if (m_pins.remove(job) > 0)
        emit pinsChanged();
}

void EditorScene::renamePin(const QString &job, const QString &newName)
{
    // The hint keeps the node's place under its new name too.
    if (m_previous.centres.contains(job))
        m_previous.centres.insert(newName, m_previous.centres.take(job));
    if (!m_pins.contains(job))
        return;
    m_pins.insert(newName, m_pins.take(job));
    emit pinsChanged();
}

layout::LayoutInput EditorScene::inputFor(const Pipeline &pipeline) const
{
    layout::LayoutInput input;
    input.spacing.nodeSize = nodeSize;
    input.previous = m_previous;
    QSet<QString> jobs;
    for (qsizetype lane = 0; lane < pipeline.stages.size(); ++lane) {
        const Stage &stage = pipeline.stages.at(lane);
        input.lanes.append(stage.name);
        for (const Job &job : stage.jobs) {
            input.nodes.append({job.name, int(lane), nodeSize});
            jobs.insert(job.name);
        }
    }

    // A need may name a job the file does not have (GitLab's optional needs), or twice.
    QSet<QPair<QString, QString>> edges;
    for (const Stage &stage : pipeline.stages) {
        for (const Job &job : stage.jobs) {
            for (const JobNeed &need : job.needs) {
                const QPair<QString, QString> edge(need.job, job.name);
                if (jobs.contains(need.job) && !edges.contains(edge)) {
                    edges.insert(edge);
                    input.edges.append({need.job, job.name});
                }
            }
        }
    }
    for (auto pin = m_pins.cbegin(); pin != m_pins.cend(); ++pin) {
        if (jobs.contains(pin.key()))
            input.pinned.insert(pin.key(), pin.value());
    }
    return input;
}

void EditorScene::build(const Pipeline &pipeline, const layout::LayoutInput &input)
{
    const QString selectedJobName = selectedJob();
    const QString selectedStageName = selectedStage();
    clear();
    m_lanes.clear();
    m_nodes.clear();
    m_edges.clear();

    for (qsizetype i = 0; i < m_layout.lanes.size(); ++i) {
        const layout::LanePlace &place = m_layout.lanes.at(i);
        auto *lane = new LaneItem(input.lanes.at(i), int(i), place.box, place.header,
                                  stageBadges(pipeline.stages.at(i)));
        addItem(lane);
        m_lanes.append(lane);
    }
    for (qsizetype i = 0; i < m_layout.nodes.size(); ++i) {
        const layout::LayoutNode &key = input.nodes.at(i);
        const Job *job = pipeline.findJob(key.key);
        auto *node = new JobNodeItem(key.key, input.lanes.at(key.lane), nodeSize,
                                     job ? jobBadges(*job) : QList<Badge>());
        node->setPos(m_layout.nodes.at(i).box.topLeft());
        node->setPinned(m_layout.nodes.at(i).pinned);
        addItem(node);
        m_nodes.insert(key.key, node);
    }
    for (qsizetype i = 0; i < m_layout.edges.size(); ++i) {
        const layout::LayoutEdge &edge = input.edges.at(i);
        auto *item = new NeedEdgeItem(m_nodes.value(edge.from), m_nodes.value(edge.to),
                                      m_layout.edges.at(i).points);
        addItem(item);
        m_edges.append(item);
    }
    addTitle(pipeline);
    setSceneRect(itemsBoundingRect().adjusted(-40, -40, 40, 40));

    if (!selectedJobName.isEmpty())
        selectJob(selectedJobName);
    else if (!selectedStageName.isEmpty())
        selectStage(selectedStageName);
}

void EditorScene::addTitle(const Pipeline &pipeline)
{
    auto *title = new TitleItem(pipeline.name, pipelineBadges(pipeline));
    title->setPos(m_layout.bounds.left(), m_layout.bounds.top() - titleHeight);
    addItem(title);
}

LaneItem *EditorScene::lane(const QString &stage) const
{
    for (LaneItem *lane : m_lanes) {
        if (lane->stage() == stage)
            return lane;
    }
    return nullptr;
}

NeedEdgeItem *EditorScene::edge(const QString &from, const QString &to) const
{
    for (NeedEdgeItem *edge : m_edges) {
        if (edge->from() == from && edge->to() == to)
            return edge;
    }
    return nullptr;
}

LaneItem *EditorScene::laneAt(QPointF point) const
{
    // A lane is a column: a node dropped below its last job is still in it.
    for (LaneItem *lane : m_lanes) {
        if (point.x() >= lane->box().left() && point.x() <= lane->box().right())
            return lane;
    }
    return nullptr;
}

QString EditorScene::selectedJob() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (const auto *node = qgraphicsitem_cast<JobNodeItem *>(item))
            return node->job();
    }
    return {};
}

QString EditorScene::selectedStage() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (const auto *lane = qgraphicsitem_cast<LaneItem *>(item))
            return lane->stage();
    }
    return {};
}

std::optional<std::pair<QString, QString>> EditorScene::selectedEdge() const
{
    for (QGraphicsItem *item : selectedItems()) {
        if (const auto *edge = qgraphicsitem_cast<NeedEdgeItem *>(item))
            return std::pair(edge->from(), edge->to());
    }
    return std::nullopt;
}

void EditorScene::selectJob(const QString &job)
{
    clearSelection();
    if (JobNodeItem *found = node(job))
        found->setSelected(true);
}

void EditorScene::selectStage(const QString &stage)
{
    clearSelection();
    if (LaneItem *found = lane(stage))
        found->setSelected(true);
}

} // namespace pw::gui
