#include "runeventsink.h"

#include <algorithm>

namespace pw {

void RunEventFanout::runChanged(const RunRecord &run)
{
    for (RunEventSink *sink : m_sinks)
        sink->runChanged(run);
}

void RunEventFanout::stageChanged(const RunRecord &run, int stage)
{
    for (RunEventSink *sink : m_sinks)
        sink->stageChanged(run, stage);
}

void RunEventFanout::jobChanged(const RunRecord &run, int job)
{
    for (RunEventSink *sink : m_sinks)
        sink->jobChanged(run, job);
}

void RunEventFanout::attemptChanged(const RunRecord &run, const AttemptRecord &attempt)
{
    for (RunEventSink *sink : m_sinks)
        sink->attemptChanged(run, attempt);
}

void RunEventFanout::jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                               int lineCount, const QByteArray &lines)
{
    for (RunEventSink *sink : m_sinks)
        sink->jobOutput(run, job, attempt, firstLine, lineCount, lines);
}

bool RunEventFanout::isBackedUp() const
{
    return std::any_of(m_sinks.begin(), m_sinks.end(),
                       [](const RunEventSink *sink) { return sink->isBackedUp(); });
}

} // namespace pw
