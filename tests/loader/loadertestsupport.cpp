#include "loadertestsupport.h"

namespace pw::test {

namespace {

QString joined(const QStringList &values)
{
    return values.join(QLatin1Char('|'));
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString describeVariables(const Variables &variables)
{
    if (variables.isEmpty())
        return QStringLiteral("none");
    QStringList parts;
    for (const Variable &variable : variables)
        parts.append(variable.name + QLatin1Char('=') + variable.value);
    return parts.join(QStringLiteral(", "));
}

QString describeOptionalDuration(const std::optional<Milliseconds> &duration)
{
    return duration ? compactDuration(*duration) : QStringLiteral("none");
}

QString describeNeeds(const Job &job)
{
    if (!job.needsGiven)
        return QStringLiteral("not given");
    QStringList parts;
    for (const JobNeed &need : job.needs) {
        QString part = need.job;
        QStringList selection;
        for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
            selection.append(it.key() + QLatin1Char('=') + it.value());
        if (!selection.isEmpty())
            part += QLatin1Char('{') + selection.join(QLatin1Char(',')) + QLatin1Char('}');
        if (!need.artifacts)
            part += QStringLiteral(" without artifacts");
        parts.append(part);
    }
    return QStringLiteral("[") + parts.join(QStringLiteral(", ")) + QStringLiteral("]");
}

QString describeMatrix(const Matrix &matrix)
{
    if (matrix.isEmpty())
        return QStringLiteral("none");
    QStringList groups;
    for (const MatrixGroup &group : matrix) {
        QStringList dimensions;
        for (const MatrixDimension &dimension : group)
            dimensions.append(dimension.name + QLatin1Char('=') + joined(dimension.values));
        groups.append(dimensions.join(QStringLiteral("; ")));
    }
    return groups.join(QStringLiteral(" + "));
}

QString describePolicy(CacheSpec::Policy policy)
{
    switch (policy) {
    case CacheSpec::Policy::Pull:
        return QStringLiteral("pull");
    case CacheSpec::Policy::Push:
        return QStringLiteral("push");
    case CacheSpec::Policy::PullPush:
        break;
    }
    return QStringLiteral("pull-push");
}

QString describeCache(const CacheSpec &cache)
{
    return QStringLiteral("key=%1 files=%2 paths=%3 policy=%4 fallback_keys=%5 skip_on_hit=%6 "
                          "when=%7")
        .arg(cache.keyGiven ? cache.key : QStringLiteral("(derived)"), joined(cache.files),
             joined(cache.paths), describePolicy(cache.policy), joined(cache.fallbackKeys),
             yesNo(cache.skipOnHit), pw::keyword(cache.when));
}

QString describeArtifacts(const std::optional<ArtifactSpec> &artifacts)
{
    if (!artifacts)
        return QStringLiteral("none");
    return QStringLiteral("paths=%1 exclude=%2 expire_in=%3 when=%4")
        .arg(joined(artifacts->paths), joined(artifacts->exclude),
             artifacts->expireIn ? compactDuration(*artifacts->expireIn) : QStringLiteral("never"),
             pw::keyword(artifacts->when));
}

QString describeGate(const std::optional<GateSpec> &gate)
{
    if (!gate)
        return QStringLiteral("none");
    return QStringLiteral("approvers=%1 required=%2 timeout=%3 on_timeout=%4 "
                          "allow_self_approval=%5")
        .arg(joined(gate->approvers))
        .arg(gate->required)
        .arg(describeOptionalDuration(gate->timeout),
             gate->onTimeout == GateSpec::OnTimeout::Reject ? QStringLiteral("reject")
                                                            : QStringLiteral("approve"),
             yesNo(gate->allowSelfApproval));
}

QString describeCondition(const std::optional<Condition> &condition)
{
    return condition ? condition->text : QStringLiteral("none");
}

void describeJob(const Job &job, QStringList &lines)
{
    const QString prefix = QStringLiteral("job %1 ").arg(job.name);
    lines << prefix + QStringLiteral("commands: ") + job.commands.join(QStringLiteral(" | "))
          << prefix + QStringLiteral("shell: ") + job.shell
          << prefix + QStringLiteral("env: ") + describeVariables(job.env)
          << prefix + QStringLiteral("secrets: ") + joined(job.secrets)
          << prefix + QStringLiteral("timeout: ") + describeOptionalDuration(job.timeout)
          << prefix + QStringLiteral("retry: ") + QString::number(job.retry)
          << prefix + QStringLiteral("allow_failure: ") + yesNo(job.allowFailure)
          << prefix + QStringLiteral("when: ") + pw::keyword(job.when)
          << prefix + QStringLiteral("if: ") + describeCondition(job.condition)
          << prefix + QStringLiteral("needs: ") + describeNeeds(job)
          << prefix + QStringLiteral("matrix: ") + describeMatrix(job.matrix)
          << prefix + QStringLiteral("caches: ") + QString::number(job.caches.size());
    for (const CacheSpec &cache : job.caches)
        lines << prefix + QStringLiteral("cache: ") + describeCache(cache);
    lines << prefix + QStringLiteral("artifacts: ") + describeArtifacts(job.artifacts)
          << prefix + QStringLiteral("resource: ") + job.resource
          << prefix + QStringLiteral("isolated: ") + yesNo(job.isolated);
}

void describeStage(const Stage &stage, QStringList &lines)
{
    QStringList jobs;
    for (const Job &job : stage.jobs)
        jobs.append(job.name);

    const QString prefix = QStringLiteral("stage %1 ").arg(stage.name);
    lines << prefix + QStringLiteral("jobs: ") + joined(jobs)
          << prefix + QStringLiteral("if: ") + describeCondition(stage.condition)
          << prefix + QStringLiteral("gate: ") + describeGate(stage.gate)
          << prefix + QStringLiteral("resource: ") + stage.resource;
    for (const Job &job : stage.jobs)
        describeJob(job, lines);
}

} // namespace

LoadResult loadYaml(const QByteArray &yaml)
{
    return loadPipelineText(yaml, QStringLiteral("pipeline.yml"), QStringLiteral("/work/project"));
}

QString compactDuration(Milliseconds duration)
{
    static const QList<std::pair<qint64, const char *>> units = {
        {24 * 3600 * 1000, "d"}, {3600 * 1000, "h"}, {60 * 1000, "m"}, {1000, "s"}, {1, "ms"}};
    qint64 rest = duration.count();
    QString text;
    for (const auto &[size, unit] : units) {
        if (rest >= size) {
            text += QString::number(rest / size) + QLatin1String(unit);
            rest %= size;
        }
    }
    return text.isEmpty() ? QStringLiteral("0s") : text;
}

QStringList describePipeline(const Pipeline &pipeline)
{
    QStringList lines;
    lines << QStringLiteral("name: ") + pipeline.name;
    lines << QStringLiteral("on: ")
                 + (pipeline.on.given
                        ? QStringLiteral("branches=%1 events=%2")
                              .arg(joined(pipeline.on.branches), joined(pipeline.on.events))
                        : QStringLiteral("not given"));
    lines << QStringLiteral("variables: ") + describeVariables(pipeline.variables);
    for (const Stage &stage : pipeline.stages)
        describeStage(stage, lines);
    return lines;
}

QStringList describeDiagnostics(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        const bool warning = diagnostic.severity == Diagnostic::Severity::Warning;
        lines.append(
            QStringLiteral("%1:%2: %3%4")
                .arg(diagnostic.location.line)
                .arg(diagnostic.location.column)
                .arg(warning ? QStringLiteral("warning: ") : QString(), diagnostic.message));
    }
    return lines;
}

bool diagnosticsMatch(const Diagnostics &diagnostics, const QStringList &expected,
                      QString *explanation)
{
    const QStringList actual = describeDiagnostics(diagnostics);
    const QString all = QStringLiteral("\n  expected:\n    ") + expected.join("\n    ")
                        + QStringLiteral("\n  actual:\n    ") + actual.join("\n    ");
    if (actual.size() != expected.size()) {
        *explanation =
            QStringLiteral("%1 diagnostics instead of %2").arg(actual.size()).arg(expected.size())
            + all;
        return false;
    }
    for (qsizetype i = 0; i < actual.size(); ++i) {
        // "3:5: fragment": the place must be equal, the message must contain the fragment.
        const qsizetype split = expected[i].indexOf(QStringLiteral(": ")) + 2;
        const QString place = expected[i].left(split);
        QString fragment = expected[i].mid(split);
        const bool wantWarning = fragment.startsWith(QStringLiteral("warning: "));
        const QString actualRest = actual[i].mid(split);
        if (!actual[i].startsWith(place) || !actualRest.contains(fragment)
            || actualRest.startsWith(QStringLiteral("warning: ")) != wantWarning) {
            *explanation = QStringLiteral("diagnostic %1 differs").arg(i + 1) + all;
            return false;
        }
    }
    return true;
}

} // namespace pw::test
