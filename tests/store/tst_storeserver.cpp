#include "core/store/runstore.h"
#include "postgresserver.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

// A store must give up on a server that went away at once, not after minutes of retrying.
constexpr qint64 refusalBoundMs = 15000;

QString errorOf(const Status &status)
{
    return status ? QStringLiteral("(succeeded)") : status.error().message;
}

template<typename T>
QString errorOf(const Result<T> &result)
{
    return result ? QStringLiteral("(succeeded)") : result.error().message;
}

} // namespace

// What a store on PostgreSQL does when its server goes away while it is open, and when the
// server comes back.
class StoreServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void storeReportsServerThatWentAway_data();
    void storeReportsServerThatWentAway();
    void openingReportsServerThatIsDown();
    void historySurvivesServerRestart();

private:
    std::unique_ptr<PostgresServer> m_server;
    QString m_location;
};

void StoreServerTest::initTestCase()
{
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));

    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_location = m_server->historyUrl();
}

void StoreServerTest::init()
{
    failOnWarnings();
}

void StoreServerTest::cleanup()
{
    // A test that failed half-way must not leave the next one without a server.
    if (!m_server->isRunning())
        QVERIFY(m_server->restart());
}

void StoreServerTest::storeReportsServerThatWentAway_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QString>("action"); // as the message words it

    QTest::newRow("writing a batch is refused") << "write"
                                                << "write to";
    QTest::newRow("creating a run is refused") << "create"
                                               << "write to";
    QTest::newRow("loading a run is refused") << "load"
                                              << "read";
    QTest::newRow("listing runs is refused") << "list"
                                             << "read";
    QTest::newRow("reading a log is refused") << "log"
                                              << "read";
}

void StoreServerTest::storeReportsServerThatWentAway()
{
    QFETCH(QString, operation);
    QFETCH(QString, action);

    const std::unique_ptr<RunStore> store = openOrDie(m_location);
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("gone")), 2);
    run.id = store->createRun(run).value();
    QVERIFY(m_server->stop());

    QElapsedTimer timer;
    timer.start();
    QString message;
    if (operation == QLatin1String("write"))
        message = errorOf(store->write(finishJobs(run, JobStatus::Success, run.startedAt)));
    else if (operation == QLatin1String("create"))
        message = errorOf(store->createRun(run));
    else if (operation == QLatin1String("load"))
        message = errorOf(store->loadRun(run.id));
    else if (operation == QLatin1String("list"))
        message = errorOf(store->listRuns({}));
    else
        message = errorOf(store->readLog(run.id, 0, 0, [](const LogChunk &) { return true; }));
    const qint64 elapsedMs = timer.elapsed();

    const QString prefix =
        QStringLiteral("cannot %1 the history store at %2: ").arg(action, m_location);
    QVERIFY2(message.startsWith(prefix), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("the server cannot be reached")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    QVERIFY2(elapsedMs < refusalBoundMs, qPrintable(QStringLiteral("%1 ms").arg(elapsedMs)));
}

void StoreServerTest::openingReportsServerThatIsDown()
{
    QVERIFY(m_server->stop());

    QElapsedTimer timer;
    timer.start();
    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    const qint64 elapsedMs = timer.elapsed();

    const QString message = errorOf(store);
    QVERIFY2(
        message.startsWith(QStringLiteral("cannot open the history store at %1: ").arg(m_location)),
        qPrintable(message));
    // libpq's own words name the server and say why it cannot be reached.
    QVERIFY2(message.contains(QStringLiteral("\"127.0.0.1\", port %1").arg(m_server->port())),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("Connection refused")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1Char('\n')), qPrintable(message));
    QVERIFY2(elapsedMs < refusalBoundMs, qPrintable(QStringLiteral("%1 ms").arg(elapsedMs)));
}

void StoreServerTest::historySurvivesServerRestart()
{
    const std::unique_ptr<RunStore> store = openOrDie(m_location);
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("restart")), 3);
    run.id = store->createRun(run).value();
    StoreBatch batch = finishJobs(run, JobStatus::Failed, run.startedAt);
    batch.logs = {{run.id, 1, 1, 0, 2, QByteArray("before\nthe restart\n")}};
    QVERIFY(store->write(batch));
    run.jobs = batch.jobs;

    QVERIFY(m_server->stop());
    QVERIFY(!store->loadRun(run.id));
    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));

    // A store opened anew sees everything written before the server went away.
    const std::unique_ptr<RunStore> reopened = openOrDie(m_location);
    QCOMPARE(describe(reopened->loadRun(run.id).value()), describe(run));
    QByteArray log;
    QVERIFY(reopened->readLog(run.id, 1, 0, [&](const LogChunk &chunk) {
        log += chunk.data;
        return true;
    }));
    QCOMPARE(log, QByteArray("before\nthe restart\n"));

    // The store that saw the server go away connects again and goes on writing.
    const Status again = store->write(finishJobs(run, JobStatus::Success, run.startedAt));
    QVERIFY2(again, qPrintable(errorOf(again)));
    QCOMPARE(keyword(reopened->loadRun(run.id)->jobs.first().status), QStringLiteral("success"));
}

QTEST_GUILESS_MAIN(StoreServerTest)
#include "tst_storeserver.moc"
