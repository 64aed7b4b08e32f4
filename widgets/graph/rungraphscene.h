#pragma once

#include "core/layout/layout.h"
#include "core/store/records.h"
#include "rungraphshape.h"

#include <QFutureWatcher>
#include <QGraphicsScene>
#include <QHash>

namespace pw::gui {

class JobBoxItem;
class NeedArrowItem;
class StageLaneItem;

// The items of one run's DAG: a lane per stage, a node per job, an edge per need. Lays the
// run out on a worker thread when its stages, jobs or needs change, keeping the places of
// the run before where it can; a change of states only redraws the decorations.
class RunGraphScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit RunGraphScene(QObject *parent = nullptr);
    ~RunGraphScene() override;

    // Shows `run`, laid out anew only if its shape differs from the one shown.
    void showRun(const RunRecord &run);
    // Takes the new state of the run shown and redraws what `job` or `stage` shows.
    void updateJob(const RunRecord &run, int job);
    void updateStage(const RunRecord &run, int stage);
    void clearRun();

    bool isLayingOut() const { return m_watcher.isRunning(); }
    // How many layouts were drawn since the scene was made.
    int layoutCount() const { return m_layouts; }
    // Why the last layout failed; empty when it did not.
    QString problem() const { return m_problem; }

    JobBoxItem *nodeOfJob(int job) const { return m_nodes.value(job); }
    QList<JobBoxItem *> nodes() const { return m_nodes.values(); }
    QList<NeedArrowItem *> edges() const { return m_edges; }
    QList<StageLaneItem *> lanes() const { return m_lanes; }

    // Selects the node of `job` (none for -1) without announcing it as picked.
    void selectJob(int job);
    int selectedJob() const;

signals:
    // The user selected the node of `job`.
    void jobPicked(int job);
    // The items were made anew from a layout.
    void laidOut();

private:
    struct Outcome
    {
        std::optional<layout::Layout> layout;
        QString error;
    };

    void startLayout(RunGraphShape shape);
    void onLaidOut();
    void build(const RunGraphShape &shape, const layout::Layout &layout);
    void decorateAll();
    void decorateJob(int job);
    void decorateStage(int stage);
    void onSelectionChanged();
    void highlightEdgesOf(int job);

    RunRecord m_run;
    QString m_signature;
    // The shape being laid out, and the last one drawn with its layout (for hints).
    RunGraphShape m_pending;
    RunGraphShape m_drawn;
    std::optional<layout::Layout> m_drawnLayout;
    QFutureWatcher<Outcome> m_watcher;
    bool m_again = false; // the run's shape changed while a layout ran

    QHash<int, JobBoxItem *> m_nodes;
    QList<NeedArrowItem *> m_edges;
    QList<StageLaneItem *> m_lanes;
    int m_layouts = 0;
    QString m_problem;
    bool m_selecting = false;
};

} // namespace pw::gui
