#include "runsession.h"

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

    RunRecord run = makeRunRecord(*plan);
    run.startedAt = QDateTime::currentDateTimeUtc();
    const auto id = m_store.createRun(run);
    if (!id.ok())
        return Status(id.error());
    run.id = *id;

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
