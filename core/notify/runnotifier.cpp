#include "runnotifier.h"

#include "eventpublisher.h"
#include "pipelineevent.h"

#include <algorithm>

namespace pw {

RunNotifier::RunNotifier(EventPublisher &publisher, const QString &store)
    : m_publisher(publisher)
    , m_store(store)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{}

void RunNotifier::runChanged(const RunRecord &run)
{
    for (int stage = 0; stage < run.stages.size(); ++stage)
        checkStage(run, stage);
    checkFinished(run);
}

void RunNotifier::stageChanged(const RunRecord &run, int stage)
{
    if (stage >= 0 && stage < run.stages.size())
        checkStage(run, stage);
    checkFinished(run);
}

void RunNotifier::checkStage(const RunRecord &run, int stage)
{
    if (m_finished.contains(run.id))
        return;
    const std::optional<GateRecord> &gate = run.stages.at(stage).gate;
    if (!gate)
        return;
    RunState &state = m_runs[run.id];
    if (gate->status == GateStatus::Waiting) {
        if (!state.waiting.contains(stage) && !state.closed.contains(stage)) {
            state.waiting.insert(stage);
            m_publisher.publish(gateWaitingEvent(m_store, run, stage, m_clock()));
        }
    } else if (state.waiting.remove(stage)) {
        state.closed.insert(stage);
        m_publisher.publish(gateClosedEvent(m_store, run, stage, m_clock()));
    }
}

void RunNotifier::checkFinished(const RunRecord &run)
{
    if (!isFinished(run.status) || m_finished.contains(run.id))
        return;

    // Gates the run left waiting close with it: each gate_waiting gets its gate_closed.
    QList<int> waiting = m_runs.take(run.id).waiting.values();
    std::sort(waiting.begin(), waiting.end());
    for (int stage : waiting) {
        RunRecord ended = run;
        if (stage < ended.stages.size() && ended.stages[stage].gate)
            ended.stages[stage].gate->status = GateStatus::Cancelled;
        m_publisher.publish(gateClosedEvent(m_store, ended, stage, m_clock()));
    }
    m_finished.insert(run.id);
    m_publisher.publish(runFinishedEvent(m_store, run, m_clock()));
}

} // namespace pw
