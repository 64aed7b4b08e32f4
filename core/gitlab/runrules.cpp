#include "runrules.h"

#include "core/expr/expression.h"
#include "core/expr/globpattern.h"
#include "gitlablog.h"
#include "variables.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QRegularExpression>

namespace pw::gitlab {

namespace {

// `exists:` looks at no more files than this, so a huge tree cannot stall planning.
constexpr int maxFilesMatched = 20000;

QString whereOf(const SourceLocation &location)
{
    return location.isValid() ? location.toString() + QStringLiteral(": ") : QString();
}

// A written path of `changes:` or `exists:` as a pattern relative to the project.
QString projectPattern(const QString &written, const QHash<QString, QString> &values)
{
    QString pattern = expandText(written, values);
    static const QRegularExpression leading(QStringLiteral("^(\\./)*/*"));
    pattern.remove(leading);
    return pattern;
}

bool anyFileExists(const QStringList &patterns, const QHash<QString, QString> &values,
                   const QString &projectDirectory)
{
    const QDir root(projectDirectory);
    for (const QString &written : patterns) {
        const QString pattern = projectPattern(written, values);
        if (!pattern.contains(QLatin1Char('*')) && !pattern.contains(QLatin1Char('?'))) {
            if (QFileInfo::exists(root.absoluteFilePath(pattern)))
                return true;
            continue;
        }
        const Result<expr::GlobPattern> glob = expr::GlobPattern::compile(pattern);
        if (!glob)
            continue;
        QDirIterator it(projectDirectory, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        for (int scanned = 0; it.hasNext() && scanned < maxFilesMatched; ++scanned) {
            if (glob->matches(root.relativeFilePath(it.next())))
                return true;
        }
    }
    return false;
}

// GitLab's `changes`: whether a changed file matches a pattern. Without a set of changed
// files, or for tags and schedules, GitLab has no base to compare with and counts it true.
bool anyFileChanged(const QStringList &patterns, const QHash<QString, QString> &values,
                    const RunContext &context)
{
    const bool tagRun = context.event == QLatin1String("tag")
                        || (context.branch.isEmpty() && !context.tag.isEmpty());
    if (!context.changedFiles || tagRun || context.event == QLatin1String("schedule"))
        return true;

    for (const QString &written : patterns) {
        const QString pattern = projectPattern(written, values);
        const Result<expr::GlobPattern> glob = expr::GlobPattern::compile(pattern);
        for (const QString &file : *context.changedFiles) {
            if (glob ? glob->matches(file) : file == pattern)
                return true;
        }
    }
    return false;
}

Result<bool> ruleMatches(const Rule &rule, const QHash<QString, QString> &values,
                         const QString &projectDirectory, const QString &owner,
                         const RunContext &context)
{
    if (rule.condition) {
        if (!rule.condition->expression) {
            return Error{whereOf(rule.location)
                         + QStringLiteral("%1: the rule '%2' was not parsed")
                               .arg(owner, rule.condition->text)};
        }
        expr::EvalContext evaluation;
        evaluation.variables = values;
        const Result<bool> value = rule.condition->expression->evaluate(evaluation);
        if (!value) {
            return Error{whereOf(rule.condition->location)
                         + QStringLiteral("%1: cannot evaluate the rule '%2': %3")
                               .arg(owner, rule.condition->text, value.error().message)};
        }
        if (!*value)
            return false;
    }
    if (!rule.changes.isEmpty() && !anyFileChanged(rule.changes, values, context))
        return false;
    if (!rule.exists.isEmpty() && !anyFileExists(rule.exists, values, projectDirectory))
        return false;
    return true;
}

// The job's variables below the rules: predefined, global and its own, expanded.
Variables layered(const Pipeline &pipeline, const RunContext &context, const Job &job,
                  const QString &stage, const QString &instanceName, const Variables &ruleVariables,
                  const Variables &instanceVariables, const Variables &received)
{
    Variables variables = predefinedVariables(pipeline, context);
    addJobVariables(variables, instanceName, stage);
    for (const Variables *layer : {&pipeline.variables, &job.env, &ruleVariables,
                                   &instanceVariables, &received, &context.variables}) {
        for (const Variable &variable : *layer)
            setVariable(variables, variable.name, variable.value, variable.expand);
    }
    return expandVariables(variables);
}

} // namespace

Result<int> firstMatchingRule(const QList<Rule> &rules, const Variables &variables,
                              const QString &projectDirectory, const QString &owner,
                              const RunContext &context)
{
    const QHash<QString, QString> values = valuesByName(variables);
    for (int i = 0; i < rules.size(); ++i) {
        const Result<bool> matched =
            ruleMatches(rules[i], values, projectDirectory, owner, context);
        if (!matched)
            return matched.error();
        if (*matched)
            return i;
    }
    return -1;
}

Result<JobDecision> decideJob(const Pipeline &pipeline, const RunContext &context, const Job &job,
                              const QString &stage, const QString &instanceName,
                              const Variables &instanceVariables, const Variables &received)
{
    JobDecision decision;
    decision.when = job.when;
    decision.allowFailure = job.allowFailure;
    decision.variables =
        layered(pipeline, context, job, stage, instanceName, {}, instanceVariables, {});

    if (!job.rules.isEmpty()) {
        const QString owner = QStringLiteral("job '%1'").arg(instanceName);
        const Result<int> index =
            firstMatchingRule(job.rules, decision.variables, pipeline.directory, owner, context);
        if (!index)
            return index.error();
        if (*index < 0) {
            decision.when = When::Never;
            decision.skipReason = QStringLiteral("no rule matched");
            return decision;
        }
        const Rule &rule = job.rules[*index];
        if (rule.when)
            decision.when = *rule.when;
        // A rule that makes a job manual makes it block unless it says otherwise.
        const bool madeManual = rule.when == When::Manual && job.when != When::Manual;
        decision.allowFailure = rule.allowFailure.value_or(madeManual ? false : job.allowFailure);
        if (!rule.variables.isEmpty() || !received.isEmpty()) {
            decision.variables = layered(pipeline, context, job, stage, instanceName,
                                         rule.variables, instanceVariables, received);
        }
        if (decision.when == When::Never)
            decision.skipReason = QStringLiteral("rules: when: never");
    } else if (!received.isEmpty()) {
        decision.variables =
            layered(pipeline, context, job, stage, instanceName, {}, instanceVariables, received);
    }
    if (decision.when == When::Manual)
        decision.skipReason = QStringLiteral("manual job, not started");
    return decision;
}

Result<PreparedRun> prepareRun(std::shared_ptr<const Pipeline> pipeline, const RunContext &context)
{
    auto prepared = std::make_shared<Pipeline>(*pipeline);
    PreparedRun run;

    if (!pipeline->workflowRules.isEmpty()) {
        Variables variables = predefinedVariables(*pipeline, context);
        variables = expandVariables(
            mergedVariables(mergedVariables(variables, pipeline->variables), context.variables));
        const Result<int> index = firstMatchingRule(pipeline->workflowRules, variables,
                                                    pipeline->directory, "workflow", context);
        if (!index)
            return index.error();
        const Rule *rule = *index >= 0 ? &pipeline->workflowRules[*index] : nullptr;
        if (!rule)
            run.notRunReason = QStringLiteral("no workflow rule matched");
        else if (rule->when == When::Never)
            run.notRunReason = QStringLiteral("workflow rules: when: never");
        else
            prepared->variables = mergedVariables(prepared->variables, rule->variables);
    }

    for (Stage &stage : prepared->stages) {
        for (Job &job : stage.jobs) {
            const bool ruleNeeds = std::any_of(job.rules.begin(), job.rules.end(),
                                               [](const Rule &rule) { return rule.needs; });
            if (!ruleNeeds)
                continue;
            const Variables variables =
                layered(*prepared, context, job, stage.name, job.name, {}, {}, {});
            const Result<int> index =
                firstMatchingRule(job.rules, variables, prepared->directory,
                                  QStringLiteral("job '%1'").arg(job.name), context);
            if (!index)
                return index.error();
            if (*index >= 0 && job.rules[*index].needs) {
                job.needs = *job.rules[*index].needs;
                job.needsGiven = true;
            }
        }
    }
    run.pipeline = std::move(prepared);
    return run;
}

} // namespace pw::gitlab
