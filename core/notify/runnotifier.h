#pragma once

#include "core/exec/runeventsink.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace pw {

class EventPublisher;

// Tells Redis what approvers and waiting runs need to know about a run: gate_waiting when a
// stage's gate starts waiting, gate_closed when it stops, run_finished when the run ends.
// Each goes out once per run and stage, however often the executor reports the same state.
// A gate still waiting when the run ends is reported closed as cancelled.
class RunNotifier : public RunEventSink
{
public:
    // `store` is the history store's location as users see it, put in every event.
    RunNotifier(EventPublisher &publisher, const QString &store);

    void runChanged(const RunRecord &run) override;
    void stageChanged(const RunRecord &run, int stage) override;

    // The clock for the events' "at"; the current time unless a test sets it.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    struct RunState
    {
        QSet<int> waiting; // stages whose gate_waiting went out and gate_closed did not
        QSet<int> closed;
    };

    void checkStage(const RunRecord &run, int stage);
    void checkFinished(const RunRecord &run);

    EventPublisher &m_publisher;
    QString m_store;
    std::function<QDateTime()> m_clock;
    QHash<qint64, RunState> m_runs;
    QSet<qint64> m_finished;
};

} // namespace pw
