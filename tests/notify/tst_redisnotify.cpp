#include "core/notify/eventfollower.h"
#include "core/notify/eventpublisher.h"
#include "core/notify/redisconnection.h"
#include "core/notify/runnotifier.h"
#include "redisserver.h"
#include "testsupport.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace pw;

namespace {

const QDateTime at = QDateTime(QDate(2026, 12, 3), QTime(14, 0), Qt::UTC);

// Short pauses between attempts, so that a restarted server is found again at once.
RedisConnection::Options quickRetry()
{
    RedisConnection::Options options;
    options.firstRetryMs = 50;
    options.longestRetryMs = 400;
    options.connectTimeoutMs = 1000;
    return options;
}

QJsonObject numbered(int number)
{
    QJsonObject event =
        eventBase(QStringLiteral("run_started"), QStringLiteral("test.db"), number, "webapp", at);
    return event;
}

RunRecord gatedRun(qint64 id)
{
    RunRecord run;
    run.id = id;
    run.pipeline = QStringLiteral("webapp");
    run.status = RunStatus::Running;
    StageRecord deploy;
    deploy.index = 0;
    deploy.name = QStringLiteral("deploy");
    run.stages = {deploy};
    return run;
}

QList<qint64> runNumbers(const QList<StreamEvent> &events)
{
    QList<qint64> numbers;
    for (const StreamEvent &event : events)
        numbers.append(qint64(event.event.value(QLatin1String("run")).toDouble()));
    return numbers;
}

QStringList types(const QList<StreamEvent> &events)
{
    QStringList names;
    for (const StreamEvent &event : events)
        names.append(event.event.value(QLatin1String("type")).toString());
    return names;
}

// Whatever a client of `server` sends is answered with `reply`.
void answerEverythingWith(QTcpServer &server, const QByteArray &reply)
{
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, reply] {
        QTcpSocket *client = server.nextPendingConnection();
        QObject::connect(client, &QTcpSocket::readyRead, client, [client, reply] {
            client->readAll();
            client->write(reply);
        });
    });
}

} // namespace

class RedisNotifyTest : public QObject
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
        qunsetenv(redisPasswordVariable);
        if (!m_server->isRunning())
            QVERIFY(m_server->restart());
        QVERIFY(m_server->cli({QStringLiteral("FLUSHALL")}).ok());
    }

    void cleanupTestCase() { m_server.reset(); }

    void followsWhatIsPublished()
    {
        EventPublisher publisher(location());
        EventFollower follower(location(), followerOptions());
        QList<StreamEvent> seen;
        connect(&follower, &EventFollower::eventReceived, this,
                [&seen](const StreamEvent &event) { seen.append(event); });
        QVERIFY(follower.follow(QStringLiteral("0")));

        for (int run = 1; run <= 3; ++run)
            publisher.publish(numbered(run));
        QTRY_COMPARE(runNumbers(seen), QList<qint64>({1, 2, 3}));
        QCOMPARE(seen.at(0).event, numbered(1));
        QVERIFY(isStreamId(QString::fromLatin1(seen.at(2).id)));
        QCOMPARE(follower.position(), seen.at(2).id);
        QCOMPARE(publisher.unsentCount(), 0);
    }

    void followsOnlyNewEventsFromTheEnd()
    {
        EventPublisher publisher(location());
        publisher.publish(numbered(1));
        QTRY_COMPARE(publisher.unsentCount(), 0);

        EventFollower follower(location(), followerOptions());
        QList<StreamEvent> seen;
        connect(&follower, &EventFollower::eventReceived, this,
                [&seen](const StreamEvent &event) { seen.append(event); });
        QVERIFY(follower.follow(QStringLiteral("$")));
        QTRY_VERIFY(follower.position() != "$");
        publisher.publish(numbered(2));
        QTRY_COMPARE(runNumbers(seen), QList<qint64>({2}));
    }

    void refusesAPositionThatIsNoId()
    {
        EventFollower follower(location());
        const Status status = follower.follow(QStringLiteral("latest"));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message,
                 QStringLiteral("'latest' is not a stream position; expected $ (new events "
                                "only), 0 (all) or an entry id such as 1700000000000-0"));
    }

    void readsTheNewestEventsOldestFirst()
    {
        EventPublisher publisher(location());
        for (int run = 1; run <= 5; ++run)
            publisher.publish(numbered(run));
        QTRY_COMPARE(publisher.unsentCount(), 0);

        EventFollower follower(location());
        QTRY_VERIFY(follower.connection()->isConnected());
        std::optional<Result<LatestEvents>> latest;
        follower.readLatest(3, [&latest](const Result<LatestEvents> &result) { latest = result; });
        QTRY_VERIFY(latest.has_value());
        QVERIFY(latest->ok());
        QCOMPARE(runNumbers((*latest)->events), QList<qint64>({3, 4, 5}));
        QCOMPARE((*latest)->newestId, (*latest)->events.constLast().id);
    }

    void keepsTheStreamBounded()
    {
        EventPublisher::Options options;
        options.streamLength = 100;
        EventPublisher publisher(location(), options);
        for (int run = 1; run <= 1000; ++run)
            publisher.publish(numbered(run));
        QTRY_COMPARE_WITH_TIMEOUT(publisher.unsentCount(), 0, 20000);

        // MAXLEN ~ trims whole nodes of the stream: about 100, never all 1000.
        const auto length =
            m_server->cli({QStringLiteral("XLEN"), QLatin1String(defaultEventStream)});
        QVERIFY(length.ok());
        const int kept = length->trimmed().toInt();
        QVERIFY2(kept >= 100 && kept <= 300, length->constData());
    }

    void skipsEntriesThatAreNoEvents_data()
    {
        QTest::addColumn<QStringList>("fields");
        QTest::addColumn<QString>("warning");

        QTest::newRow("text that is not JSON")
            << QStringList{"event", "open the gate"} << "not JSON: illegal value at byte 1";
        QTest::newRow("a forged event of an unknown schema")
            << QStringList{"event", R"({"schema":9,"type":"gate_decision"})"}
            << "schema 9 is not known; this version reads schema 1";
        QTest::newRow("a gate decision with its fields of the wrong kinds")
            << QStringList{"event",
                           R"({"schema":1,"type":"gate_decision","at":"2026-12-03T14:00:00Z",)"
                           R"("store":"s","run":"12","pipeline":"p"})"}
            << "gate_decision event: 'run' must be a whole number of at least 0, not a string";
        QTest::newRow("an event over 64 KiB")
            << QStringList{"event", QString(70000, QLatin1Char('x'))}
            << "the event has 70000 bytes, more than the 65536 allowed";
        QTest::newRow("an entry without an event field")
            << QStringList{"message", "{}"} << "it has no 'event' field";
    }

    void skipsEntriesThatAreNoEvents()
    {
        QFETCH(QStringList, fields);
        QFETCH(QString, warning);
        const auto id = m_server->cli(QStringList{"XADD", defaultEventStream, "*"} + fields);
        QVERIFY(id.ok());
        const QString entry = QString::fromLatin1(id->trimmed());
        QTest::ignoreMessage(QtWarningMsg,
                             qPrintable(QStringLiteral("skipped the entry %1 of the stream "
                                                       "pipewright:events: %2")
                                            .arg(entry, warning)));

        // The follower goes on after the bad entry to the good one behind it.
        EventPublisher publisher(location());
        publisher.publish(numbered(7));
        EventFollower follower(location());
        QList<StreamEvent> seen;
        connect(&follower, &EventFollower::eventReceived, this,
                [&seen](const StreamEvent &event) { seen.append(event); });
        QVERIFY(follower.follow(QStringLiteral("0")));
        QTRY_COMPARE(runNumbers(seen), QList<qint64>({7}));
    }

    void resumesAfterRedisComesBack()
    {
        EventPublisher::Options options;
        options.connection = quickRetry();
        EventPublisher publisher(location(), options);
        EventFollower follower(location(), followerOptions());
        QList<StreamEvent> seen;
        connect(&follower, &EventFollower::eventReceived, this,
                [&seen](const StreamEvent &event) { seen.append(event); });
        QVERIFY(follower.follow(QStringLiteral("0")));
        for (int run = 1; run <= 3; ++run)
            publisher.publish(numbered(run));
        QTRY_COMPARE(seen.size(), 3);

        // While Redis is away the publisher holds what it is given.
        QSignalSpy lost(follower.connection(), &RedisConnection::disconnected);
        m_server->stop();
        QTRY_VERIFY(!lost.isEmpty());
        QTRY_VERIFY(!publisher.connection()->isConnected());
        for (int run = 4; run <= 6; ++run)
            publisher.publish(numbered(run));
        QCOMPARE(publisher.unsentCount(), 3);

        // Back on the same port (and empty): all held events arrive, once each, in order.
        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(runNumbers(seen), QList<qint64>({1, 2, 3, 4, 5, 6}), 15000);
        QTRY_COMPARE(publisher.unsentCount(), 0);
        QTest::qWait(300);
        QCOMPARE(seen.size(), 6);
        QVERIFY(seen.at(3).id > seen.at(2).id);
    }

    void dropsTheOldestWhenTooManyWait()
    {
        EventPublisher::Options options;
        options.maxUnsent = 5;
        options.connection = quickRetry();
        m_server->stop();
        EventPublisher publisher(location(), options);
        QTest::ignoreMessage(QtWarningMsg,
                             qPrintable(QStringLiteral("Redis at %1 is unreachable and 5 events "
                                                       "wait; dropping the oldest of them")
                                            .arg(location().display())));
        for (int run = 1; run <= 8; ++run)
            publisher.publish(numbered(run));
        QCOMPARE(publisher.unsentCount(), 5);

        QVERIFY(m_server->restart());
        QTRY_COMPARE_WITH_TIMEOUT(publisher.unsentCount(), 0, 15000);
        QCOMPARE(runNumbers(readAll()), QList<qint64>({4, 5, 6, 7, 8}));
    }

    void failsCommandsAtOnceWhileDisconnected()
    {
        m_server->stop();
        RedisConnection connection(location(), quickRetry());
        std::optional<RedisReply> reply;
        connection.command({"PING"}, [&reply](const RedisReply &answer) { reply = answer; });
        QVERIFY(!reply.has_value()); // never from inside command()
        QTRY_VERIFY(reply.has_value());
        QVERIFY(reply->connectionError);
        QVERIFY2(reply->errorMessage().startsWith(
                     QStringLiteral("not connected to Redis at %1").arg(location().display())),
                 qPrintable(reply->errorMessage()));
    }

    void explainsWhyItCannotConnect_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("reason");

        QTest::newRow("nothing listens on the port")
            << "stopped"
            << ""
            << "cannot connect to Redis at %1: Connection refused";
        QTest::newRow("the server wants a password and none is set")
            << "password"
            << ""
            << "Redis at %1 needs a password; set PIPEWRIGHT_REDIS_PASSWORD";
        QTest::newRow("the password is wrong")
            << "password"
            << "wrong"
            << "Redis at %1 refused the password from PIPEWRIGHT_REDIS_PASSWORD: WRONGPASS";
        QTest::newRow("the server accepts but never answers")
            << "silent"
            << ""
            << "no answer from Redis at %1 within 500 ms";
        QTest::newRow("the server answers with an array too long to hold")
            << "hostile"
            << ""
            << "lost the connection to Redis at %1: it sent a reply of 444444440 elements, "
               "more than the 1000000 accepted";
    }

    void explainsWhyItCannotConnect()
    {
        QFETCH(QString, setup);
        QFETCH(QString, password);
        RedisLocation where = location();
        QTcpServer silent;
        if (setup == QLatin1String("stopped"))
            m_server->stop();
        if (setup == QLatin1String("password"))
            QVERIFY(m_server->cli({"CONFIG", "SET", "requirepass", "right"}).ok());
        if (setup == QLatin1String("silent") || setup == QLatin1String("hostile")) {
            QVERIFY(silent.listen(QHostAddress::LocalHost));
            where.port = silent.serverPort();
        }
        if (setup == QLatin1String("hostile"))
            answerEverythingWith(silent, "*444444440\r\n");
        where.password = password;

        RedisConnection::Options options;
        options.connectTimeoutMs = 500;
        RedisConnection connection(where, options);
        QSignalSpy failed(&connection, &RedisConnection::disconnected);
        QTRY_VERIFY(!failed.isEmpty());
        const QString given = failed.constFirst().constFirst().toString();
        QFETCH(QString, reason);
        QVERIFY2(given.startsWith(reason.arg(where.display())), qPrintable(given));
        QVERIFY(!connection.isConnected());

        if (setup == QLatin1String("password"))
            QVERIFY(
                m_server
                    ->cli({"-a", "right", "--no-auth-warning", "CONFIG", "SET", "requirepass", ""})
                    .ok());
    }

    void authenticatesWithThePassword()
    {
        QVERIFY(m_server->cli({"CONFIG", "SET", "requirepass", "right"}).ok());
        RedisLocation where = location();
        where.password = QStringLiteral("right");
        where.database = 2;
        RedisConnection connection(where);
        QSignalSpy connected(&connection, &RedisConnection::connected);
        QTRY_COMPARE(connected.size(), 1);
        std::optional<RedisReply> reply;
        connection.command({"CLIENT", "INFO"}, [&reply](const RedisReply &r) { reply = r; });
        QTRY_VERIFY(reply.has_value());
        QVERIFY2(reply->text.contains(" db=2 "), reply->text.constData());
        QVERIFY(
            m_server->cli({"-a", "right", "--no-auth-warning", "CONFIG", "SET", "requirepass", ""})
                .ok());
    }

    void deletingWithCommandsInFlightCallsNothing()
    {
        auto *connection = new RedisConnection(location());
        QTRY_VERIFY(connection->isConnected());
        int called = 0;
        for (int i = 0; i < 20; ++i) {
            connection->command({"BLPOP", "nothing-comes", "1"},
                                [&called](const RedisReply &) { ++called; });
        }
        QCOMPARE(connection->inFlight(), 20);
        delete connection;
        QTest::qWait(1500);
        QCOMPARE(called, 0);
    }

    void deletingFromAReplyCallbackCallsNoOther()
    {
        QPointer<RedisConnection> connection = new RedisConnection(location());
        QTRY_VERIFY(connection->isConnected());
        int called = 0;
        for (int i = 0; i < 10; ++i) {
            connection->command({"PING"}, [&called, connection](const RedisReply &) {
                ++called;
                delete connection.data();
            });
        }
        QTRY_VERIFY(connection.isNull());
        QTest::qWait(200);
        QCOMPARE(called, 1);
    }

    void deletingWhenTheServerDiesMidCommandIsSafe()
    {
        QPointer<RedisConnection> connection = new RedisConnection(location(), quickRetry());
        QTRY_VERIFY(connection->isConnected());
        QStringList errors;
        for (int i = 0; i < 10; ++i) {
            connection->command({"BLPOP", "nothing-comes", "5"},
                                [&errors, connection](const RedisReply &reply) {
                                    errors.append(reply.errorMessage());
                                    delete connection.data();
                                });
        }
        m_server->stop();
        QTRY_VERIFY(connection.isNull());
        QTest::qWait(200);
        QCOMPARE(errors.size(), 1);
        QVERIFY2(
            errors.constFirst().startsWith(
                QStringLiteral("lost the connection to Redis at %1").arg(location().display())),
            qPrintable(errors.constFirst()));
    }

    void deletingFromItsSignalsIsSafe()
    {
        QPointer<RedisConnection> up = new RedisConnection(location());
        connect(up.data(), &RedisConnection::connected, this, [up] { delete up.data(); });
        QTRY_VERIFY(up.isNull());

        m_server->stop();
        QPointer<RedisConnection> down = new RedisConnection(location());
        connect(down.data(), &RedisConnection::disconnected, this, [down] { delete down.data(); });
        QTRY_VERIFY(down.isNull());
    }

    void announcesGatesAndTheEndOnce()
    {
        EventPublisher publisher(location());
        RunNotifier notifier(publisher, QStringLiteral("test.db"));
        notifier.setClock([] { return at; });

        RunRecord run = gatedRun(12);
        notifier.runChanged(run);
        GateRecord gate;
        gate.approvers = {QStringLiteral("anna")};
        run.stages[0].gate = gate;
        run.stages[0].status = StageStatus::Waiting;
        notifier.stageChanged(run, 0);
        notifier.stageChanged(run, 0);
        notifier.runChanged(run);
        run.stages[0].gate->status = GateStatus::Approved;
        run.stages[0].gate->decisions.append({QStringLiteral("anna"), at, true, {}});
        notifier.stageChanged(run, 0);
        notifier.stageChanged(run, 0);
        run.status = RunStatus::Success;
        notifier.runChanged(run);
        notifier.runChanged(run);

        QTRY_COMPARE(publisher.unsentCount(), 0);
        const QList<StreamEvent> events = readAll();
        QCOMPARE(types(events), QStringList({"gate_waiting", "gate_closed", "run_finished"}));
        QCOMPARE(events.at(1).event.value("outcome").toString(), QStringLiteral("approved"));
        QCOMPARE(events.at(1).event.value("reason").toString(), QStringLiteral("approved by anna"));
        QCOMPARE(events.at(2).event.value("status").toString(), QStringLiteral("success"));
    }

    void closesAGateLeftWaitingWhenTheRunEnds()
    {
        EventPublisher publisher(location());
        RunNotifier notifier(publisher, QStringLiteral("test.db"));
        RunRecord run = gatedRun(13);
        run.stages[0].gate = GateRecord();
        notifier.stageChanged(run, 0);
        run.status = RunStatus::Cancelled;
        notifier.runChanged(run);

        QTRY_COMPARE(publisher.unsentCount(), 0);
        const QList<StreamEvent> events = readAll();
        QCOMPARE(types(events), QStringList({"gate_waiting", "gate_closed", "run_finished"}));
        QCOMPARE(events.at(1).event.value("outcome").toString(), QStringLiteral("cancelled"));
    }

private:
    RedisLocation location() const { return *parseRedisLocation(m_server->url()); }

    static EventFollower::Options followerOptions()
    {
        EventFollower::Options options;
        options.connection = quickRetry();
        options.blockMs = 500;
        return options;
    }

    QList<StreamEvent> readAll()
    {
        EventFollower follower(location());
        std::optional<Result<LatestEvents>> latest;
        connect(follower.connection(), &RedisConnection::connected, this, [&] {
            follower.readLatest(10000, [&latest](const Result<LatestEvents> &r) { latest = r; });
        });
        if (!QTest::qWaitFor([&] { return latest.has_value(); }, 5000) || !latest->ok())
            return {};
        return (*latest)->events;
    }

    std::unique_ptr<test::RedisServer> m_server;
};

QTEST_GUILESS_MAIN(RedisNotifyTest)
#include "tst_redisnotify.moc"
