// Gates and resource locks across processes: a pwctl run that reaches a gate, and other pwctl
// processes, as other people, that decide it. On a throwaway PostgreSQL server each person is
// a database login; one case also runs on the embedded SQLite store.
#include "core/util/currentuser.h"
#include "postgresserver.h"
#include "pwctlprocess.h"
#include "redisserver.h"
#include "testsupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

QByteArray gatedPipeline(const QByteArray &gate)
{
    return "name: release\n"
           "stages:\n"
           "  - name: build\n"
           "    jobs:\n"
           "      - name: build\n"
           "        commands: ['echo built']\n"
           "  - name: deploy\n"
           "    gate: "
           + gate
           + "\n"
             "    jobs:\n"
             "      - name: deploy\n"
             "        commands: ['echo deployed']\n";
}

QJsonObject stageOf(const QJsonObject &run, const QString &name)
{
    for (const QJsonValue &stage : run.value("stages").toArray()) {
        if (stage.toObject().value("name").toString() == name)
            return stage.toObject();
    }
    return {};
}

QString describe(const PwctlResult &result)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(result.exitCode)
        .arg(QString::fromUtf8(result.out), QString::fromUtf8(result.err));
}

} // namespace

class GateCommandsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { failOnWarnings(); }
    void cleanupTestCase();

    void approvalFromAnotherProcessLetsTheRunGoOn();
    void rejectionFailsTheRunWithItsReason();
    void expiredGateRejectsTheRun();
    void embeddedStoreGateIsDecidedByTheUser();
    void badDecisionsAreRefusedWithTheirReason();
    void twoRunsHoldAResourceOneAfterTheOther();
    void redisTellsTheWaitingRunAtOnce();
    void forgedRedisEventOpensNothing();
    void withRedisStoppedTheRunPolls();
    void runWhoseProcessDiedStopsWaiting();

private:
    QString url(const QString &person) const
    {
        return m_server->url(person, QStringLiteral("team"));
    }
    QString writePipeline(const QString &name, const QByteArray &yaml);
    // Starts `pwctl run` of `file` as `person` and waits until its gate is listed.
    QProcess *startRunUntilGate(const QString &file, const QString &db, qint64 *runId,
                                const QStringList &extra = {"--poll-interval", "0.5"});
    // A Redis server for the notification cases, or a skip when there is none.
    RedisServer *redis();
    PwctlResult finish(QProcess *process);

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    std::unique_ptr<RedisServer> m_redis;
};

void GateCommandsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(
            qPrintable(QStringLiteral("PostgreSQL is not installed: ") + programs.error().message));
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::start();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    for (const char *role : {"pipewright", "anna", "lead", "bob", "mallory", "ops"})
        QVERIFY(m_server->createRole(QString::fromLatin1(role)));
    QVERIFY(m_server->createDatabase(QStringLiteral("team"), QStringLiteral("pipewright")));
    const PwctlResult created = runPwctl({"history", "--db", url("pipewright")});
    QVERIFY2(created.exitCode == 0, qPrintable(describe(created)));
}

void GateCommandsTest::cleanupTestCase()
{
    m_redis.reset();
    m_server.reset();
}

RedisServer *GateCommandsTest::redis()
{
    if (m_redis && !m_redis->isRunning() && !m_redis->restart())
        m_redis.reset();
    if (!m_redis) {
        Result<std::unique_ptr<RedisServer>> started = RedisServer::start();
        if (!started)
            qWarning().noquote() << "no Redis server:" << started.error().message;
        else
            m_redis = std::move(started).value();
    }
    return m_redis.get();
}

QString GateCommandsTest::writePipeline(const QString &name, const QByteArray &yaml)
{
    const QString path = m_dir.filePath(name + QStringLiteral("/pipewright.yml"));
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(yaml) != yaml.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QProcess *GateCommandsTest::startRunUntilGate(const QString &file, const QString &db, qint64 *runId,
                                              const QStringList &extra)
{
    QProcess *run = startPwctl(
        QStringList{"run", file, "--db", db, "--json", "--branch", "main", "--commit", "abc"}
            + extra,
        this);
    *runId = 0;
    QElapsedTimer waited;
    waited.start();
    while (*runId == 0 && waited.elapsed() < 30000 && run->state() != QProcess::NotRunning) {
        QTest::qWait(100);
        const PwctlResult gates = runPwctl({"gates", "--json", "--db", db});
        for (const QByteArray &line : gates.out.split('\n')) {
            const QJsonObject gate = QJsonDocument::fromJson(line).object();
            if (gate.value("pipeline").toString() == QLatin1String("release"))
                *runId = gate.value("run").toInteger();
        }
    }
    return run;
}

PwctlResult GateCommandsTest::finish(QProcess *process)
{
    PwctlResult result;
    if (!process->waitForFinished(60000)) {
        process->kill();
        process->waitForFinished();
    }
    result.exitCode = process->exitStatus() == QProcess::NormalExit ? process->exitCode() : -1;
    result.out = process->readAllStandardOutput();
    result.err = process->readAllStandardError();
    delete process;
    return result;
}

void GateCommandsTest::approvalFromAnotherProcessLetsTheRunGoOn()
{
    const QString file = writePipeline("approve", gatedPipeline("{approvers: [anna, lead]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id);
    QVERIFY2(id > 0, "the run never listed its gate");

    const PwctlResult mine = runPwctl({"gates", "--mine", "--db", url("anna")});
    QVERIFY2(mine.out.contains("stage deploy"), qPrintable(describe(mine)));
    QVERIFY2(mine.out.contains("(you may decide)"), qPrintable(describe(mine)));
    const PwctlResult notMine = runPwctl({"gates", "--mine", "--db", url("mallory")});
    QVERIFY2(notMine.out.contains("no gates waiting for you"), qPrintable(describe(notMine)));

    const PwctlResult approved = runPwctl(
        {"approve", QString::number(id), "deploy", "--comment", "ship it", "--db", url("anna")});
    QVERIFY2(approved.exitCode == 0, qPrintable(describe(approved)));
    QElapsedTimer latency;
    latency.start();

    const PwctlResult result = finish(run);
    qInfo() << "the run went on" << latency.elapsed() << "ms after the approval (polling every"
            << "500 ms)";
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QJsonObject report = result.json();
    QCOMPARE(report.value("status").toString(), QStringLiteral("success"));
    const QJsonObject gate = stageOf(report, "deploy").value("gate").toObject();
    QCOMPARE(gate.value("status").toString(), QStringLiteral("approved"));
    const QJsonArray decisions = gate.value("decisions").toArray();
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions[0].toObject().value("by").toString(), QStringLiteral("anna"));
    QCOMPARE(decisions[0].toObject().value("decision").toString(), QStringLiteral("approve"));
    QCOMPARE(decisions[0].toObject().value("comment").toString(), QStringLiteral("ship it"));

    // The history keeps the same gate, for anyone who reads it later.
    const PwctlResult shown = runPwctl({"show", QString::number(id), "--json", "--db", url("ops")});
    QCOMPARE(stageOf(shown.json(), "deploy").value("gate").toObject().value("decisions"),
             gate.value("decisions"));
}

void GateCommandsTest::rejectionFailsTheRunWithItsReason()
{
    const QString file = writePipeline("reject", gatedPipeline("{approvers: [anna, lead]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id);
    QVERIFY2(id > 0, "the run never listed its gate");

    const PwctlResult noReason =
        runPwctl({"reject", QString::number(id), "deploy", "--db", url("lead")});
    QCOMPARE(noReason.exitCode, 2);
    QVERIFY2(noReason.err.contains("reject needs --reason"), qPrintable(describe(noReason)));

    const PwctlResult rejected = runPwctl({"reject", QString::number(id), "deploy", "--reason",
                                           "not during the freeze", "--db", url("lead")});
    QVERIFY2(rejected.exitCode == 0, qPrintable(describe(rejected)));

    const PwctlResult result = finish(run);
    QCOMPARE(result.exitCode, 1);
    const QJsonObject report = result.json();
    QCOMPARE(report.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(report.value("reason").toString(),
             QStringLiteral("the gate of stage deploy was rejected by lead: not during the "
                            "freeze"));
    const QJsonObject stage = stageOf(report, "deploy");
    QCOMPARE(stage.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(stage.value("gate").toObject().value("status").toString(), QStringLiteral("rejected"));

    // A decision after the gate closed is refused.
    const PwctlResult late =
        runPwctl({"approve", QString::number(id), "deploy", "--db", url("anna")});
    QCOMPARE(late.exitCode, 1);
    QVERIFY2(late.err.contains("is closed: rejected"), qPrintable(describe(late)));
}

void GateCommandsTest::expiredGateRejectsTheRun()
{
    const QString file = writePipeline(
        "expire", gatedPipeline("{approvers: [anna], timeout: 1s, on_timeout: reject}"));
    const PwctlResult result =
        runPwctl({"run", file, "--db", url("bob"), "--json", "--poll-interval", "0.5"});
    QCOMPARE(result.exitCode, 1);
    const QJsonObject report = result.json();
    QCOMPARE(report.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(report.value("reason").toString(),
             QStringLiteral("the gate of stage deploy expired without approval"));
    const QJsonObject gate = stageOf(report, "deploy").value("gate").toObject();
    QCOMPARE(gate.value("status").toString(), QStringLiteral("expired"));
    QCOMPARE(gate.value("onTimeout").toString(), QStringLiteral("reject"));
}

void GateCommandsTest::embeddedStoreGateIsDecidedByTheUser()
{
    const QString db = m_dir.filePath(QStringLiteral("embedded/history.sqlite"));
    const QString file =
        writePipeline("embedded", gatedPipeline("{approvers: [" + currentUser().toUtf8()
                                                + ", lead], allow_self_approval: true}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, db, &id);
    QVERIFY2(id > 0, "the run never listed its gate");

    const PwctlResult approved = runPwctl({"approve", QString::number(id), "2", "--db", db});
    QVERIFY2(approved.exitCode == 0, qPrintable(describe(approved)));
    const PwctlResult result = finish(run);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QJsonObject gate = stageOf(result.json(), "deploy").value("gate").toObject();
    QCOMPARE(gate.value("decisions").toArray()[0].toObject().value("by").toString(), currentUser());
}

void GateCommandsTest::badDecisionsAreRefusedWithTheirReason()
{
    const QString file = writePipeline("refuse", gatedPipeline("{approvers: [anna, bob]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id);
    QVERIFY2(id > 0, "the run never listed its gate");
    const QString runId = QString::number(id);

    const PwctlResult stranger = runPwctl({"approve", runId, "deploy", "--db", url("mallory")});
    QCOMPARE(stranger.exitCode, 1);
    QVERIFY2(stranger.err.contains("mallory is not an approver of the gate of stage \"deploy\" "
                                   "(approvers: anna, bob)"),
             qPrintable(describe(stranger)));
    const PwctlResult self = runPwctl({"approve", runId, "deploy", "--db", url("bob")});
    QCOMPARE(self.exitCode, 1);
    QVERIFY2(self.err.contains("bob started run"), qPrintable(describe(self)));
    const PwctlResult noStage = runPwctl({"approve", runId, "prod", "--db", url("anna")});
    QCOMPARE(noStage.exitCode, 2);
    QVERIFY2(noStage.err.contains("has no stage \"prod\"; its gates wait at: deploy"),
             qPrintable(describe(noStage)));
    const PwctlResult ungated = runPwctl({"approve", runId, "build", "--db", url("anna")});
    QCOMPARE(ungated.exitCode, 2);
    QVERIFY2(ungated.err.contains("has no gate waiting"), qPrintable(describe(ungated)));
    const PwctlResult noRun = runPwctl({"approve", "999999", "deploy", "--db", url("anna")});
    QCOMPARE(noRun.exitCode, 2);
    QVERIFY2(noRun.err.contains("there is no run 999999"), qPrintable(describe(noRun)));

    // Nothing of that was recorded; the run still waits, and goes on once anna approves.
    const PwctlResult approved = runPwctl({"approve", runId, "deploy", "--db", url("anna")});
    QVERIFY2(approved.exitCode == 0, qPrintable(describe(approved)));
    const PwctlResult result = finish(run);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
    const QJsonArray decisions =
        stageOf(result.json(), "deploy").value("gate").toObject().value("decisions").toArray();
    QCOMPARE(decisions.size(), 1);
}

void GateCommandsTest::twoRunsHoldAResourceOneAfterTheOther()
{
    const QByteArray yaml = "name: locked\n"
                            "stages:\n"
                            "  - name: deploy\n"
                            "    resource: staging\n"
                            "    jobs:\n"
                            "      - name: deploy\n"
                            "        commands: ['sleep 1']\n";
    const QString first = writePipeline("lock-a", yaml);
    const QString second = writePipeline("lock-b", yaml);

    QProcess *a =
        startPwctl({"run", first, "--db", url("anna"), "--json", "--poll-interval", "0.2"}, this);
    QProcess *b =
        startPwctl({"run", second, "--db", url("lead"), "--json", "--poll-interval", "0.2"}, this);
    const PwctlResult resultA = finish(a);
    const PwctlResult resultB = finish(b);
    QVERIFY2(resultA.exitCode == 0, qPrintable(describe(resultA)));
    QVERIFY2(resultB.exitCode == 0, qPrintable(describe(resultB)));

    const auto interval = [](const PwctlResult &result) {
        const QJsonObject job =
            stageOf(result.json(), "deploy").value("jobs").toArray()[0].toObject();
        return std::pair{QDateTime::fromString(job.value("startedAt").toString(), Qt::ISODate),
                         QDateTime::fromString(job.value("finishedAt").toString(), Qt::ISODate)};
    };
    const auto [startA, endA] = interval(resultA);
    const auto [startB, endB] = interval(resultB);
    QVERIFY(startA.isValid() && startB.isValid());
    QVERIFY2(
        endA <= startB || endB <= startA,
        qPrintable(QStringLiteral("the two deploys overlapped: %1..%2 and %3..%4")
                       .arg(startA.toString(Qt::ISODateWithMs), endA.toString(Qt::ISODateWithMs),
                            startB.toString(Qt::ISODateWithMs), endB.toString(Qt::ISODateWithMs))));
}

void GateCommandsTest::redisTellsTheWaitingRunAtOnce()
{
    RedisServer *server = redis();
    QVERIFY(server);
    // The run would read the store only once an hour: only the notification can wake it.
    const QString file = writePipeline("notified", gatedPipeline("{approvers: [anna]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id,
                                      {"--poll-interval", "3600", "--redis", server->url()});
    QVERIFY2(id > 0, "the run never listed its gate");

    const PwctlResult approved = runPwctl(
        {"approve", QString::number(id), "deploy", "--db", url("anna"), "--redis", server->url()});
    QVERIFY2(approved.exitCode == 0, qPrintable(describe(approved)));
    QElapsedTimer latency;
    latency.start();
    const PwctlResult result = finish(run);
    qInfo() << "the run went on" << latency.elapsed() << "ms after the approval, told by Redis";
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));

    // The stream tells the story: the gate waited, anna decided, it closed, the run ended.
    const PwctlResult events =
        runPwctl({"events", "--json", "--last", "50", "--redis", server->url()});
    QStringList types;
    for (const QByteArray &line : events.out.split('\n')) {
        const QJsonObject event = QJsonDocument::fromJson(line).object();
        if (event.value("run").toInteger() == id)
            types.append(event.value("type").toString());
    }
    QCOMPARE(types, (QStringList{"gate_waiting", "gate_decision", "gate_closed", "run_finished"}));
}

void GateCommandsTest::forgedRedisEventOpensNothing()
{
    RedisServer *server = redis();
    QVERIFY(server);
    const QString file = writePipeline("forged", gatedPipeline("{approvers: [anna]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id,
                                      {"--poll-interval", "0.5", "--redis", server->url()});
    QVERIFY2(id > 0, "the run never listed its gate");

    // Someone with access to Redis claims anna approved; the store says she did not.
    const QString store = QStringLiteral("postgresql://127.0.0.1:%1/team").arg(m_server->port());
    const QByteArray forged =
        QStringLiteral("{\"schema\":1,\"type\":\"gate_decision\",\"at\":\"2026-01-01T00:00:00."
                       "000Z\",\"store\":\"%1\",\"run\":%2,\"pipeline\":\"release\","
                       "\"stage\":\"deploy\",\"stageIndex\":1,\"by\":\"anna\","
                       "\"decision\":\"approve\",\"comment\":\"\"}")
            .arg(store)
            .arg(id)
            .toUtf8();
    QVERIFY(server->cli({"XADD", "pipewright:events", "*", "event", QString::fromUtf8(forged)}));
    QTest::qWait(1500);
    QCOMPARE(run->state(), QProcess::Running);
    const PwctlResult gates = runPwctl({"gates", "--db", url("ops")});
    QVERIFY2(gates.out.contains(QByteArray("run " + QByteArray::number(id))),
             qPrintable(describe(gates)));

    QVERIFY(runPwctl({"reject", QString::number(id), "deploy", "--reason", "forged", "--db",
                      url("anna"), "--redis", server->url()})
                .exitCode
            == 0);
    const PwctlResult result = finish(run);
    QCOMPARE(result.json().value("status").toString(), QStringLiteral("rejected"));
}

void GateCommandsTest::withRedisStoppedTheRunPolls()
{
    RedisServer *server = redis();
    QVERIFY(server);
    const QString url_ = server->url();
    server->stop();

    const QString file = writePipeline("polled", gatedPipeline("{approvers: [anna]}"));
    qint64 id = 0;
    QProcess *run =
        startRunUntilGate(file, url("bob"), &id, {"--poll-interval", "1", "--redis", url_});
    QVERIFY2(id > 0, "the run never listed its gate");

    const PwctlResult approved =
        runPwctl({"approve", QString::number(id), "deploy", "--db", url("anna"), "--redis", url_});
    QVERIFY2(approved.exitCode == 0, qPrintable(describe(approved)));
    QVERIFY2(approved.err.contains("waiting runs see it at their next poll"),
             qPrintable(describe(approved)));
    const PwctlResult result = finish(run);
    QVERIFY2(result.exitCode == 0, qPrintable(describe(result)));
}

void GateCommandsTest::runWhoseProcessDiedStopsWaiting()
{
    const QString file = writePipeline("killed", gatedPipeline("{approvers: [anna]}"));
    qint64 id = 0;
    QProcess *run = startRunUntilGate(file, url("bob"), &id);
    QVERIFY2(id > 0, "the run never listed its gate");

    // The workstation's pwctl dies without a word.
    run->kill();
    run->waitForFinished();
    delete run;

    // The next pwctl to look marks the run interrupted; its gate is no longer offered.
    const PwctlResult gates = runPwctl({"gates", "--db", url("anna")});
    QVERIFY2(!gates.out.contains(QByteArray("run " + QByteArray::number(id) + " ")),
             qPrintable(describe(gates)));
    const PwctlResult shown = runPwctl({"show", QString::number(id), "--json", "--db", url("ops")});
    QCOMPARE(shown.json().value("status").toString(), QStringLiteral("interrupted"));
    const PwctlResult late =
        runPwctl({"approve", QString::number(id), "deploy", "--db", url("anna")});
    QCOMPARE(late.exitCode, 1);
    QVERIFY2(late.err.contains("has ended (interrupted): its gates can no longer be decided"),
             qPrintable(describe(late)));
}

QTEST_GUILESS_MAIN(GateCommandsTest)
#include "tst_gatecommands.moc"
