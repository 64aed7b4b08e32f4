#include "modeldigest.h"

#include "core/util/duration.h"

namespace pw::edit {

namespace {

QString list(const QStringList &texts)
{
    return QStringLiteral("[") + texts.join(QStringLiteral("|")) + QStringLiteral("]");
}

QString variables(const Variables &variables)
{
    QStringList parts;
    for (const Variable &variable : variables)
        parts.append(variable.name + QLatin1Char('=') + variable.value);
    return list(parts);
}

QString duration(const std::optional<Milliseconds> &value)
{
    return value ? QString::number(value->count()) : QStringLiteral("-");
}

QString condition(const std::optional<Condition> &value)
{
    return value ? value->text : QStringLiteral("-");
}

QString needs(const QList<JobNeed> &needs, const QHash<QString, QString> &renamed)
{
    QStringList parts;
    for (const JobNeed &need : needs) {
        QStringList matrix;
        for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
            matrix.append(it.key() + QLatin1Char('=') + it.value());
        parts.append(QStringLiteral("%1 artifacts=%2 %3")
                         .arg(renamed.value(need.job, need.job))
                         .arg(need.artifacts)
                         .arg(list(matrix)));
    }
    return list(parts);
}

QString matrix(const Matrix &matrix)
{
    QStringList groups;
    for (const MatrixGroup &group : matrix) {
        QStringList dimensions;
        for (const MatrixDimension &dimension : group)
            dimensions.append(dimension.name + QLatin1Char('=') + list(dimension.values));
        groups.append(list(dimensions));
    }
    return list(groups);
}

QString caches(const QList<CacheSpec> &caches)
{
    QStringList parts;
    for (const CacheSpec &cache : caches) {
        parts.append(QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8")
                         .arg(cache.key)
                         .arg(cache.keyGiven)
                         .arg(list(cache.files), list(cache.paths))
                         .arg(int(cache.policy))
                         .arg(list(cache.fallbackKeys))
                         .arg(cache.skipOnHit)
                         .arg(keyword(cache.when)));
    }
    return list(parts);
}

QString artifacts(const std::optional<ArtifactSpec> &artifacts)
{
    if (!artifacts)
        return QStringLiteral("-");
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(list(artifacts->paths), list(artifacts->exclude), duration(artifacts->expireIn),
             keyword(artifacts->when), list(artifacts->dotenvReports));
}

QString gate(const std::optional<GateSpec> &gate)
{
    if (!gate)
        return QStringLiteral("-");
    return QStringLiteral("%1 %2 %3 %4 %5")
        .arg(list(gate->approvers))
        .arg(gate->required)
        .arg(duration(gate->timeout))
        .arg(int(gate->onTimeout))
        .arg(gate->allowSelfApproval);
}

} // namespace

QString describeJob(const Job &job, const QHash<QString, QString> &renamed)
{
    const QStringList parts = {
        renamed.value(job.name, job.name),
        list(job.commands),
        list(job.beforeCommands),
        list(job.afterCommands),
        job.shell,
        variables(job.env),
        list(job.secrets),
        duration(job.timeout),
        QString::number(job.retry),
        QString::number(job.allowFailure),
        keyword(job.when),
        condition(job.condition),
        needs(job.needs, renamed),
        QString::number(job.needsGiven),
        matrix(job.matrix),
        caches(job.caches),
        artifacts(job.artifacts),
        job.resource,
        QString::number(job.isolated),
    };
    return parts.join(QStringLiteral("\n"));
}

QString describeStage(const Stage &stage)
{
    return QStringList{stage.name, condition(stage.condition), gate(stage.gate), stage.resource}
        .join(QStringLiteral("\n"));
}

QString describeTopLevel(const Pipeline &pipeline)
{
    return QStringList{pipeline.name, list(pipeline.on.branches), list(pipeline.on.events),
                       QString::number(pipeline.on.given), variables(pipeline.variables)}
        .join(QStringLiteral("\n"));
}

} // namespace pw::edit
