#pragma once

#include "core/layout/layout.h"
#include "core/model/pipeline.h"

#include <QGraphicsScene>
#include <QHash>

#include <optional>

namespace pw::gui {

class JobNodeItem;
class LaneItem;
class NeedEdgeItem;

// The pipeline drawn as a graph: stages as lanes in order, jobs as nodes, needs as arrows,
// gates and conditions as badges. Each layout starts from the last one (core/layout's
// hints), so that an edit moves few nodes, and puts pinned nodes where the user left them.
class EditorScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit EditorScene(QObject *parent = nullptr);

    // Draws `pipeline` anew, keeping the selection by name; fails, drawing nothing new, when
    // it cannot be laid out.
    Status showPipeline(const Pipeline &pipeline);
    // Forgets the previous layout and the pins, as for another file.
    void forgetLayout();

    // Keeps `job`'s top left corner at `topLeft` in later layouts. Each change of the pins
    // is told by pinsChanged(); forgetLayout() and setPins() are not.
    void pin(const QString &job, QPointF topLeft);
    void unpin(const QString &job);
    void renamePin(const QString &job, const QString &newName);
    bool isPinned(const QString &job) const { return m_pins.contains(job); }
    // Every pin, by job; setPins() replaces them, as for a file opened again.
    const QHash<QString, QPointF> &pins() const { return m_pins; }
    void setPins(const QHash<QString, QPointF> &pins) { m_pins = pins; }

    JobNodeItem *node(const QString &job) const { return m_nodes.value(job); }
    LaneItem *lane(const QString &stage) const;
    NeedEdgeItem *edge(const QString &from, const QString &to) const;
    const QList<LaneItem *> &lanes() const { return m_lanes; }
    QList<JobNodeItem *> nodes() const { return m_nodes.values(); }
    const QList<NeedEdgeItem *> &edges() const { return m_edges; }
    // The lane whose column (its box's width, at any height) holds `point`, or null.
    LaneItem *laneAt(QPointF point) const;

    QString selectedJob() const;
    QString selectedStage() const;
    std::optional<std::pair<QString, QString>> selectedEdge() const;
    void selectJob(const QString &job);
    void selectStage(const QString &stage);

    const layout::Layout &currentLayout() const { return m_layout; }

signals:
    void pinsChanged();

private:
    layout::LayoutInput inputFor(const Pipeline &pipeline) const;
    void build(const Pipeline &pipeline, const layout::LayoutInput &input);
    void addTitle(const Pipeline &pipeline);

    QHash<QString, QPointF> m_pins;
    layout::LayoutHint m_previous;
    layout::Layout m_layout;
    QList<LaneItem *> m_lanes;
    QHash<QString, JobNodeItem *> m_nodes;
    QList<NeedEdgeItem *> m_edges;
};

} // namespace pw::gui
