#include "core/notify/eventpublisher.h"
#include "pwctlprocess.h"
#include "redisserver.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <memory>

using namespace pw;

namespace {

const QDateTime at = QDateTime(QDate(2026, 12, 3), QTime(14, 0, 3), Qt::UTC);

QJsonObject waitingEvent(qint64 run)
{
    RunRecord record;
    record.id = run;
    record.pipeline = QStringLiteral("webapp");
    StageRecord deploy;
    deploy.name = QStringLiteral("deploy");
    GateRecord gate;
    gate.approvers = {QStringLiteral("anna"), QStringLiteral("lead")};
    gate.deadline = QDateTime(QDate(2026, 12, 3), QTime(18, 0), Qt::UTC);
    deploy.gate = gate;
    record.stages = {deploy};
    return gateWaitingEvent(QStringLiteral("test.db"), record, 0, at);
}

QList<QByteArray> lines(const QByteArray &output)
{
    QList<QByteArray> all = output.split('\n');
    all.removeAll(QByteArray());
    return all;
}

} // namespace

class EventsCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!test::RedisServer::program())
            QSKIP("redis-server is not installed");
        auto server = test::RedisServer::start();
        QVERIFY2(server.ok(), qPrintable(server.ok() ? QString() : server.error().message));
        m_server = std::move(server).value();
    }

    void init()
    {
        test::failOnWarnings();
        qunsetenv(redisLocationVariable);
        qunsetenv(redisPasswordVariable);
        if (!m_server->isRunning())
            QVERIFY(m_server->restart());
        QVERIFY(m_server->cli({QStringLiteral("FLUSHALL")}).ok());
    }

    void cleanupTestCase() { m_server.reset(); }

    void refusesBadRequests_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");

        QTest::newRow("no server named names both ways to name one")
            << QStringList{}
            << "pwctl: no Redis server given: use --redis "
               "redis://host[:port][/db] or set PIPEWRIGHT_REDIS";
        QTest::newRow("a password in the URL is refused")
            << QStringList{"--redis", "redis://:pw@localhost"}
            << "remove it and set PIPEWRIGHT_REDIS_PASSWORD instead";
        QTest::newRow("a bad port is named") << QStringList{"--redis", "redis://localhost:99999"}
                                             << "the port '99999' is not a number from 1 to 65535";
        QTest::newRow("a count that is no number")
            << QStringList{"--redis", "redis://localhost", "--last", "many"}
            << "pwctl: --last expects a number from 0 to 10000, not 'many'";
    }

    void refusesBadRequests()
    {
        QFETCH(QStringList, arguments);
        const test::PwctlResult result = test::runPwctl(QStringList{"events"} + arguments);
        QCOMPARE(result.exitCode, 2);
        QFETCH(QString, message);
        QVERIFY2(result.err.contains(message.toUtf8()), result.err.constData());
    }

    void failsSoonWhenRedisIsUnreachable()
    {
        const quint16 port = test::freePort();
        QElapsedTimer clock;
        clock.start();
        const test::PwctlResult result =
            test::runPwctl({"events", "--redis", QStringLiteral("redis://127.0.0.1:%1").arg(port)});
        QCOMPARE(result.exitCode, 1);
        QVERIFY(clock.elapsed() < 5000);
        QCOMPARE(QString::fromUtf8(result.err),
                 QStringLiteral("pwctl: cannot connect to Redis at redis://127.0.0.1:%1/0: "
                                "Connection refused\n")
                     .arg(port));
    }

    void printsTheNewestEventsOldestFirst()
    {
        publish(25);
        qputenv(redisLocationVariable, m_server->url().toUtf8());
        const test::PwctlResult result = test::runPwctl({"events"});
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> printed = lines(result.out);
        QCOMPARE(printed.size(), 20);
        QCOMPARE(printed.constFirst(),
                 QByteArray("14:00:03  run 6 webapp: stage deploy waits for approval by anna, "
                            "lead (1 of 2 needed, until 18:00)"));
        QVERIFY(printed.constLast().startsWith("14:00:03  run 25 webapp:"));
    }

    void printsJsonWithTheEntryIds()
    {
        publish(5);
        const test::PwctlResult result =
            test::runPwctl({"events", "--redis", m_server->url(), "--json", "--last", "2"});
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> printed = lines(result.out);
        QCOMPARE(printed.size(), 2);
        QList<int> runs;
        for (const QByteArray &line : printed) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            runs.append(object.value("run").toInt());
            QVERIFY(object.value("id").toString().contains(QLatin1Char('-')));
            QCOMPARE(object.value("type").toString(), QStringLiteral("gate_waiting"));
        }
        QCOMPARE(runs, QList<int>({4, 5}));
    }

    void followsUntilInterrupted()
    {
        publish(1);
        QProcess *pwctl = test::startPwctl(
            {"events", "--redis", m_server->url(), "--follow", "--json", "--last", "1"}, this);
        QTRY_COMPARE(lines(m_followed += pwctl->readAllStandardOutput()).size(), 1);

        EventPublisher publisher(*parseRedisLocation(m_server->url()));
        publisher.publish(waitingEvent(2));
        publisher.publish(waitingEvent(3));
        QTRY_COMPARE(lines(m_followed += pwctl->readAllStandardOutput()).size(), 3);

        pwctl->terminate();
        QVERIFY(pwctl->waitForFinished(5000));
        QCOMPARE(pwctl->exitStatus(), QProcess::NormalExit);
        QCOMPARE(pwctl->exitCode(), 0);
        QCOMPARE(pwctl->readAllStandardError(), QByteArray());
        m_followed.clear();
    }

    void followWaitsForRedisToComeUp()
    {
        m_server->stop();
        QProcess *pwctl = test::startPwctl(
            {"events", "--redis", m_server->url(), "--follow", "--last", "5"}, this);
        QByteArray errors;
        QTRY_VERIFY((errors += pwctl->readAllStandardError()).contains("waiting for Redis"));

        QVERIFY(m_server->restart());
        publish(1);
        QTRY_COMPARE_WITH_TIMEOUT(lines(m_followed += pwctl->readAllStandardOutput()).size(), 1,
                                  15000);
        pwctl->kill();
        pwctl->waitForFinished(5000);
        errors += pwctl->readAllStandardError();
        QCOMPARE(errors.count("waiting for Redis"), 1);
        QVERIFY2(errors.startsWith(QStringLiteral("pwctl: waiting for Redis at %1/0 (cannot "
                                                  "connect")
                                       .arg(m_server->url())
                                       .toUtf8()),
                 errors.constData());
        m_followed.clear();
    }

private:
    void publish(int count)
    {
        EventPublisher publisher(*parseRedisLocation(m_server->url()));
        for (int run = 1; run <= count; ++run)
            publisher.publish(waitingEvent(run));
        QVERIFY(QTest::qWaitFor([&] { return publisher.unsentCount() == 0; }, 10000));
    }

    std::unique_ptr<test::RedisServer> m_server;
    QByteArray m_followed;
};

QTEST_GUILESS_MAIN(EventsCommandTest)
#include "tst_eventscommand.moc"
