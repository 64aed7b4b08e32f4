#include "runreport.h"

#include <QJsonArray>

namespace pw {

namespace {

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject jobToJson(const JobRecord &job)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), job.name);
    object.insert(QStringLiteral("status"), keyword(job.status));
    object.insert(QStringLiteral("reason"), textOrNull(job.reason));
    object.insert(QStringLiteral("exitCode"),
                  job.exitCode ? QJsonValue(*job.exitCode) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("attempts"), job.attempts);
    object.insert(QStringLiteral("maxAttempts"), job.maxAttempts);
    object.insert(QStringLiteral("startedAt"), timeToJson(job.startedAt));
    object.insert(QStringLiteral("finishedAt"), timeToJson(job.finishedAt));
    object.insert(QStringLiteral("durationMs"), job.durationMs());
    object.insert(QStringLiteral("cacheHit"), job.cacheHit);
    object.insert(QStringLiteral("allowFailure"), job.allowFailure);
    object.insert(QStringLiteral("needs"), QJsonArray::fromStringList(job.needs));

    QJsonArray artifacts;
    for (const ArtifactRecord &artifact : job.artifacts) {
        artifacts.append(QJsonObject{{QStringLiteral("path"), artifact.path},
                                     {QStringLiteral("size"), artifact.size}});
    }
    object.insert(QStringLiteral("artifacts"), artifacts);
    if (job.cache) {
        const QJsonObject cache{
            {QStringLiteral("key"), job.cache->key},
            {QStringLiteral("hit"), job.cache->hit},
            {QStringLiteral("restoredFrom"), textOrNull(job.cache->restoredFrom)}};
        object.insert(QStringLiteral("cache"), cache);
    } else {
        object.insert(QStringLiteral("cache"), QJsonValue(QJsonValue::Null));
    }
    return object;
}

QJsonObject gateToJson(const GateRecord &gate)
{
    QJsonArray decisions;
    for (const GateDecision &decision : gate.decisions) {
        decisions.append(
            QJsonObject{{QStringLiteral("by"), decision.by},
                        {QStringLiteral("at"), timeToJson(decision.at)},
                        {QStringLiteral("decision"),
                         decision.approve ? QStringLiteral("approve") : QStringLiteral("reject")},
                        {QStringLiteral("comment"), textOrNull(decision.comment)}});
    }
    return {{QStringLiteral("status"), keyword(gate.status)},
            {QStringLiteral("approvers"), QJsonArray::fromStringList(gate.approvers)},
            {QStringLiteral("required"), gate.required},
            {QStringLiteral("openedAt"), timeToJson(gate.openedAt)},
            {QStringLiteral("deadline"), timeToJson(gate.deadline)},
            {QStringLiteral("onTimeout"),
             gate.onTimeoutApprove ? QStringLiteral("approve") : QStringLiteral("reject")},
            {QStringLiteral("decisions"), decisions}};
}

} // namespace

QJsonValue timeToJson(const QDateTime &time)
{
    if (!time.isValid())
        return QJsonValue(QJsonValue::Null);
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject runToJson(const RunRecord &run)
{
    QJsonArray stages;
    for (const StageRecord &stage : run.stages) {
        QJsonArray jobs;
        for (const JobRecord &job : run.jobs) {
            if (job.stage == stage.index)
                jobs.append(jobToJson(job));
        }
        QJsonObject object;
        object.insert(QStringLiteral("name"), stage.name);
        object.insert(QStringLiteral("status"), keyword(stage.status));
        object.insert(QStringLiteral("reason"), textOrNull(stage.reason));
        object.insert(QStringLiteral("gate"),
                      stage.gate ? QJsonValue(gateToJson(*stage.gate)) : QJsonValue());
        object.insert(QStringLiteral("jobs"), jobs);
        stages.append(object);
    }

    QJsonObject object;
    object.insert(QStringLiteral("id"), run.id);
    object.insert(QStringLiteral("pipeline"), run.pipeline);
    object.insert(QStringLiteral("status"), keyword(run.status));
    object.insert(QStringLiteral("reason"), textOrNull(run.reason));
    object.insert(QStringLiteral("branch"), run.branch);
    object.insert(QStringLiteral("commit"), run.commit);
    object.insert(QStringLiteral("event"), run.event);
    object.insert(QStringLiteral("triggeredBy"), run.triggeredBy);
    object.insert(QStringLiteral("retryOf"),
                  run.retryOf > 0 ? QJsonValue(run.retryOf) : QJsonValue());
    object.insert(QStringLiteral("startedAt"), timeToJson(run.startedAt));
    object.insert(QStringLiteral("finishedAt"), timeToJson(run.finishedAt));
    object.insert(QStringLiteral("durationMs"), run.durationMs());
    object.insert(QStringLiteral("stages"), stages);
    return object;
}

} // namespace pw
