#pragma once

#include "core/store/records.h"
#include "core/util/result.h"
#include "plan.h"

#include <QSet>

namespace pw {

struct RetryOptions
{
    // Run every job again, reusing none (`pwctl retry --all`).
    bool all = false;
    // Jobs of the previous run, by index, whose artifacts are no longer all kept.
    QSet<int> expiredArtifacts;
};

// What a retry of a recorded run decided for each job of the new plan.
struct RetryPlan
{
    qint64 retryOf = 0;
    // For each planned job: the position of the same job (by name) in the previous run's
    // jobs.
    QList<int> previousJob;
    // For each planned job: true when the previous run's result is reused instead of
    // running it again.
    QList<bool> reused;
    // For people: the decisions that are not plain from the statuses, such as a job that
    // runs again because its artifacts have expired.
    QStringList notes;
    // How many jobs run again.
    int rerun = 0;

    int reusedCount() const;
};

// Decides which jobs of `plan` run again when retrying `previous`, a run of the same file
// with the same context: every job that did not succeed (failed, cancelled, interrupted,
// timed out, or skipped because of one of those), a job whose artifacts have expired, and
// everything downstream of them (by needs, and by stage for jobs without needs). The other
// jobs that succeeded are reused; jobs the plan skips stay skipped. With `all`, every job
// runs again. Fails, with a message for people, when `previous` has not ended, when the
// jobs of the file no longer match those of the run (naming them), or when nothing would
// run again.
Result<RetryPlan> planRetry(const Plan &plan, const RunRecord &previous,
                            const RetryOptions &options = {});

// Why `run` cannot be retried yet (it has not ended), or an empty string.
QString unfinishedRunRefusal(const RunRecord &run);

} // namespace pw
