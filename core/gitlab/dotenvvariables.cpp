#include "dotenvvariables.h"

#include "gitlablog.h"
#include "runrules.h"

namespace pw::gitlab {

namespace {

bool isPipewrightOwn(const QString &name)
{
    return name.startsWith(QLatin1String("PIPEWRIGHT_"));
}

// The planned variables with `dotenv` set where neither the run nor Pipewright sets a name.
Variables overlaid(const Plan &plan, const PlannedJob &planned, const Variables &dotenv)
{
    Variables variables = planned.variables;
    for (const Variable &variable : dotenv) {
        if (isPipewrightOwn(variable.name)
            || !variableValue(plan.context.variables, variable.name).isNull())
            continue;
        setVariable(variables, variable.name, variable.value, false);
    }
    return variables;
}

// What the planner gave the instance on top of the job: its matrix values and numbering.
Variables instanceVariables(const PlannedJob &planned)
{
    Variables variables;
    for (const auto &[name, value] : planned.matrixValues)
        setVariable(variables, name, value);
    for (const char *name : {"CI_NODE_INDEX", "CI_NODE_TOTAL"}) {
        const QString value = variableValue(planned.variables, QString::fromLatin1(name));
        if (!value.isNull())
            setVariable(variables, QString::fromLatin1(name), value, false);
    }
    return variables;
}

} // namespace

Variables variablesWithDotenv(const Plan &plan, int job, const Variables &dotenv)
{
    const PlannedJob &planned = plan.jobs[job];
    if (plan.pipeline->format != Pipeline::Format::GitLab || dotenv.isEmpty())
        return overlaid(plan, planned, dotenv);

    const Result<JobDecision> decision =
        decideJob(*plan.pipeline, plan.context, *planned.spec, plan.stages[planned.stage].name,
                  planned.name, instanceVariables(planned), dotenv);
    if (!decision) {
        // The same rules were evaluated when the run was planned; this cannot fail unless
        // the plan was changed since.
        qCWarning(lcGitLab).noquote() << decision.error().message;
        return overlaid(plan, planned, dotenv);
    }

    // Pipewright's own values come last, as the planner sets them.
    Variables variables = decision->variables;
    for (const Variable &variable : planned.variables) {
        if (isPipewrightOwn(variable.name))
            setVariable(variables, variable.name, variable.value, false);
    }
    return variables;
}

} // namespace pw::gitlab
