#include "planner.h"

#include "core/gitlab/runrules.h"
#include "matrixexpansion.h"
#include "needs.h"
#include "planerror.h"
#include "planlog.h"
#include "priority.h"
#include "skips.h"
#include "triggers.h"

#include <QSet>

namespace pw {

namespace {

using planner::JobInstance;

// Beyond this a plan is surely a mistake, and memory for it would run out first.
constexpr qsizetype kMaxJobsPerRun = 100000;

// The planned jobs built so far by name: the instances of each job of the file, and every
// display name, which must be unique for users and the store to tell instances apart.
struct JobIndex
{
    planner::InstancesByJob instancesOf;
    QSet<QString> names;
};

// What a job's `if:` sees: the pipeline's variables, the job's env, its matrix values, and
// the run's variables on top.
Variables conditionVariables(const Plan &plan, const Job &job, const JobInstance &instance)
{
    const QList<const Variables *> layers{&job.env, &instance.variables, &plan.context.variables};

    // Room for every layer and the run's own four, so that a large plan does not regrow each.
    Variables variables = plan.pipeline->variables;
    qsizetype size = variables.size() + 4;
    for (const Variables *layer : layers)
        size += layer->size();
    variables.reserve(size);

    for (const Variables *layer : layers) {
        for (const Variable &variable : *layer)
            setVariable(variables, variable.name, variable.value, variable.expand);
    }
    return variables;
}

// The same, with what the run tells every job's commands. These are values, never templates.
Variables jobVariables(const Plan &plan, Variables variables, const QString &name)
{
    const RunContext &context = plan.context;
    setVariable(variables, QStringLiteral("PIPEWRIGHT_BRANCH"), context.branch, false);
    setVariable(variables, QStringLiteral("PIPEWRIGHT_COMMIT"), context.commit, false);
    setVariable(variables, QStringLiteral("PIPEWRIGHT_EVENT"), context.event, false);
    setVariable(variables, QStringLiteral("PIPEWRIGHT_JOB_NAME"), name, false);
    return variables;
}

// How the job runs and what it sees: as the file declares it, or for a GitLab pipeline as its
// first matching rule decides, with GitLab's predefined variables and variable expansion.
Status applySpec(const Plan &plan, const PlannedStage &stage, PlannedJob &planned, const Job &job,
                 const JobInstance &instance, Variables &variables)
{
    if (plan.pipeline->format != Pipeline::Format::GitLab) {
        planned.when = job.when;
        planned.allowFailure = job.allowFailure;
        variables = conditionVariables(plan, job, instance);
        return Status();
    }

    const Result<gitlab::JobDecision> decision = gitlab::decideJob(
        *plan.pipeline, plan.context, job, stage.name, instance.name, instance.variables);
    if (!decision)
        return decision.error();
    planned.when = decision->when;
    planned.allowFailure = decision->allowFailure;
    planned.skipReason = decision->skipReason;
    variables = decision->variables;
    return Status();
}

Status checkNewJob(const Plan &plan, const Job &job, const QList<JobInstance> &instances,
                   const JobIndex &index)
{
    if (index.instancesOf.contains(job.name)) {
        return planner::planError(
            job.location, QStringLiteral("job '%1' is declared more than once").arg(job.name));
    }
    if (plan.jobs.size() + instances.size() > kMaxJobsPerRun) {
        return planner::planError(
            job.location,
            QStringLiteral("the pipeline has more than %1 jobs to run").arg(kMaxJobsPerRun));
    }
    for (const JobInstance &instance : instances) {
        if (index.names.contains(instance.name)) {
            return planner::planError(
                job.location, QStringLiteral("job '%1': there is more than one job named '%2'")
                                  .arg(job.name, instance.name));
        }
    }
    return Status();
}

Status addInstance(Plan &plan, PlannedStage &stage, const Job &job, const JobInstance &instance)
{
    PlannedJob planned;
    planned.index = int(plan.jobs.size());
    planned.stage = stage.index;
    planned.name = instance.name;
    planned.spec = &job;
    planned.matrixValues = instance.matrixValues;
    planned.afterEarlierStages = !job.needsGiven;

    Variables variables;
    const Status applied = applySpec(plan, stage, planned, job, instance, variables);
    if (!applied)
        return applied;
    if (stage.skipped) {
        planned.skipped = true;
        planned.skipReason = stage.skipReason;
    } else if (!planned.skipReason.isEmpty()) {
        planned.skipped = true;
    } else {
        const Result<QString> reason = planner::jobSkipReason(plan, planned, variables);
        if (!reason)
            return reason.error();
        planned.skipped = !reason->isEmpty();
        planned.skipReason = *reason;
    }
    planned.variables = jobVariables(plan, std::move(variables), planned.name);

    stage.jobs.append(planned.index);
    plan.jobs.append(std::move(planned));
    return Status();
}

Status addJob(Plan &plan, PlannedStage &stage, const Job &job, JobIndex &index)
{
    const Result<QList<JobInstance>> instances = planner::expandJob(job);
    if (!instances)
        return instances.error();
    const Status checked = checkNewJob(plan, job, *instances, index);
    if (!checked)
        return checked;

    QList<int> &indices = index.instancesOf[job.name];
    for (qsizetype i = 0; i < instances->size(); ++i) {
        JobInstance instance = instances->at(i);
        // GitLab numbers the instances of a matrix as it numbers those of `parallel: N`.
        if (plan.pipeline->format == Pipeline::Format::GitLab && !job.matrix.isEmpty()) {
            setVariable(instance.variables, QStringLiteral("CI_NODE_INDEX"),
                        QString::number(i + 1));
            setVariable(instance.variables, QStringLiteral("CI_NODE_TOTAL"),
                        QString::number(instances->size()));
        }
        indices.append(int(plan.jobs.size()));
        index.names.insert(instance.name);
        const Status added = addInstance(plan, stage, job, instance);
        if (!added)
            return added;
    }
    return Status();
}

Status addStage(Plan &plan, int stageIndex, JobIndex &index)
{
    const Stage &spec = plan.pipeline->stages[stageIndex];
    PlannedStage stage;
    stage.index = stageIndex;
    stage.name = spec.name;
    stage.spec = &spec;

    const Result<QString> reason = planner::stageSkipReason(plan, stage);
    if (!reason)
        return reason.error();
    stage.skipped = !reason->isEmpty();
    stage.skipReason = *reason;

    for (const Job &job : spec.jobs) {
        const Status added = addJob(plan, stage, job, index);
        if (!added)
            return added;
    }
    plan.stages.append(std::move(stage));
    return Status();
}

void logDecisions(const Plan &plan)
{
    if (!plan.triggered)
        qCDebug(lcPlan) << "run not triggered:" << plan.notTriggeredReason;
    for (const PlannedStage &stage : plan.stages) {
        if (stage.skipped)
            qCDebug(lcPlan) << "skipping stage" << stage.name << "-" << stage.skipReason;
    }
}

} // namespace

Result<Plan> makePlan(std::shared_ptr<const Pipeline> pipeline, const RunContext &context,
                      const PlanOptions &options)
{
    if (!pipeline)
        return Error{QStringLiteral("there is no pipeline to plan")};

    Plan plan;
    plan.pipeline = std::move(pipeline);
    plan.context = context;

    // A run that `on:` rules out is still planned in full, so that `pwctl plan` can show it.
    const Result<QString> notTriggered = planner::notTriggeredReason(*plan.pipeline, context);
    if (!notTriggered)
        return notTriggered.error();
    plan.notTriggeredReason = *notTriggered;
    plan.triggered = plan.notTriggeredReason.isEmpty();

    // GitLab's workflow rules decide whether the run happens and add global variables; the
    // run plans the pipeline as they make it.
    if (plan.pipeline->format == Pipeline::Format::GitLab) {
        Result<gitlab::PreparedRun> prepared = gitlab::prepareRun(plan.pipeline, context);
        if (!prepared)
            return prepared.error();
        plan.pipeline = std::move(prepared->pipeline);
        if (plan.triggered && !prepared->notRunReason.isEmpty()) {
            plan.notTriggeredReason = prepared->notRunReason;
            plan.triggered = false;
        }
    }

    // Stages and their job instances, with the skips each decides for itself.
    JobIndex index;
    for (int s = 0; s < plan.pipeline->stages.size(); ++s) {
        const Status added = addStage(plan, s, index);
        if (!added)
            return added.error();
    }

    // Edges, then what they imply: skips passed down the needs, and the critical path.
    const Status resolved = planner::resolveNeeds(plan, index.instancesOf);
    if (!resolved)
        return resolved.error();
    const Result<QList<int>> order = planner::planOrder(plan);
    if (!order)
        return order.error();
    planner::cascadeSkips(plan, *order);
    planner::computePriorities(plan, *order, options);

    logDecisions(plan);
    return plan;
}

int Plan::findJob(const QString &name) const
{
    for (const PlannedJob &job : jobs) {
        if (job.name == name)
            return job.index;
    }
    return -1;
}

} // namespace pw
