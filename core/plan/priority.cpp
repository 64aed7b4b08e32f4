#include "priority.h"

#include <algorithm>

namespace pw::planner {

namespace {

// Caps one recorded duration (about 30 years), so that sums over any plan stay in range.
constexpr qint64 kMaxWeightMs = qint64(1) << 40;

qint64 weightOf(const PlannedJob &job, const PlanOptions &options)
{
    if (job.skipped)
        return 0;

    qint64 duration = options.lastDurationsMs.value(job.name, -1);
    if (duration < 0)
        duration = options.lastDurationsMs.value(job.spec->name, -1);
    if (duration < 0)
        return 1;
    return std::min(duration, kMaxWeightMs);
}

} // namespace

void computePriorities(Plan &plan, const QList<int> &order, const PlanOptions &options)
{
    // Walking back, stage by stage: `laterStages` is the longest path among the jobs of the
    // stages already passed that wait for earlier stages, which follow every job still to
    // come. Tracking it per stage keeps the work linear instead of one edge per job pair.
    qint64 laterStages = 0;
    qint64 waitingInStage = 0;
    int stage = -1;

    for (auto it = order.rbegin(); it != order.rend(); ++it) {
        PlannedJob &job = plan.jobs[*it];
        if (job.stage != stage) {
            laterStages = std::max(laterStages, waitingInStage);
            waitingInStage = 0;
            stage = job.stage;
        }

        qint64 after = laterStages;
        for (int dependent : job.dependents)
            after = std::max(after, plan.jobs[dependent].priority);
        job.priority = weightOf(job, options) + after;

        if (job.afterEarlierStages)
            waitingInStage = std::max(waitingInStage, job.priority);
    }
}

} // namespace pw::planner
