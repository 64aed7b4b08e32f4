#pragma once

#include "core/exec/runeventsink.h"

#include <QHash>

namespace pw::cli {

// Tells a person on a terminal what the run does: a line on stderr as the run starts, as
// each job starts, waits for a resource and ends, as a gate waits and is decided, and with
// `streamLogs` every line of output, prefixed with its job's name.
class ConsoleProgress : public RunEventSink
{
public:
    explicit ConsoleProgress(bool streamLogs)
        : m_streamLogs(streamLogs)
    {}

    void runChanged(const RunRecord &run) override;
    void stageChanged(const RunRecord &run, int stage) override;
    void jobChanged(const RunRecord &run, int job) override;
    void jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine, int lineCount,
                   const QByteArray &lines) override;

private:
    bool m_streamLogs = false;
    QHash<int, JobStatus> m_reported;
    QHash<int, QString> m_waitingReason;
    QHash<int, StageStatus> m_gateReported;
    bool m_started = false;
};

} // namespace pw::cli
