#include "retryplan.h"

#include <QHash>

#include <algorithm>
#include <limits>

namespace pw {

namespace {

// At most this many job names in one message; a file rewritten whole would list hundreds.
constexpr int namesShown = 10;

QString nameList(const QStringList &names)
{
    QStringList shown = names.mid(0, namesShown);
    QString text = shown.join(QStringLiteral(", "));
    if (names.size() > namesShown)
        text += QStringLiteral(" and %1 more").arg(names.size() - namesShown);
    return text;
}

// The index of each planned job in `previous`, or an error naming the jobs that differ.
Result<QList<int>> matchJobs(const Plan &plan, const RunRecord &previous)
{
    QHash<QString, int> byName;
    for (int position = 0; position < previous.jobs.size(); ++position)
        byName.insert(previous.jobs[position].name, position);

    QList<int> matched;
    QStringList added;
    QSet<QString> planned;
    for (const PlannedJob &job : plan.jobs) {
        planned.insert(job.name);
        const auto found = byName.constFind(job.name);
        matched.append(found == byName.constEnd() ? -1 : *found);
        if (found == byName.constEnd())
            added.append(job.name);
    }
    QStringList removed;
    for (const JobRecord &job : previous.jobs) {
        if (!planned.contains(job.name))
            removed.append(job.name);
    }
    if (added.isEmpty() && removed.isEmpty())
        return matched;

    QStringList parts;
    if (!removed.isEmpty())
        parts.append(QStringLiteral("no longer in the file: ") + nameList(removed));
    if (!added.isEmpty())
        parts.append(QStringLiteral("new in the file: ") + nameList(added));
    return Error{QStringLiteral("the pipeline file %1 has changed since run %2, so its jobs no "
                                "longer match the run's (%3); start a new run instead")
                     .arg(plan.pipeline->filePath)
                     .arg(previous.id)
                     .arg(parts.join(QStringLiteral("; ")))};
}

// Marks what runs after a job that runs again: its dependents by needs, and the jobs
// without needs of every later stage.
void markDownstream(const Plan &plan, QList<bool> &rerun)
{
    int firstStage = std::numeric_limits<int>::max();
    QList<int> pending;
    for (int job = 0; job < rerun.size(); ++job) {
        if (rerun[job]) {
            firstStage = std::min(firstStage, plan.jobs[job].stage);
            pending.append(job);
        }
    }
    for (const PlannedJob &job : plan.jobs) {
        if (!rerun[job.index] && !job.skipped && job.afterEarlierStages && job.stage > firstStage) {
            rerun[job.index] = true;
            pending.append(job.index);
        }
    }

    // Dependents are in the same or a later stage, so this cannot open an earlier stage.
    while (!pending.isEmpty()) {
        const int job = pending.takeLast();
        for (int dependent : plan.jobs[job].dependents) {
            if (!rerun[dependent] && !plan.jobs[dependent].skipped) {
                rerun[dependent] = true;
                pending.append(dependent);
            }
        }
    }
}

} // namespace

QString unfinishedRunRefusal(const RunRecord &run)
{
    if (isFinished(run.status))
        return QString();
    const QString state = run.status == RunStatus::WaitingApproval
                              ? QStringLiteral("waiting for approval")
                              : keyword(run.status);
    return QStringLiteral("run %1 is still %2; it can be retried once it has ended (wait for "
                          "it, or cancel it first)")
        .arg(run.id)
        .arg(state);
}

int RetryPlan::reusedCount() const
{
    return int(std::count(reused.cbegin(), reused.cend(), true));
}

Result<RetryPlan> planRetry(const Plan &plan, const RunRecord &previous,
                            const RetryOptions &options)
{
    if (const QString refusal = unfinishedRunRefusal(previous); !refusal.isEmpty())
        return Error{refusal};
    Result<QList<int>> matched = matchJobs(plan, previous);
    if (!matched)
        return matched.error();

    RetryPlan retry;
    retry.retryOf = previous.id;
    retry.previousJob = *matched;

    // First the jobs that run again for their own sake, then what follows them.
    QList<bool> rerun(plan.jobs.size(), false);
    for (const PlannedJob &job : plan.jobs) {
        const JobRecord &before = previous.jobs[retry.previousJob[job.index]];
        if (job.skipped)
            continue;
        if (options.all || before.status != JobStatus::Success) {
            rerun[job.index] = true;
        } else if (options.expiredArtifacts.contains(before.index)) {
            rerun[job.index] = true;
            retry.notes.append(QStringLiteral("%1 runs again: its artifacts of run %2 have "
                                              "expired")
                                   .arg(job.name)
                                   .arg(previous.id));
        }
    }
    markDownstream(plan, rerun);

    for (const PlannedJob &job : plan.jobs)
        retry.reused.append(!job.skipped && !rerun[job.index]);
    retry.rerun = int(std::count(rerun.cbegin(), rerun.cend(), true));
    if (retry.rerun == 0) {
        return Error{QStringLiteral("run %1 has no job to run again: every job that runs "
                                    "succeeded; use --all to run them all again")
                         .arg(previous.id)};
    }
    return retry;
}

} // namespace pw
