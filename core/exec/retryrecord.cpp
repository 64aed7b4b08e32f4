#include "retryrecord.h"

#include "executor.h"

namespace pw {

namespace {

JobRecord reusedJob(const JobRecord &before, const JobRecord &planned, qint64 previousRun)
{
    // Index and stage are the new plan's: the file may list the same jobs in another order.
    JobRecord job = before;
    job.index = planned.index;
    job.stage = planned.stage;
    job.needs = planned.needs;
    job.status = JobStatus::Success;
    job.reason = reusedReason(previousRun);
    return job;
}

// A stage none of whose jobs will run has ended before the run starts: the executor only
// finishes stages when one of their jobs finishes.
void concludeStage(RunRecord &run, const PlannedStage &stage, qint64 previousRun)
{
    StageRecord &record = run.stages[stage.index];
    if (record.status != StageStatus::Pending || stage.jobs.isEmpty())
        return;
    bool anyReused = false;
    for (int job : stage.jobs) {
        const JobRecord &jobRecord = run.jobs[job];
        if (!isFinished(jobRecord.status))
            return;
        anyReused |= jobRecord.status == JobStatus::Success;
    }
    record.status = anyReused ? StageStatus::Success : StageStatus::Skipped;
    record.reason = anyReused ? reusedReason(previousRun) : run.jobs[stage.jobs.first()].reason;
}

} // namespace

QString reusedReason(qint64 runId)
{
    return QStringLiteral("reused from run %1").arg(runId);
}

RunRecord makeRetryRecord(const Plan &plan, const RunRecord &previous, const RetryPlan &retry)
{
    RunRecord run = makeRunRecord(plan);
    run.retryOf = previous.id;
    for (const PlannedJob &job : plan.jobs) {
        if (retry.reused.value(job.index)) {
            const JobRecord &before = previous.jobs[retry.previousJob[job.index]];
            run.jobs[job.index] = reusedJob(before, run.jobs[job.index], previous.id);
        }
    }
    for (const PlannedStage &stage : plan.stages)
        concludeStage(run, stage, previous.id);
    return run;
}

} // namespace pw
