#include "pipelineevent.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace pw {

namespace {

// What a field of an event must hold.
enum class Kind { Text, Count, Names, Time, TimeOrNull };

struct Field
{
    const char *name;
    Kind kind;
    QStringList choices = {}; // for Text: the only words allowed, when not empty
};

const QList<Field> &commonFields()
{
    static const QList<Field> fields = {{"type", Kind::Text},
                                        {"at", Kind::Time},
                                        {"store", Kind::Text},
                                        {"run", Kind::Count},
                                        {"pipeline", Kind::Text}};
    return fields;
}

// The fields of each type beyond the common ones; empty for a type this version does not know.
QList<Field> typeFields(const QString &type)
{
    const QList<Field> stage = {{"stage", Kind::Text}, {"stageIndex", Kind::Count}};
    if (type == QLatin1String(eventtype::gateWaiting)) {
        return stage
               + QList<Field>{{"approvers", Kind::Names},
                              {"required", Kind::Count},
                              {"deadline", Kind::TimeOrNull},
                              {"startedBy", Kind::Text}};
    }
    if (type == QLatin1String(eventtype::gateDecision)) {
        return stage
               + QList<Field>{{"by", Kind::Text},
                              {"decision", Kind::Text, {"approve", "reject"}},
                              {"comment", Kind::Text}};
    }
    if (type == QLatin1String(eventtype::gateClosed)) {
        return stage
               + QList<Field>{
                   {"outcome", Kind::Text, {"approved", "rejected", "expired", "cancelled"}},
                   {"reason", Kind::Text}};
    }
    if (type == QLatin1String(eventtype::runFinished)) {
        return {
            {"status", Kind::Text, {"success", "failed", "cancelled", "rejected", "interrupted"}},
            {"reason", Kind::Text},
            {"branch", Kind::Text},
            {"commit", Kind::Text},
            {"durationMs", Kind::Count}};
    }
    if (type == QLatin1String(eventtype::resourceReleased))
        return {{"resource", Kind::Text}};
    return {};
}

QString jsonKind(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("missing");
    }
}

bool isCount(const QJsonValue &value)
{
    const double number = value.toDouble(-1);
    return value.isDouble() && number >= 0 && number <= 9007199254740992.0
           && std::floor(number) == number;
}

bool isTime(const QJsonValue &value)
{
    return value.isString() && QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid();
}

bool isNames(const QJsonValue &value)
{
    if (!value.isArray())
        return false;
    const QJsonArray names = value.toArray();
    return std::all_of(names.begin(), names.end(),
                       [](const QJsonValue &name) { return name.isString(); });
}

QString expectedKind(Kind kind)
{
    switch (kind) {
    case Kind::Text:
        return QStringLiteral("a string");
    case Kind::Count:
        return QStringLiteral("a whole number of at least 0");
    case Kind::Names:
        return QStringLiteral("an array of strings");
    case Kind::Time:
        return QStringLiteral("a time such as 2026-12-03T14:00:00.123Z");
    case Kind::TimeOrNull:
        break;
    }
    return QStringLiteral("a time such as 2026-12-03T14:00:00.123Z, or null");
}

// What is wrong with `value` as a `field`, or an empty string when nothing is.
QString fieldProblem(const Field &field, const QJsonValue &value)
{
    bool ok = false;
    switch (field.kind) {
    case Kind::Text:
        ok = value.isString();
        break;
    case Kind::Count:
        ok = isCount(value);
        break;
    case Kind::Names:
        ok = isNames(value);
        break;
    case Kind::Time:
        ok = isTime(value);
        break;
    case Kind::TimeOrNull:
        ok = value.isNull() || isTime(value);
        break;
    }
    if (!ok) {
        return QStringLiteral("'%1' must be %2, not %3")
            .arg(QLatin1String(field.name), expectedKind(field.kind), jsonKind(value));
    }
    if (!field.choices.isEmpty() && !field.choices.contains(value.toString())) {
        return QStringLiteral("'%1' must be one of %2, not '%3'")
            .arg(QLatin1String(field.name), field.choices.join(QStringLiteral(", ")),
                 value.toString());
    }
    return {};
}

QString checkFields(const QJsonObject &event, const QList<Field> &fields)
{
    for (const Field &field : fields) {
        const QJsonValue value = event.value(QLatin1String(field.name));
        if (value.isUndefined())
            return QStringLiteral("the field '%1' is missing").arg(QLatin1String(field.name));
        const QString problem = fieldProblem(field, value);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

QJsonObject stageEvent(const char *type, const QString &store, const RunRecord &run, int stage,
                       const QDateTime &at)
{
    QJsonObject event = eventBase(QLatin1String(type), store, run.id, run.pipeline, at);
    event.insert(QLatin1String("stage"), run.stages.value(stage).name);
    event.insert(QLatin1String("stageIndex"), stage);
    return event;
}

// Why a gate closed, in words, when the stage does not say.
QString closingReason(const StageRecord &stage)
{
    if (!stage.reason.isEmpty())
        return stage.reason;
    QStringList approvers;
    for (const GateDecision &decision : stage.gate->decisions) {
        if (!decision.approve) {
            return decision.comment.isEmpty()
                       ? QStringLiteral("rejected by %1").arg(decision.by)
                       : QStringLiteral("rejected by %1: %2").arg(decision.by, decision.comment);
        }
        approvers.append(decision.by);
    }
    switch (stage.gate->status) {
    case GateStatus::Approved:
        return QStringLiteral("approved by %1").arg(approvers.join(QStringLiteral(", ")));
    case GateStatus::Expired:
        return QStringLiteral("the deadline passed");
    case GateStatus::Cancelled:
        return QStringLiteral("the run ended while the gate waited");
    default:
        return {};
    }
}

} // namespace

QString eventTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject eventBase(const QString &type, const QString &store, qint64 run,
                      const QString &pipeline, const QDateTime &at)
{
    return QJsonObject{{QLatin1String("schema"), eventSchema},
                       {QLatin1String("type"), type},
                       {QLatin1String("at"), eventTime(at)},
                       {QLatin1String("store"), store},
                       {QLatin1String("run"), run},
                       {QLatin1String("pipeline"), pipeline}};
}

QJsonObject gateWaitingEvent(const QString &store, const RunRecord &run, int stage,
                             const QDateTime &at)
{
    QJsonObject event = stageEvent(eventtype::gateWaiting, store, run, stage, at);
    const GateRecord gate = run.stages.value(stage).gate.value_or(GateRecord());
    event.insert(QLatin1String("approvers"), QJsonArray::fromStringList(gate.approvers));
    event.insert(QLatin1String("required"), gate.required);
    event.insert(QLatin1String("deadline"),
                 gate.deadline.isValid() ? QJsonValue(eventTime(gate.deadline)) : QJsonValue());
    event.insert(QLatin1String("startedBy"), gate.startedBy);
    return event;
}

QJsonObject gateDecisionEvent(const QString &store, const RunRecord &run, int stage,
                              const GateDecision &decision, const QDateTime &at)
{
    QJsonObject event = stageEvent(eventtype::gateDecision, store, run, stage, at);
    event.insert(QLatin1String("by"), decision.by);
    event.insert(QLatin1String("decision"),
                 decision.approve ? QLatin1String("approve") : QLatin1String("reject"));
    event.insert(QLatin1String("comment"), decision.comment);
    return event;
}

QJsonObject gateClosedEvent(const QString &store, const RunRecord &run, int stage,
                            const QDateTime &at)
{
    QJsonObject event = stageEvent(eventtype::gateClosed, store, run, stage, at);
    StageRecord record = run.stages.value(stage);
    if (!record.gate) {
        record.gate = GateRecord();
        record.gate->status = GateStatus::Cancelled;
    }
    event.insert(QLatin1String("outcome"), keyword(record.gate->status));
    event.insert(QLatin1String("reason"), closingReason(record));
    return event;
}

QJsonObject runFinishedEvent(const QString &store, const RunRecord &run, const QDateTime &at)
{
    QJsonObject event =
        eventBase(QLatin1String(eventtype::runFinished), store, run.id, run.pipeline, at);
    event.insert(QLatin1String("status"), keyword(run.status));
    event.insert(QLatin1String("reason"), run.reason);
    event.insert(QLatin1String("branch"), run.branch);
    event.insert(QLatin1String("commit"), run.commit);
    event.insert(QLatin1String("durationMs"), qMax<qint64>(0, run.durationMs()));
    return event;
}

QJsonObject resourceReleasedEvent(const QString &store, const RunRecord &run,
                                  const QString &resource, const QDateTime &at)
{
    QJsonObject event =
        eventBase(QLatin1String(eventtype::resourceReleased), store, run.id, run.pipeline, at);
    event.insert(QLatin1String("resource"), resource);
    return event;
}

Result<QJsonObject> parseEvent(const QByteArray &text)
{
    using EventResult = Result<QJsonObject>;
    if (text.size() > maxEventBytes) {
        return EventResult::failure(QStringLiteral("the event has %1 bytes, more than the %2 "
                                                   "allowed")
                                        .arg(text.size())
                                        .arg(maxEventBytes));
    }
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError) {
        return EventResult::failure(
            QStringLiteral("not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset));
    }
    if (!document.isObject())
        return EventResult::failure(QStringLiteral("not a JSON object"));

    // The schema first: a newer one may have changed anything else.
    const QJsonObject event = document.object();
    const QJsonValue schema = event.value(QLatin1String("schema"));
    if (schema.isUndefined())
        return EventResult::failure(QStringLiteral("the field 'schema' is missing"));
    if (!isCount(schema) || schema.toInt() != eventSchema) {
        return EventResult::failure(
            QStringLiteral("schema %1 is not known; this version reads schema %2")
                .arg(QString::fromUtf8(
                         QJsonDocument(QJsonArray{schema}).toJson(QJsonDocument::Compact))
                         .mid(1)
                         .chopped(1))
                .arg(eventSchema));
    }

    QString problem = checkFields(event, commonFields());
    if (problem.isEmpty())
        problem = checkFields(event, typeFields(event.value(QLatin1String("type")).toString()));
    if (!problem.isEmpty()) {
        const QString type = event.value(QLatin1String("type")).toString();
        return EventResult::failure(
            type.isEmpty() ? problem : QStringLiteral("%1 event: %2").arg(type, problem));
    }
    return event;
}

} // namespace pw
