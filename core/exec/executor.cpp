#include "executor.h"

#include "execlog.h"
#include "runcoordinator.h"
#include "runeventsink.h"

#include <QPointer>

namespace pw {

namespace {

// Output is handed on in pieces of about this size, so that a job writing hundreds of
// megabytes never holds more than this much in memory here.
constexpr qsizetype flushThreshold = 256 * 1024;

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

bool counts(JobStatus status)
{
    return status == JobStatus::Success;
}

} // namespace

RunRecord makeRunRecord(const Plan &plan)
{
    RunRecord run;
    run.pipeline = plan.pipeline->name;
    run.pipelineFile = plan.pipeline->filePath;
    run.branch = plan.context.branch;
    run.commit = plan.context.commit;
    run.event = plan.context.event;
    run.triggeredBy = plan.context.triggeredBy;
    run.tag = plan.context.tag;
    run.variables = plan.context.variables;
    run.format = plan.pipeline->format == Pipeline::Format::GitLab ? QStringLiteral("gitlab")
                                                                   : QStringLiteral("native");

    for (const PlannedStage &planned : plan.stages) {
        StageRecord stage{planned.index, planned.name, StageStatus::Pending, QString(),
                          std::nullopt};
        if (planned.skipped) {
            stage.status = StageStatus::Skipped;
            stage.reason = planned.skipReason;
        }
        run.stages.append(stage);
    }

    for (const PlannedJob &planned : plan.jobs) {
        JobRecord job;
        job.index = planned.index;
        job.stage = planned.stage;
        job.name = planned.name;
        job.allowFailure = planned.allowFailure;
        job.maxAttempts = planned.spec ? planned.spec->retry + 1 : 1;
        for (const PlannedNeed &need : planned.needs)
            job.needs.append(plan.jobs[need.job].name);
        if (planned.skipped) {
            job.status = JobStatus::Skipped;
            job.reason = planned.skipReason;
        }
        run.jobs.append(job);
    }
    return run;
}

Executor::Executor(Plan plan, RunRecord run, JobRunner &runner, RunEventSink &sink,
                   const ExecutorOptions &options, QObject *parent)
    : QObject(parent)
    , m_plan(std::move(plan))
    , m_run(std::move(run))
    , m_runner(runner)
    , m_sink(sink)
    , m_options(options)
    , m_masker(options.secrets)
{
    m_options.maxParallel = std::max(1, m_options.maxParallel);
    m_slots.resize(m_plan.jobs.size());
    m_gates.resize(m_plan.stages.size());
    m_unfinishedInStage.fill(0, m_plan.stages.size());
    m_stageFailures.resize(m_plan.stages.size());

    for (const PlannedJob &job : m_plan.jobs) {
        if (pw::isFinished(m_run.jobs[job.index].status))
            continue;
        ++m_unfinished;
        ++m_unfinishedInStage[job.stage];
        for (const PlannedNeed &need : job.needs) {
            if (!pw::isFinished(m_run.jobs[need.job].status))
                ++m_slots[job.index].unmetNeeds;
        }
    }

    m_flushTimer.setInterval(m_options.outputFlushInterval);
    connect(&m_flushTimer, &QTimer::timeout, this, &Executor::flushAllOutput);
    m_backpressureTimer.setInterval(20);
    connect(&m_backpressureTimer, &QTimer::timeout, this, &Executor::applyBackpressure);

    if (RunCoordinator *coordinator = m_options.coordinator) {
        connect(coordinator, &RunCoordinator::gateChanged, this, &Executor::onGateChanged);
        connect(coordinator, &RunCoordinator::claimWaiting, this, &Executor::onClaimWaiting);
        connect(coordinator, &RunCoordinator::claimGranted, this, &Executor::onClaimGranted);
    }
}

Executor::~Executor()
{
    // Deleting an execution stops its processes; nothing outlives the executor.
    for (Slot &slot : m_slots)
        delete slot.execution;
}

bool Executor::isFinished() const
{
    return pw::isFinished(m_run.status);
}

void Executor::start()
{
    if (m_started)
        return;

    m_started = true;
    m_run.status = RunStatus::Running;
    m_run.startedAt = now();
    m_sink.runChanged(m_run);
    m_flushTimer.start();
    if (m_options.coordinator)
        m_options.coordinator->startRun(m_run);

    for (const PlannedJob &job : m_plan.jobs) {
        if (m_run.jobs[job.index].status == JobStatus::Pending && m_slots[job.index].unmetNeeds == 0
            && (!job.afterEarlierStages || job.stage == 0)) {
            makeReady(job.index);
        }
    }
    // Stages that are finished before anything runs (all skipped) open the later ones.
    releaseFinishedStages();
    schedule();
}

void Executor::cancel(const QString &reason)
{
    if (m_cancelled || isFinished() || m_finishing)
        return;

    qCInfo(lcExec) << "cancelling run" << m_run.id << reason;
    m_cancelled = true;
    m_run.reason = reason;
    for (int job = 0; job < m_slots.size(); ++job) {
        if (m_slots[job].execution)
            m_slots[job].execution->cancel();
    }
    cancelWaits();
    schedule();
}

void Executor::schedule()
{
    // Finishing a job can make others ready, and skipping those can finish more: loop here
    // instead of recursing, so that a long chain of skips cannot exhaust the stack.
    if (m_scheduling) {
        m_scheduleAgain = true;
        return;
    }
    m_scheduling = true;
    do {
        m_scheduleAgain = false;
        dispatchReadyJobs();
    } while (m_scheduleAgain);
    m_scheduling = false;

    finishRunIfDone();
}

void Executor::dispatchReadyJobs()
{
    while (!m_ready.empty()) {
        const int job = m_ready.begin()->second;
        const QString reason = blockingReason(job);
        if (!reason.isEmpty()) {
            m_ready.erase(m_ready.begin());
            finishJob(job, JobStatus::Skipped, reason);
            continue;
        }
        // A job held for a gate or a resource leaves the ready set (and may come back to it
        // at once, when nothing needs to wait); one that only lacks a worker stays.
        const auto entry = *m_ready.begin();
        m_ready.erase(m_ready.begin());
        if (holdAtGate(job) || holdForResource(job))
            continue;
        if (m_running >= m_options.maxParallel) {
            m_ready.insert(entry);
            return;
        }
        startAttempt(job);
    }
}

void Executor::makeReady(int job)
{
    m_ready.insert({-m_plan.jobs[job].priority, job});
}

void Executor::releaseFinishedStages()
{
    // A job without needs may start once every job of every earlier stage has finished.
    const int previous = m_firstOpenStage;
    while (m_firstOpenStage < m_plan.stages.size() && m_unfinishedInStage[m_firstOpenStage] == 0) {
        ++m_firstOpenStage;
    }
    for (int s = previous + 1; s <= m_firstOpenStage && s < m_plan.stages.size(); ++s) {
        for (int job : m_plan.stages[s].jobs) {
            if (m_run.jobs[job].status == JobStatus::Pending && m_slots[job].unmetNeeds == 0
                && m_plan.jobs[job].afterEarlierStages) {
                makeReady(job);
            }
        }
    }
}

bool Executor::upstreamSucceeded(int job, QString *failedNeed) const
{
    const PlannedJob &planned = m_plan.jobs[job];
    for (const PlannedNeed &need : planned.needs) {
        const JobRecord &record = m_run.jobs[need.job];
        if (record.status == JobStatus::Skipped) {
            *failedNeed = QStringLiteral("needs skipped job ") + record.name;
            return false;
        }
        if (!counts(record.status) && !record.allowFailure) {
            *failedNeed = QStringLiteral("needs failed job ") + record.name;
            return false;
        }
    }
    return true;
}

QString Executor::blockingReason(int job) const
{
    // Why a ready job must not start, or an empty string when it may.
    if (m_cancelled)
        return QStringLiteral("run cancelled");
    if (const StageGate &gate = m_gates[m_plan.jobs[job].stage]; gate.closed)
        return gate.closedReason;

    const When when = m_plan.jobs[job].when;
    if (when == When::Always)
        return QString();
    const QString failure = failureBefore(job);
    if (when == When::OnFailure) {
        return failure.isEmpty() ? QStringLiteral("when: on_failure, and nothing failed")
                                 : QString();
    }
    if (!failure.isEmpty())
        return QStringLiteral("not started: ") + failure;

    QString failedNeed;
    if (!upstreamSucceeded(job, &failedNeed))
        return failedNeed;
    return QString();
}

QString Executor::failureBefore(int job) const
{
    // The failure an `on_success` job does not start after, and an `on_failure` one waits for.
    if (m_plan.pipeline->afterFailure == Pipeline::AfterFailure::SkipUnstarted)
        return m_firstFailure;

    const PlannedJob &planned = m_plan.jobs[job];
    if (!planned.afterEarlierStages) {
        for (const PlannedNeed &need : planned.needs) {
            const JobRecord &record = m_run.jobs[need.job];
            if (record.status == JobStatus::Failed && !record.allowFailure)
                return QStringLiteral("job %1 failed").arg(record.name);
        }
        return QString();
    }
    for (int stage = 0; stage < planned.stage; ++stage) {
        if (!m_stageFailures[stage].isEmpty())
            return m_stageFailures[stage];
    }
    return QString();
}

JobLaunch Executor::launchFor(int job) const
{
    const PlannedJob &planned = m_plan.jobs[job];
    const Job &spec = *planned.spec;

    JobLaunch launch;
    launch.runId = m_run.id;
    launch.job = job;
    launch.attempt = m_run.jobs[job].attempts;
    launch.name = planned.name;
    launch.commands = spec.beforeCommands + spec.commands;
    launch.afterCommands = spec.afterCommands;
    launch.shell = spec.shell;
    launch.singleSession = spec.singleSession;
    launch.workingDirectory = m_slots[job].workingDirectory.isEmpty()
                                  ? m_plan.pipeline->directory
                                  : m_slots[job].workingDirectory;
    launch.environment = m_slots[job].variables.value_or(planned.variables);
    setVariable(launch.environment, QStringLiteral("PIPEWRIGHT_RUN_ID"), QString::number(m_run.id));
    // Secrets are set as they are, never expanded, and only for the jobs that list them.
    for (const QString &name : spec.secrets) {
        setVariable(launch.environment, name, QString::fromUtf8(m_options.secrets.value(name)),
                    false);
    }
    launch.timeout = spec.timeout;
    launch.killGrace = m_options.killGrace;
    return launch;
}

void Executor::startAttempt(int job)
{
    JobRecord &record = m_run.jobs[job];
    Slot &slot = m_slots[job];
    const bool firstAttempt = record.attempts == 0;

    ++record.attempts;
    record.status = JobStatus::Running;
    record.reason.clear();
    record.exitCode.reset();
    if (firstAttempt)
        record.startedAt = now();
    slot.attempt = AttemptRecord{job, record.attempts, now(), QDateTime(), std::nullopt, {}};
    slot.nextLine = 0;
    ++m_running;

    StageRecord &stage = m_run.stages[record.stage];
    if (stage.status == StageStatus::Pending) {
        stage.status = StageStatus::Running;
        m_sink.stageChanged(m_run, stage.index);
    }
    m_sink.jobChanged(m_run, job);
    m_sink.attemptChanged(m_run, slot.attempt);

    if (!firstAttempt) {
        launchAttempt(job);
        return;
    }
    // The job's files are readied once, as the first step of its first attempt, so that what
    // the stager logs is part of that attempt's log.
    stager().prepare(m_plan, m_run, job,
                     [self = QPointer<Executor>(this), job](const StagedJob &staged) {
                         if (self)
                             self->onPrepared(job, staged);
                     });
}

void Executor::onPrepared(int job, const StagedJob &staged)
{
    Slot &slot = m_slots[job];
    JobRecord &record = m_run.jobs[job];
    slot.workingDirectory = staged.workingDirectory;
    slot.variables = staged.variables;
    record.cache = staged.cache;
    appendLog(job, staged.log);

    if (m_cancelled) {
        onAttemptFinished(job, {JobOutcome::Kind::Cancelled, 0, QStringLiteral("cancelled")});
    } else if (!staged.failure.isEmpty()) {
        --m_running;
        slot.attempt.finishedAt = now();
        slot.attempt.reason = staged.failure;
        m_sink.attemptChanged(m_run, slot.attempt);
        finishJob(job, JobStatus::Failed, staged.failure);
        schedule();
    } else if (staged.skip) {
        record.cacheHit = true;
        appendLog(job, staged.replayedOutput);
        onAttemptFinished(job, {JobOutcome::Kind::Exited, 0, QString()});
    } else {
        launchAttempt(job);
    }
}

void Executor::launchAttempt(int job)
{
    Slot &slot = m_slots[job];
    const JobRecord &record = m_run.jobs[job];
    qCDebug(lcExec) << "starting" << record.name << "attempt" << record.attempts;
    JobExecution *execution = m_runner.createExecution(launchFor(job), this);
    slot.execution = execution;
    connect(execution, &JobExecution::output, this, [this, job](const QByteArray &data) {
        m_slots[job].output.append(data);
        if (m_slots[job].output.size() >= flushThreshold)
            flushOutput(job, false);
    });
    connect(execution, &JobExecution::finished, this,
            [this, job](const JobOutcome &outcome) { onAttemptFinished(job, outcome); });
    execution->setOutputPaused(m_outputPaused);
    execution->start();
}

void Executor::onAttemptFinished(int job, const JobOutcome &outcome)
{
    Slot &slot = m_slots[job];
    JobRecord &record = m_run.jobs[job];
    flushOutput(job, true);
    if (slot.execution)
        slot.execution->deleteLater();
    slot.execution = nullptr;
    --m_running;

    const bool timedOut = outcome.kind == JobOutcome::Kind::TimedOut;
    const QString reason = timedOut ? QStringLiteral("timeout") : outcome.reason;
    slot.attempt.finishedAt = now();
    slot.attempt.exitCode = outcome.exitCode;
    slot.attempt.reason = outcome.succeeded() ? QString() : reason;
    m_sink.attemptChanged(m_run, slot.attempt);
    record.exitCode = outcome.exitCode;

    if (outcome.succeeded()) {
        concludeJob(job, JobStatus::Success, QString());
        return;
    } else if (outcome.kind == JobOutcome::Kind::Cancelled || m_cancelled) {
        finishJob(job, JobStatus::Cancelled, QStringLiteral("cancelled"));
    } else if (record.attempts <= m_plan.jobs[job].spec->retry) {
        qCInfo(lcExec) << "retrying" << record.name << "after" << reason;
        startAttempt(job);
        return;
    } else {
        // With exit codes listed, only those are allowed to fail (GitLab's exit_codes).
        const QList<int> &allowed = m_plan.jobs[job].spec->allowFailureExitCodes;
        if (record.allowFailure && !allowed.isEmpty()
            && !(outcome.kind == JobOutcome::Kind::Exited && allowed.contains(outcome.exitCode)))
            record.allowFailure = false;
        concludeJob(job, JobStatus::Failed, reason);
        return;
    }
    schedule();
}

void Executor::concludeJob(int job, JobStatus status, const QString &reason)
{
    // The job counts as unfinished until its artifacts and caches are kept, so that a
    // dependent never starts before what it receives is in the store.
    stager().conclude(
        m_plan, m_run, job, status,
        [self = QPointer<Executor>(this), job, status, reason](const ConcludedJob &concluded) {
            if (!self)
                return;
            self->appendLog(job, concluded.log);
            self->m_run.jobs[job].artifacts = concluded.artifacts;
            const bool refused = status == JobStatus::Success && !concluded.failure.isEmpty();
            self->finishJob(job, refused ? JobStatus::Failed : status,
                            refused ? concluded.failure : reason);
            self->schedule();
        });
}

void Executor::appendLog(int job, const QByteArray &lines)
{
    if (lines.isEmpty())
        return;
    m_slots[job].output.append(lines);
    flushOutput(job, true);
}

JobStager &Executor::stager() const
{
    return m_options.stager ? *m_options.stager : passThroughStager();
}

void Executor::finishJob(int job, JobStatus status, const QString &reason)
{
    JobRecord &record = m_run.jobs[job];
    const PlannedJob &planned = m_plan.jobs[job];
    record.status = status;
    record.reason = reason;
    if (record.startedAt.isValid())
        record.finishedAt = now();
    if (status == JobStatus::Failed && !record.allowFailure) {
        const QString failure = QStringLiteral("job %1 failed").arg(record.name);
        if (m_firstFailure.isEmpty())
            m_firstFailure = failure;
        if (m_stageFailures[planned.stage].isEmpty())
            m_stageFailures[planned.stage] = failure;
    }
    m_sink.jobChanged(m_run, job);
    releaseClaim(m_jobClaims, job);

    --m_unfinished;
    for (int dependent : planned.dependents) {
        if (--m_slots[dependent].unmetNeeds == 0
            && m_run.jobs[dependent].status == JobStatus::Pending
            && (!m_plan.jobs[dependent].afterEarlierStages
                || m_plan.jobs[dependent].stage <= m_firstOpenStage)) {
            makeReady(dependent);
        }
    }
    if (--m_unfinishedInStage[planned.stage] == 0) {
        finishStage(planned.stage);
        releaseFinishedStages();
    }
    m_scheduleAgain = true;
}

void Executor::finishStage(int stage)
{
    StageRecord &record = m_run.stages[stage];
    bool anyFailed = false;
    bool anyCancelled = false;
    bool allSkipped = true;
    for (int job : m_plan.stages[stage].jobs) {
        const JobRecord &jobRecord = m_run.jobs[job];
        anyFailed |= jobRecord.status == JobStatus::Failed && !jobRecord.allowFailure;
        anyCancelled |= jobRecord.status == JobStatus::Cancelled;
        allSkipped &= jobRecord.status == JobStatus::Skipped;
    }

    releaseClaim(m_stageClaims, stage);
    if (m_gates[stage].closed) {
        // The gate's word stands (rejected, or cancelled while waiting): its jobs were
        // skipped because of it.
    } else if (anyFailed) {
        record.status = StageStatus::Failed;
    } else if (anyCancelled) {
        record.status = StageStatus::Cancelled;
    } else if (allSkipped) {
        record.status = StageStatus::Skipped;
    } else {
        record.status = StageStatus::Success;
    }
    if (allSkipped && record.reason.isEmpty() && !m_plan.stages[stage].jobs.isEmpty())
        record.reason = m_run.jobs[m_plan.stages[stage].jobs.first()].reason;
    m_sink.stageChanged(m_run, stage);
}

void Executor::finishRunIfDone()
{
    if (!m_started || isFinished() || m_finishing || m_unfinished > 0 || m_running > 0)
        return;

    m_finishing = true;
    m_flushTimer.stop();
    stager().finishRun(m_plan, m_run, [self = QPointer<Executor>(this)] {
        if (self)
            self->completeRun();
    });
}

void Executor::completeRun()
{
    if (m_options.coordinator)
        m_options.coordinator->finishRun(m_run);

    if (m_cancelled) {
        m_run.status = RunStatus::Cancelled;
    } else if (m_rejected) {
        m_run.status = RunStatus::Rejected;
        m_run.reason = m_firstFailure;
    } else if (!m_firstFailure.isEmpty()) {
        m_run.status = RunStatus::Failed;
        m_run.reason = m_firstFailure;
    } else {
        m_run.status = RunStatus::Success;
    }
    m_run.finishedAt = now();
    m_sink.runChanged(m_run);
    emit finished();
}

void Executor::flushOutput(int job, bool all)
{
    Slot &slot = m_slots[job];
    int lineCount = 0;
    const QByteArray lines =
        all ? slot.output.takeAll(&lineCount) : slot.output.takeLines(&lineCount);
    if (lines.isEmpty())
        return;
    // Masked before anyone sees it: the console, the store and the notifications.
    const QByteArray shown = m_masker.isEmpty() ? lines : m_masker.mask(lines);
    m_sink.jobOutput(m_run, job, slot.attempt.number, slot.nextLine, lineCount, shown);
    slot.nextLine += lineCount;
    if (!m_outputPaused && m_sink.isBackedUp())
        applyBackpressure();
}

void Executor::applyBackpressure()
{
    // While the history is behind, no job's output is read: the jobs block on their full
    // pipes, and memory stays bounded however fast they write.
    const bool pause = m_sink.isBackedUp();
    if (pause == m_outputPaused)
        return;
    m_outputPaused = pause;
    for (Slot &slot : m_slots) {
        if (slot.execution)
            slot.execution->setOutputPaused(pause);
    }
    if (pause)
        m_backpressureTimer.start();
    else
        m_backpressureTimer.stop();
}

void Executor::flushAllOutput()
{
    for (int job = 0; job < m_slots.size(); ++job) {
        if (m_slots[job].execution)
            flushOutput(job, false);
    }
}

} // namespace pw
