#pragma once

#include "core/exec/executor.h"
#include "core/exec/runeventsink.h"
#include "core/model/pipeline.h"
#include "core/plan/retryplan.h"
#include "core/util/result.h"

#include <QObject>

#include <memory>

namespace pw {

class JobRunner;
class JobStager;
class RunCoordinator;
class RunRecorder;
class RunStore;
class StoreWriter;

// A recorded run to retry: the new run reuses what of it succeeded (see planRetry).
struct RetryRequest
{
    RunRecord previous;
    // Run every job again.
    bool all = false;
};

struct RunRequest
{
    std::shared_ptr<const Pipeline> pipeline;
    RunContext context;
    int maxParallel = 1;
    // Readies workspaces, artifacts and caches around each job; null: none of that.
    JobStager *stager = nullptr;
    // Decides gates and resource locks; null: gates are rejected when reached.
    RunCoordinator *coordinator = nullptr;
    // The values of every secret the pipeline's jobs list (see pipelinesecrets.h); a run
    // that lacks one is not started.
    SecretValues secrets;
    // Set for a retry; `pipeline` and `context` should then be the previous run's.
    std::optional<RetryRequest> retry;
};

// One run from start to its last record: plans the pipeline with the durations the history
// remembers, records the run, drives the executor and keeps the history in step. The
// command line and the desktop app both start runs through this.
class RunSession : public QObject
{
    Q_OBJECT

public:
    RunSession(RunStore &store, StoreWriter &writer, JobRunner &runner, QObject *parent = nullptr);
    ~RunSession() override;

    // Plans and records the run, then starts it. `observer` (optional) sees every event
    // after the history does. Fails when the plan or the store fails, or a retry is refused
    // (see planRetry); nothing runs then.
    Status start(const RunRequest &request, RunEventSink *observer = nullptr);
    void cancel(const QString &reason = QStringLiteral("cancelled by user"));

    bool isStarted() const { return m_executor != nullptr; }
    const RunRecord &run() const;
    const Plan &plan() const;
    // For a retry: what it decided, with notes for people; null otherwise.
    const RetryPlan *retryPlan() const { return m_retry ? &*m_retry : nullptr; }

signals:
    // The run ended and everything about it is in the store (or held, if it went away).
    void finished();

private:
    void onExecutorFinished();
    Result<RunRecord> makeRecord(const RunRequest &request, const Plan &plan);
    Status reuseArtifacts(const RunRequest &request, const RunRecord &run);

    RunStore &m_store;
    StoreWriter &m_writer;
    JobRunner &m_runner;
    std::unique_ptr<RunRecorder> m_recorder;
    RunEventFanout m_fanout;
    std::unique_ptr<Executor> m_executor;
    std::optional<RetryPlan> m_retry;
};

} // namespace pw
