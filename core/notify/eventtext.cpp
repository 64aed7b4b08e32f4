#include "eventtext.h"

#include "pipelineevent.h"

#include <QDateTime>
#include <QJsonArray>

namespace pw {

namespace {

QString text(const QJsonObject &event, const char *field)
{
    return event.value(QLatin1String(field)).toString();
}

qint64 number(const QJsonObject &event, const char *field)
{
    return qint64(event.value(QLatin1String(field)).toDouble());
}

QDateTime localTime(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODateWithMs).toLocalTime();
}

// "18:00" today, "2026-12-04 18:00" on another day than the event's.
QString deadlineText(const QString &deadline, const QDateTime &at)
{
    const QDateTime local = localTime(deadline);
    if (local.date() == at.date())
        return local.toString(QStringLiteral("HH:mm"));
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString gateWaiting(const QJsonObject &event, const QDateTime &at)
{
    QStringList approvers;
    for (const QJsonValue &name : event.value(QLatin1String("approvers")).toArray())
        approvers.append(name.toString());
    QString line = QStringLiteral("stage %1 waits for approval").arg(text(event, "stage"));
    if (!approvers.isEmpty())
        line += QStringLiteral(" by ") + approvers.join(QStringLiteral(", "));

    QString needed = approvers.isEmpty()
                         ? QStringLiteral("%1 needed").arg(number(event, "required"))
                         : QStringLiteral("%1 of %2 needed")
                               .arg(number(event, "required"))
                               .arg(approvers.size());
    if (event.value(QLatin1String("deadline")).isString())
        needed += QStringLiteral(", until ") + deadlineText(text(event, "deadline"), at);
    return line + QStringLiteral(" (") + needed + u')';
}

QString gateDecision(const QJsonObject &event)
{
    const bool approve = text(event, "decision") == QLatin1String("approve");
    QString line = QStringLiteral("%1 %2 stage %3")
                       .arg(text(event, "by"),
                            approve ? QStringLiteral("approved") : QStringLiteral("rejected"),
                            text(event, "stage"));
    if (!text(event, "comment").isEmpty())
        line += QStringLiteral(": ") + text(event, "comment");
    return line;
}

QString gateClosed(const QJsonObject &event)
{
    QString line = QStringLiteral("the gate of stage %1 closed: %2")
                       .arg(text(event, "stage"), text(event, "outcome"));
    if (!text(event, "reason").isEmpty())
        line += QStringLiteral(" (") + text(event, "reason") + u')';
    return line;
}

QString runFinished(const QJsonObject &event)
{
    QString line = QStringLiteral("finished: %1 after %2")
                       .arg(text(event, "status"), describeDuration(number(event, "durationMs")));
    if (!text(event, "branch").isEmpty())
        line += QStringLiteral(" on ") + text(event, "branch");
    if (!text(event, "commit").isEmpty())
        line += QStringLiteral(" at ") + text(event, "commit").left(8);
    if (!text(event, "reason").isEmpty())
        line += QStringLiteral(": ") + text(event, "reason");
    return line;
}

QString body(const QJsonObject &event, const QDateTime &at)
{
    const QString type = text(event, "type");
    if (type == QLatin1String(eventtype::gateWaiting))
        return gateWaiting(event, at);
    if (type == QLatin1String(eventtype::gateDecision))
        return gateDecision(event);
    if (type == QLatin1String(eventtype::gateClosed))
        return gateClosed(event);
    if (type == QLatin1String(eventtype::runFinished))
        return runFinished(event);
    if (type == QLatin1String(eventtype::resourceReleased))
        return QStringLiteral("released the resource %1").arg(text(event, "resource"));
    return QStringLiteral("%1 (an event this version does not describe)").arg(type);
}

} // namespace

QString describeDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 3600)
        return QStringLiteral("%1m %2s")
            .arg(seconds / 60)
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

QString describeEvent(const QJsonObject &event)
{
    const QDateTime at = localTime(text(event, "at"));
    return QStringLiteral("%1  run %2 %3: %4")
        .arg(at.toString(QStringLiteral("HH:mm:ss")))
        .arg(number(event, "run"))
        .arg(text(event, "pipeline"), body(event, at));
}

} // namespace pw
