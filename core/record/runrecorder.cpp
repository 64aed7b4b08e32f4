#include "runrecorder.h"

#include "storewriter.h"

namespace pw {

namespace {

constexpr int flushIntervalMs = 200;
// Past this much gathered output a batch goes at once, to bound memory.
constexpr qsizetype flushBytes = 1024 * 1024;
// Past this much output waiting for the store, jobs are made to wait.
constexpr qint64 maxQueuedBytes = 16 * 1024 * 1024;

} // namespace

RunRecorder::RunRecorder(qint64 runId, StoreWriter &writer, QObject *parent)
    : QObject(parent)
    , m_runId(runId)
    , m_writer(writer)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(flushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &RunRecorder::flush);
}

void RunRecorder::runChanged(const RunRecord &run)
{
    RunRecord header = run;
    header.stages.clear();
    header.jobs.clear();
    m_run = header;
    flushSoon();
}

void RunRecorder::stageChanged(const RunRecord &run, int stage)
{
    m_stages.insert(stage, run.stages[stage]);
    flushSoon();
}

void RunRecorder::jobChanged(const RunRecord &run, int job)
{
    m_jobs.insert(job, run.jobs[job]);
    flushSoon();
}

void RunRecorder::attemptChanged(const RunRecord &run, const AttemptRecord &attempt)
{
    m_attempts.insert({attempt.job, attempt.number}, attempt);
    flushSoon();
}

void RunRecorder::jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                            int lineCount, const QByteArray &lines)
{
    m_logs.append(LogChunk{m_runId, job, attempt, firstLine, lineCount, lines});
    m_logBytes += lines.size();
    if (m_logBytes >= flushBytes)
        flush();
    else
        flushSoon();
}

bool RunRecorder::isBackedUp() const
{
    return m_writer.queuedBytes() > maxQueuedBytes;
}

void RunRecorder::flushSoon()
{
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void RunRecorder::flush()
{
    m_flushTimer.stop();

    StoreBatch batch;
    batch.runId = m_runId;
    if (m_run)
        batch.runs.append(*std::exchange(m_run, std::nullopt));
    batch.stages = std::exchange(m_stages, {}).values();
    batch.jobs = std::exchange(m_jobs, {}).values();
    batch.attempts = std::exchange(m_attempts, {}).values();
    batch.logs = std::exchange(m_logs, {});
    m_logBytes = 0;
    m_writer.submit(batch);
}

void RunRecorder::finish(std::function<void()> done)
{
    flush();
    m_writer.whenDrained(this, std::move(done));
}

} // namespace pw
