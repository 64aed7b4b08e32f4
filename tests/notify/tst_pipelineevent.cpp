#include "core/notify/eventtext.h"
#include "core/notify/pipelineevent.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace pw;

namespace {

const QDateTime at = QDateTime(QDate(2026, 12, 3), QTime(14, 0, 3, 123), Qt::UTC);
const QString store = QStringLiteral("postgresql://ci@db:5432/pipewright");

RunRecord gatedRun()
{
    RunRecord run;
    run.id = 12;
    run.pipeline = QStringLiteral("webapp");
    run.branch = QStringLiteral("main");
    run.commit = QStringLiteral("1a2b3c4d5e6f");
    run.status = RunStatus::Failed;
    run.reason = QStringLiteral("job test failed");
    run.startedAt = at;
    run.finishedAt = at.addMSecs(185000);
    StageRecord build;
    build.index = 0;
    build.name = QStringLiteral("build");
    StageRecord deploy;
    deploy.index = 1;
    deploy.name = QStringLiteral("deploy");
    GateRecord gate;
    gate.approvers = {QStringLiteral("anna"), QStringLiteral("lead")};
    gate.required = 1;
    gate.startedBy = QStringLiteral("bob");
    gate.deadline = QDateTime(QDate(2026, 12, 3), QTime(18, 0), Qt::UTC);
    deploy.gate = gate;
    run.stages = {build, deploy};
    return run;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject waiting()
{
    return gateWaitingEvent(store, gatedRun(), 1, at);
}

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

} // namespace

class PipelineEventTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void buildsTheFieldsOfEachType()
    {
        const QJsonObject event = waiting();
        QCOMPARE(event.value("schema").toInt(), 1);
        QCOMPARE(event.value("type").toString(), QStringLiteral("gate_waiting"));
        QCOMPARE(event.value("at").toString(), QStringLiteral("2026-12-03T14:00:03.123Z"));
        QCOMPARE(event.value("store").toString(), store);
        QCOMPARE(event.value("run").toInt(), 12);
        QCOMPARE(event.value("pipeline").toString(), QStringLiteral("webapp"));
        QCOMPARE(event.value("stage").toString(), QStringLiteral("deploy"));
        QCOMPARE(event.value("stageIndex").toInt(), 1);
        QCOMPARE(event.value("approvers").toArray(), QJsonArray({"anna", "lead"}));
        QCOMPARE(event.value("required").toInt(), 1);
        QCOMPARE(event.value("deadline").toString(), QStringLiteral("2026-12-03T18:00:00.000Z"));
        QCOMPARE(event.value("startedBy").toString(), QStringLiteral("bob"));

        RunRecord run = gatedRun();
        run.stages[1].gate->deadline = QDateTime();
        QVERIFY(gateWaitingEvent(store, run, 1, at).value("deadline").isNull());

        const QJsonObject finished = runFinishedEvent(store, run, at);
        QCOMPARE(finished.value("status").toString(), QStringLiteral("failed"));
        QCOMPARE(finished.value("durationMs").toInt(), 185000);
        QCOMPARE(finished.value("commit").toString(), QStringLiteral("1a2b3c4d5e6f"));
    }

    void explainsWhyAGateClosed_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("approve");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QString>("reason");

        QTest::newRow("an approved gate names who approved")
            << int(GateStatus::Approved) << true << "approved"
            << "approved by anna";
        QTest::newRow("a rejected gate names who rejected and why")
            << int(GateStatus::Rejected) << false << "rejected"
            << "rejected by anna: not today";
        QTest::newRow("an expired gate says the deadline passed")
            << int(GateStatus::Expired) << true << "expired"
            << "the deadline passed";
    }

    void explainsWhyAGateClosed()
    {
        QFETCH(int, status);
        QFETCH(bool, approve);
        RunRecord run = gatedRun();
        run.stages[1].gate->status = GateStatus(status);
        if (GateStatus(status) != GateStatus::Expired) {
            run.stages[1].gate->decisions.append(
                {QStringLiteral("anna"), at, approve, approve ? QString() : "not today"});
        }
        const QJsonObject event = gateClosedEvent(store, run, 1, at);
        QFETCH(QString, outcome);
        QCOMPARE(event.value("outcome").toString(), outcome);
        QFETCH(QString, reason);
        QCOMPARE(event.value("reason").toString(), reason);
        QVERIFY(parseEvent(json(event)).ok());
    }

    void acceptsWhatItBuilds_data()
    {
        QTest::addColumn<QJsonObject>("event");
        const RunRecord run = gatedRun();
        const GateDecision decision{QStringLiteral("anna"), at, false, QStringLiteral("no")};
        QTest::newRow("a gate that waits") << waiting();
        QTest::newRow("a decision") << gateDecisionEvent(store, run, 1, decision, at);
        RunRecord closed = run;
        closed.stages[1].gate->status = GateStatus::Expired;
        QTest::newRow("a closed gate") << gateClosedEvent(store, closed, 1, at);
        QTest::newRow("a finished run") << runFinishedEvent(store, run, at);
        QTest::newRow("a released resource")
            << resourceReleasedEvent(store, run, QStringLiteral("prod-db"), at);
        QTest::newRow("a type this version does not know, with the common fields")
            << eventBase(QStringLiteral("lock_stolen"), store, 12, QStringLiteral("webapp"), at);
    }

    void acceptsWhatItBuilds()
    {
        QFETCH(QJsonObject, event);
        const Result<QJsonObject> parsed = parseEvent(json(event));
        QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().message));
        QCOMPARE(*parsed, event);
    }

    void refusesMalformedEvents_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");

        QTest::newRow("text that is not JSON")
            << QByteArray("approve it!") << "not JSON: illegal value at byte 1";
        QTest::newRow("JSON that is not an object") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("an event without a schema")
            << json(with(waiting(), "schema", QJsonValue::Undefined))
            << "the field 'schema' is missing";
        QTest::newRow("a newer schema") << json(with(waiting(), "schema", 2))
                                        << "schema 2 is not known; this version reads schema 1";
        QTest::newRow("a schema given as a string")
            << json(with(waiting(), "schema", "1"))
            << "schema \"1\" is not known; this version reads schema 1";
        QTest::newRow("a run number given as a string")
            << json(with(waiting(), "run", "12"))
            << "gate_waiting event: 'run' must be a whole number of at least 0, not a string";
        QTest::newRow("a negative stage index")
            << json(with(waiting(), "stageIndex", -1))
            << "gate_waiting event: 'stageIndex' must be a whole number of at least 0, not a "
               "number";
        QTest::newRow("a missing field of the type")
            << json(with(waiting(), "approvers", QJsonValue::Undefined))
            << "gate_waiting event: the field 'approvers' is missing";
        QTest::newRow("approvers that are not all names")
            << json(with(waiting(), "approvers", QJsonArray{"anna", 7}))
            << "gate_waiting event: 'approvers' must be an array of strings, not an array";
        QTest::newRow("a deadline that is not a time")
            << json(with(waiting(), "deadline", "tomorrow"))
            << "'deadline' must be a time such as 2026-12-03T14:00:00.123Z, or null, not a string";
        QTest::newRow("a decision word it does not know")
            << json(gateDecisionEvent(store, gatedRun(), 1, {}, at)).replace("reject", "maybe")
            << "gate_decision event: 'decision' must be one of approve, reject, not 'maybe'";
        QTest::newRow("an unknown type missing a common field")
            << json(with(eventBase("lock_stolen", store, 1, "webapp", at), "pipeline",
                         QJsonValue::Undefined))
            << "lock_stolen event: the field 'pipeline' is missing";
        QByteArray huge = json(with(waiting(), "startedBy", QString(70000, QLatin1Char('x'))));
        QTest::newRow("an event over 64 KiB")
            << huge
            << QStringLiteral("the event has %1 bytes, more than the 65536 allowed")
                   .arg(huge.size());
    }

    void refusesMalformedEvents()
    {
        QFETCH(QByteArray, text);
        const Result<QJsonObject> parsed = parseEvent(text);
        QVERIFY(!parsed.ok());
        QFETCH(QString, message);
        QVERIFY2(parsed.error().message.contains(message), qPrintable(parsed.error().message));
    }

    void describesEventsInOneLine_data()
    {
        QTest::addColumn<QJsonObject>("event");
        QTest::addColumn<QString>("line");
        const RunRecord run = gatedRun();
        RunRecord open = run;
        open.stages[1].gate->deadline = QDateTime();
        open.stages[1].gate->approvers.clear();
        RunRecord later = run;
        later.stages[1].gate->deadline = at.addDays(1);
        RunRecord approved = run;
        approved.stages[1].gate->status = GateStatus::Approved;
        approved.stages[1].gate->decisions.append({QStringLiteral("lead"), at, true, {}});

        QTest::newRow("a waiting gate names approvers, need and deadline")
            << waiting()
            << "14:00:03  run 12 webapp: stage deploy waits for approval by anna, lead (1 of 2 "
               "needed, until 18:00)";
        QTest::newRow("a gate without approvers or deadline")
            << gateWaitingEvent(store, open, 1, at)
            << "14:00:03  run 12 webapp: stage deploy waits for approval (1 needed)";
        QTest::newRow("a deadline on another day shows its date")
            << gateWaitingEvent(store, later, 1, at)
            << "14:00:03  run 12 webapp: stage deploy waits for approval by anna, lead (1 of 2 "
               "needed, until 2026-12-04 14:00)";
        QTest::newRow("a rejection with its comment")
            << gateDecisionEvent(store, run, 1, {QStringLiteral("anna"), at, false, "too late"}, at)
            << "14:00:03  run 12 webapp: anna rejected stage deploy: too late";
        QTest::newRow("a closed gate with its reason")
            << gateClosedEvent(store, approved, 1, at)
            << "14:00:03  run 12 webapp: the gate of stage deploy closed: approved (approved by "
               "lead)";
        QTest::newRow("a finished run with branch, commit and reason")
            << runFinishedEvent(store, run, at)
            << "14:00:03  run 12 webapp: finished: failed after 3m 05s on main at 1a2b3c4d: job "
               "test failed";
        QTest::newRow("a released resource")
            << resourceReleasedEvent(store, run, QStringLiteral("prod-db"), at)
            << "14:00:03  run 12 webapp: released the resource prod-db";
        QTest::newRow("a type this version does not know")
            << eventBase(QStringLiteral("lock_stolen"), store, 12, QStringLiteral("webapp"), at)
            << "14:00:03  run 12 webapp: lock_stolen (an event this version does not describe)";
    }

    void describesEventsInOneLine()
    {
        QFETCH(QJsonObject, event);
        QFETCH(QString, line);
        QCOMPARE(describeEvent(event), line);
    }

    void describesDurations_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("under a second in milliseconds") << qint64(850) << "850 ms";
        QTest::newRow("under a minute in seconds") << qint64(12400) << "12s";
        QTest::newRow("under an hour in minutes and seconds") << qint64(185000) << "3m 05s";
        QTest::newRow("longer in hours and minutes") << qint64(7800000) << "2h 10m";
    }

    void describesDurations()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(describeDuration(ms), text);
    }
};

QTEST_GUILESS_MAIN(PipelineEventTest)
#include "tst_pipelineevent.moc"
