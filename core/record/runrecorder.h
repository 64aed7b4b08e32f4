#pragma once

#include "core/exec/runeventsink.h"
#include "core/store/runstore.h"

#include <QMap>
#include <QObject>
#include <QTimer>

namespace pw {

class StoreWriter;

// Records a run in the history as it goes. Changes are gathered for a short while and
// written as one batch, so a run of thousands of jobs costs a few transactions, not one
// per change; the job's output goes in the same batches, never held whole in memory.
class RunRecorder : public QObject, public RunEventSink
{
    Q_OBJECT

public:
    RunRecorder(qint64 runId, StoreWriter &writer, QObject *parent = nullptr);

    void runChanged(const RunRecord &run) override;
    void stageChanged(const RunRecord &run, int stage) override;
    void jobChanged(const RunRecord &run, int job) override;
    void attemptChanged(const RunRecord &run, const AttemptRecord &attempt) override;
    void jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine, int lineCount,
                   const QByteArray &lines) override;
    bool isBackedUp() const override;

    // Hands everything gathered so far to the writer.
    void flush();
    // Flushes, then calls `done` once the writer has stored all of it.
    void finish(std::function<void()> done);

private:
    void flushSoon();

    qint64 m_runId = 0;
    StoreWriter &m_writer;
    std::optional<RunRecord> m_run;
    QMap<int, StageRecord> m_stages;
    QMap<int, JobRecord> m_jobs;
    QMap<std::pair<int, int>, AttemptRecord> m_attempts;
    QList<LogChunk> m_logs;
    qsizetype m_logBytes = 0;
    QTimer m_flushTimer;
};

} // namespace pw
