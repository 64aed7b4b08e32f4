#include "planner.h"

#include <QStringList>

namespace pw {

namespace {

QString describeGate(const GateSpec &gate)
{
    if (gate.approvers.isEmpty())
        return QStringLiteral("gate: anyone");
    const QString approvers = gate.approvers.join(QStringLiteral(", "));
    if (gate.required > 1)
        return QStringLiteral("gate: %1 of %2").arg(gate.required).arg(approvers);
    return QStringLiteral("gate: ") + approvers;
}

QString describeStage(const PlannedStage &stage)
{
    QString line = QStringLiteral("Stage ") + stage.name;
    if (stage.skipped)
        return line + QStringLiteral(": skipped (") + stage.skipReason + QLatin1Char(')');

    QStringList details;
    if (stage.spec && stage.spec->gate)
        details.append(describeGate(*stage.spec->gate));
    if (stage.spec && !stage.spec->resource.isEmpty())
        details.append(QStringLiteral("resource: ") + stage.spec->resource);
    if (!details.isEmpty())
        line += QStringLiteral(" (") + details.join(QStringLiteral("; ")) + QLatin1Char(')');
    return line;
}

// What the job waits for: "needs a, b", "after stage build", or "starts at once".
QString describeStart(const Plan &plan, const PlannedJob &job)
{
    if (job.afterEarlierStages) {
        if (job.stage > 0)
            return QStringLiteral("after stage ") + plan.stages[job.stage - 1].name;
        return QStringLiteral("starts at once");
    }
    if (job.needs.isEmpty())
        return QStringLiteral("starts at once");

    QStringList names;
    for (const PlannedNeed &need : job.needs) {
        const QString &name = plan.jobs[need.job].name;
        names.append(need.artifacts ? name : name + QStringLiteral(" (no artifacts)"));
    }
    return QStringLiteral("needs ") + names.join(QStringLiteral(", "));
}

QString describeJob(const Plan &plan, const PlannedJob &job)
{
    const QString line = QStringLiteral("  ") + job.name + QStringLiteral(": ");
    if (job.skipped)
        return line + QStringLiteral("skipped (") + job.skipReason + QLatin1Char(')');

    QStringList details{describeStart(plan, job)};
    if (job.when != When::OnSuccess)
        details.append(QStringLiteral("when: ") + keyword(job.when));
    if (job.allowFailure)
        details.append(QStringLiteral("may fail"));
    details.append(QStringLiteral("priority ") + QString::number(job.priority));
    return line + details.join(QStringLiteral("; "));
}

QString describeHeader(const Plan &plan)
{
    const QString name = plan.pipeline ? plan.pipeline->name : QString();
    QString line =
        name.isEmpty() ? QStringLiteral("Pipeline") : QStringLiteral("Pipeline '%1'").arg(name);
    return line
           + QStringLiteral(": %1 stages, %2 jobs").arg(plan.stages.size()).arg(plan.jobs.size());
}

} // namespace

QString describePlan(const Plan &plan)
{
    QStringList lines{describeHeader(plan)};
    if (!plan.triggered)
        lines.append(QStringLiteral("Not triggered: ") + plan.notTriggeredReason);

    for (const PlannedStage &stage : plan.stages) {
        lines.append(describeStage(stage));
        for (int j : stage.jobs)
            lines.append(describeJob(plan, plan.jobs[j]));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace pw
