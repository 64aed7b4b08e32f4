#include "commandline.h"
#include "commands.h"
#include "core/notify/eventpublisher.h"
#include "core/store/gaterules.h"
#include "core/store/runstore.h"
#include "core/store/storelocation.h"
#include "output.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace pw::cli {

namespace {

// The stage of `run` that `text` names, by name or by position from 1; -1 after saying why.
int findStage(const RunRecord &run, const QString &text)
{
    for (const StageRecord &stage : run.stages) {
        if (stage.name == text)
            return stage.index;
    }
    bool number = false;
    const int position = text.toInt(&number);
    if (number && position >= 1 && position <= run.stages.size())
        return position - 1;

    QStringList gated;
    for (const StageRecord &stage : run.stages) {
        if (stage.gate)
            gated.append(stage.name);
    }
    usageError(QStringLiteral("run %1 has no stage \"%2\"; its gates wait at: %3")
                   .arg(run.id)
                   .arg(text, gated.isEmpty() ? QStringLiteral("none") : gated.join(", ")));
    return -1;
}

QString deadlineText(const GateRecord &gate)
{
    return gate.deadline.isValid() ? gate.deadline.toLocalTime().toString(Qt::ISODate)
                                   : QStringLiteral("none");
}

// Tells waiting runs on other workstations at once; they read the decision from the store.
// Without Redis they see it at their next poll, so a Redis that is away is only a warning.
void announceDecision(const QString &redis, const QString &store, const RunRecord &run, int stage,
                      const GateRecord &gate, const QString &login)
{
    if (redis.isEmpty())
        return;
    const Result<RedisLocation> location = parseRedisLocation(redis);
    if (!location) {
        err() << "pwctl: warning: " << location.error().message << Qt::endl;
        return;
    }
    GateDecision mine;
    for (const GateDecision &decision : gate.decisions) {
        if (decision.by == login)
            mine = decision;
    }
    const Result<StoreLocation> parsed = parseStoreLocation(store);
    RunRecord decided = run;
    decided.stages[stage].gate = gate;

    EventPublisher publisher(*location);
    publisher.publish(gateDecisionEvent(parsed ? parsed->identity() : store, decided, stage, mine,
                                        QDateTime::currentDateTimeUtc()));
    QEventLoop loop;
    QObject::connect(&publisher, &EventPublisher::allSent, &loop, &QEventLoop::quit);
    QTimer::singleShot(3000, &loop, &QEventLoop::quit);
    loop.exec();
    if (publisher.unsentCount() > 0) {
        err() << "pwctl: warning: the decision is recorded, but Redis at " << location->display()
              << " could not be told; waiting runs see it at their next poll" << Qt::endl;
    }
}

int decide(const QStringList &arguments, bool approve)
{
    const QString command = approve ? QStringLiteral("approve") : QStringLiteral("reject");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        approve ? QStringLiteral("Approve the gate a run waits at.")
                : QStringLiteral("Reject the gate a run waits at; the run fails with the reason."));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id."));
    parser.addPositionalArgument(QStringLiteral("stage"), QStringLiteral("The gated stage."));
    addStoreOption(parser);
    addRedisOption(parser);
    const QString textOption = approve ? QStringLiteral("comment") : QStringLiteral("reason");
    parser.addOption({textOption,
                      approve ? QStringLiteral("A comment kept with the approval.")
                              : QStringLiteral("Why (required; the run reports it)."),
                      QStringLiteral("TEXT")});
    bool help = false;
    if (!parseArguments(parser, command, arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 2)
        return usageError(command + QStringLiteral(" takes a run id and a stage"));
    const QString text = parser.value(textOption).trimmed();
    if (!approve && text.isEmpty())
        return usageError(QStringLiteral("reject needs --reason TEXT: the run reports it"));
    qint64 id = 0;
    if (!parseRunId(parser.positionalArguments().constFirst(), &id))
        return ExitUsage;

    auto store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const auto run = store->loadRun(id);
    if (!run)
        return usageError(run.error().message);
    const int stage = findStage(*run, parser.positionalArguments().at(1));
    if (stage < 0)
        return ExitUsage;
    if (!run->stages[stage].gate) {
        return usageError(QStringLiteral("stage \"%1\" of run %2 has no gate waiting")
                              .arg(run->stages[stage].name)
                              .arg(id));
    }

    const auto decided = store->decideGate(id, stage, approve, text);
    if (!decided) {
        err() << "pwctl: " << decided.error().message << Qt::endl;
        return ExitRunFailed;
    }
    const Result<QString> login = store->login();
    announceDecision(redisLocation(parser), storeLocation(parser), *run, stage, *decided,
                     login ? *login : QString());
    out() << (approve ? "approved" : "rejected") << " the gate of stage " << run->stages[stage].name
          << " of run " << id << "; the gate is now " << keyword(decided->status) << Qt::endl;
    return ExitOk;
}

QJsonObject gateToJson(const WaitingGate &waiting)
{
    QJsonArray decisions;
    for (const GateDecision &decision : waiting.gate.decisions)
        decisions.append(QJsonObject{{"by", decision.by}, {"approve", decision.approve}});
    return {{"run", waiting.runId},
            {"pipeline", waiting.pipeline},
            {"branch", waiting.branch},
            {"stage", waiting.stageName},
            {"approvers", QJsonArray::fromStringList(waiting.gate.approvers)},
            {"required", waiting.gate.required},
            {"startedBy", waiting.gate.startedBy},
            {"deadline", waiting.gate.deadline.isValid()
                             ? QJsonValue(waiting.gate.deadline.toString(Qt::ISODateWithMs))
                             : QJsonValue()},
            {"decisions", decisions}};
}

// Whether `login` may still decide the gate, by the rules the store applies.
bool mayDecide(const WaitingGate &waiting, const QString &login)
{
    return checkDecision(waiting.gate, waiting.runId, waiting.stageName, login,
                         QDateTime::currentDateTimeUtc())
        .ok();
}

} // namespace

int approveCommand(const QStringList &arguments)
{
    return decide(arguments, true);
}

int rejectCommand(const QStringList &arguments)
{
    return decide(arguments, false);
}

int gatesCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List the gates runs wait at."));
    addStoreOption(parser);
    parser.addOption({QStringLiteral("mine"), QStringLiteral("Only gates you may decide.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object per gate.")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("gates"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("gates takes no arguments"));

    auto store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const auto login = store->login();
    const auto gates = store->waitingGates();
    if (!gates || !login) {
        err() << "pwctl: " << (gates ? login.error() : gates.error()).message << Qt::endl;
        return ExitRunFailed;
    }

    int shown = 0;
    for (const WaitingGate &waiting : *gates) {
        if (parser.isSet(QStringLiteral("mine")) && !mayDecide(waiting, *login))
            continue;
        ++shown;
        if (parser.isSet(QStringLiteral("json"))) {
            out() << QJsonDocument(gateToJson(waiting)).toJson(QJsonDocument::Compact) << Qt::endl;
            continue;
        }
        out() << "run " << waiting.runId << "  " << waiting.pipeline << "  stage "
              << waiting.stageName << "  approvers " << waiting.gate.approvers.join(", ")
              << "  approved " << approvalCount(waiting.gate) << "/" << waiting.gate.required
              << "  deadline " << deadlineText(waiting.gate)
              << (mayDecide(waiting, *login) ? "  (you may decide)" : "") << Qt::endl;
    }
    if (shown == 0 && !parser.isSet(QStringLiteral("json")))
        out() << "no gates waiting" << (parser.isSet(QStringLiteral("mine")) ? " for you" : "")
              << Qt::endl;
    return ExitOk;
}

} // namespace pw::cli
