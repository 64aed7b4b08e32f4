#include "skips.h"

#include "conditions.h"
#include "planlog.h"

#include <algorithm>

namespace pw::planner {

namespace {

const QString &conditionFalse()
{
    static const QString reason = QStringLiteral("condition false");
    return reason;
}

void skipNeedsOfSkipped(Plan &plan, const QList<int> &order)
{
    for (int j : order) {
        PlannedJob &job = plan.jobs[j];
        if (job.skipped)
            continue;
        for (const PlannedNeed &need : job.needs) {
            const PlannedJob &needed = plan.jobs[need.job];
            if (needed.skipped) {
                job.skipped = true;
                job.skipReason = QStringLiteral("needs skipped job ") + needed.name;
                qCDebug(lcPlan) << "skipping" << job.name << "because it" << job.skipReason;
                break;
            }
        }
    }
}

void skipEmptiedStages(Plan &plan)
{
    for (PlannedStage &stage : plan.stages) {
        // A stage without jobs stays: it may be there only for its gate.
        if (stage.skipped || stage.jobs.isEmpty())
            continue;
        const bool allSkipped = std::all_of(stage.jobs.begin(), stage.jobs.end(),
                                            [&](int j) { return plan.jobs[j].skipped; });
        if (allSkipped) {
            stage.skipped = true;
            stage.skipReason = QStringLiteral("all jobs skipped");
        }
    }
}

} // namespace

Result<QString> stageSkipReason(const Plan &plan, const PlannedStage &stage)
{
    if (!stage.spec->condition)
        return QString();

    const Variables variables = mergedVariables(plan.pipeline->variables, plan.context.variables);
    const Result<bool> value =
        evaluateCondition(*stage.spec->condition, evalContext(plan.context, variables),
                          QStringLiteral("stage '%1'").arg(stage.name));
    if (!value)
        return value.error();
    return *value ? QString() : conditionFalse();
}

Result<QString> jobSkipReason(const Plan &plan, const PlannedJob &job,
                              const Variables &conditionVariables)
{
    if (job.when == When::Never)
        return QStringLiteral("when: never");
    if (!job.spec->condition)
        return QString();

    const Result<bool> value =
        evaluateCondition(*job.spec->condition, evalContext(plan.context, conditionVariables),
                          QStringLiteral("job '%1'").arg(job.name));
    if (!value)
        return value.error();
    return *value ? QString() : conditionFalse();
}

void cascadeSkips(Plan &plan, const QList<int> &order)
{
    skipNeedsOfSkipped(plan, order);
    skipEmptiedStages(plan);
}

} // namespace pw::planner
