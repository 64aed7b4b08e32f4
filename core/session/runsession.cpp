#include "runsession.h"

#include "core/exec/retryrecord.h"
#include "core/plan/planner.h"
#include "core/record/runrecorder.h"
#include "core/secrets/pipelinesecrets.h"
#include "core/store/runstore.h"

namespace pw {

RunSession::RunSession(RunStore &store, StoreWriter &writer, JobRunner &runner, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_writer(writer)
    , m_runner(runner)
{}

RunSession::~RunSession() = default;

const RunRecord &RunSession::run() const
{
    return m_executor->run();
}
const Plan &RunSession::plan() const
{
    return m_executor->plan();
}

Status RunSession::start(const RunRequest &request, RunEventSink *observer)
{
    if (const QString missing = missingPipelineSecret(*request.pipeline, request.secrets);
        !missing.isEmpty())
        return Status::failure(missing);

    // Past durations weigh the critical path; a store without them plans by job count.
    PlanOptions options;
    const auto durations = m_store.lastJobDurations(request.pipeline->name);
    if (durations.ok())
        options.lastDurationsMs = *durations;

    auto plan = makePlan(request.pipeline, request.context, options);
    if (!plan.ok())
        return Status(plan.error());

    Result<RunRecord> record = makeRecord(request, *plan);
    if (!record)
        return Status(record.error());
    RunRecord run = std::move(record).value();
    run.startedAt = QDateTime::currentDateTimeUtc();
    const auto id = m_store.createRun(run);
    if (!id.ok())
        return Status(id.error());
    run.id = *id;
    if (Status reused = reuseArtifacts(request, run); !reused)
        return reused;

    m_recorder = std::make_unique<RunRecorder>(run.id, m_writer);
    m_fanout.add(m_recorder.get());
    if (observer)
        m_fanout.add(observer);

    ExecutorOptions executorOptions;
    executorOptions.maxParallel = request.maxParallel;
    executorOptions.stager = request.stager;
    executorOptions.coordinator = request.coordinator;
    executorOptions.secrets = request.secrets;
    m_executor = std::make_unique<Executor>(std::move(plan).value(), run, m_runner, m_fanout,
                                            executorOptions);
    connect(m_executor.get(), &Executor::finished, this, &RunSession::onExecutorFinished);
    m_executor->start();
    return Status();
}

Result<RunRecord> RunSession::makeRecord(const RunRequest &request, const Plan &plan)
{
    m_retry.reset();
    if (!request.retry)
        return makeRunRecord(plan);

    JobStager &stager = request.stager ? *request.stager : passThroughStager();
    const RunRecord &previous = request.retry->previous;
    RetryOptions options;
    options.all = request.retry->all;
    if (!options.all) {
        const Result<QSet<int>> expired = stager.expiredArtifacts(previous);
        if (!expired)
            return expired.error();
        options.expiredArtifacts = *expired;
    }
    Result<RetryPlan> retry = planRetry(plan, previous, options);
    if (!retry)
        return retry.error();
    m_retry = std::move(retry).value();
    return makeRetryRecord(plan, previous, *m_retry);
}

Status RunSession::reuseArtifacts(const RunRequest &request, const RunRecord &run)
{
    if (!m_retry || m_retry->reusedCount() == 0)
        return {};
    QList<std::pair<int, int>> reused;
    for (int job = 0; job < m_retry->reused.size(); ++job) {
        if (m_retry->reused[job])
            reused.append({job, request.retry->previous.jobs[m_retry->previousJob[job]].index});
    }
    JobStager &stager = request.stager ? *request.stager : passThroughStager();
    const Status shared = stager.reuseArtifacts(m_retry->retryOf, run, reused);
    if (shared)
        return {};

    // The run is recorded already: it ends at once, saying why, instead of staying pending.
    StoreBatch batch;
    RunRecord failed = run;
    failed.status = RunStatus::Failed;
    failed.reason = shared.error().message;
    failed.finishedAt = QDateTime::currentDateTimeUtc();
    batch.runId = run.id;
    batch.runs.append(failed);
    m_store.write(batch);
    return shared;
}

void RunSession::cancel(const QString &reason)
{
    if (m_executor)
        m_executor->cancel(reason);
}

void RunSession::onExecutorFinished()
{
    m_recorder->finish([this] { emit finished(); });
}

} // namespace pw
