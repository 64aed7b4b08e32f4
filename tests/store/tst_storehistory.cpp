#include "core/store/runstore.h"
#include "postgresserver.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

// Ids in creation order: 1 to 5 of each store.
struct Sample
{
    const char *branch;
    RunStatus status;
    int startMinute; // -1: not started
    int seconds;     // -1: not finished
    const char *commit;
    const char *by;
};

const Sample samples[] = {
    {"main", RunStatus::Success, 0, 30, "aaa111", "Anna"},
    {"dev", RunStatus::Failed, 10, 10, "cccb22", "ben"},
    {"dev", RunStatus::Pending, -1, -1, "ccc_33", "carl"},
    {"main", RunStatus::Cancelled, 30, 20, "abc444", "anna"},
    {"feature", RunStatus::Running, 40, -1, "ddd555", "dora"},
};

} // namespace

// Ordering, filtering and the trend of runs, the same on SQLite and PostgreSQL.
class StoreHistoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void runsComeInTheOrderAsked_data();
    void runsComeInTheOrderAsked();
    void filtersChooseRuns_data();
    void filtersChooseRuns();
    void trendGivesTheNewestRunsOldestFirst_data();
    void trendGivesTheNewestRunsOldestFirst();
    void trendRefusesAWindowOutOfBounds_data();
    void trendRefusesAWindowOutOfBounds();

private:
    void addBackends();
    // A store of the row's backend holding the samples under a pipeline of its own.
    std::unique_ptr<RunStore> filledStore(QString *pipeline, QList<qint64> *ids);

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QString m_postgres;
    QString m_why;
};

void StoreHistoryTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs) {
        m_why = programs.error().message;
        return;
    }
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_postgres = m_server->historyUrl();
}

void StoreHistoryTest::init()
{
    failOnWarnings();
}

void StoreHistoryTest::addBackends()
{
    QTest::addColumn<QString>("backend");
}

std::unique_ptr<RunStore> StoreHistoryTest::filledStore(QString *pipeline, QList<qint64> *ids)
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("postgresql") && m_postgres.isEmpty())
        return nullptr;
    static int count = 0;
    const QString location = backend == QLatin1String("postgresql")
                                 ? m_postgres
                                 : m_dir.filePath(QStringLiteral("h%1.sqlite").arg(++count));
    std::unique_ptr<RunStore> store = openOrDie(location);
    *pipeline = uniquePipeline(QStringLiteral("ordered"));
    const QDateTime start = utc(2026, 3, 2, 12, 0, 0, 0);
    for (const Sample &sample : samples) {
        RunRecord run = sampleRun(*pipeline, 0);
        run.status = sample.status;
        run.branch = QString::fromLatin1(sample.branch);
        run.commit = QString::fromLatin1(sample.commit);
        run.triggeredBy = QString::fromLatin1(sample.by);
        run.startedAt =
            sample.startMinute < 0 ? QDateTime() : start.addSecs(60 * sample.startMinute);
        run.finishedAt = sample.seconds < 0 ? QDateTime() : run.startedAt.addSecs(sample.seconds);
        const auto created = store->createRun(run);
        if (!created.ok())
            qFatal("cannot create a run: %s", qPrintable(created.error().message));
        ids->append(*created);
    }
    return store;
}

void StoreHistoryTest::runsComeInTheOrderAsked_data()
{
    addBackends();
    QTest::addColumn<RunOrder>("order");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QList<int>>("samples"); // positions in `samples`

    const struct
    {
        const char *name;
        RunOrder order;
        bool descending;
        QList<int> samples;
    } rows[] = {
        {"newest created first by default", RunOrder::Created, true, {4, 3, 2, 1, 0}},
        {"branches from A, ties oldest first", RunOrder::Branch, false, {1, 2, 4, 0, 3}},
        {"branches from Z, ties newest first", RunOrder::Branch, true, {3, 0, 4, 2, 1}},
        {"statuses by keyword", RunOrder::Status, false, {3, 1, 2, 4, 0}},
        {"unfinished runs first going up by duration", RunOrder::Duration, false, {2, 4, 1, 3, 0}},
        {"unfinished runs last going down by duration", RunOrder::Duration, true, {0, 3, 1, 4, 2}},
        {"unstarted runs first going up by start", RunOrder::Started, false, {2, 0, 1, 3, 4}},
        {"unstarted runs last going down by start", RunOrder::Started, true, {4, 3, 1, 0, 2}},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const auto &row : rows) {
            QTest::addRow("%s: %s", backend, row.name)
                << QString::fromLatin1(backend) << row.order << row.descending << row.samples;
        }
    }
}

void StoreHistoryTest::runsComeInTheOrderAsked()
{
    QFETCH(RunOrder, order);
    QFETCH(bool, descending);
    QFETCH(QList<int>, samples);

    QString pipeline;
    QList<qint64> ids;
    const auto store = filledStore(&pipeline, &ids);
    if (!store)
        QSKIP(qPrintable(m_why));

    // Two pages of three and two, to see that paging keeps the order.
    QList<qint64> listed;
    for (int offset : {0, 3}) {
        RunQuery query;
        query.pipeline = pipeline;
        query.order = order;
        query.descending = descending;
        query.limit = 3;
        query.offset = offset;
        const auto runs = store->listRuns(query);
        QVERIFY2(runs.ok(), qPrintable(runs.ok() ? QString() : runs.error().message));
        for (const RunRecord &run : *runs)
            listed.append(run.id);
    }
    QList<qint64> expected;
    for (int position : samples)
        expected.append(ids.at(position));
    QCOMPARE(listed, expected);
}

void StoreHistoryTest::filtersChooseRuns_data()
{
    addBackends();
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<int>>("samples");

    const struct
    {
        const char *name;
        const char *branch;
        const char *text;
        QList<int> samples;
    } rows[] = {
        {"a branch chooses its runs", "dev", "", {2, 1}},
        {"a login chooses its runs whatever its case", "", "ANNA", {3, 0}},
        {"the start of a commit chooses it", "", "abc", {3}},
        {"an underscore is a character, not a wildcard", "", "ccc_", {2}},
        {"a wildcard matches only itself", "", "a%", {}},
        {"branch and text together", "main", "aaa", {0}},
    };
    for (const char *backend : {"sqlite", "postgresql"}) {
        for (const auto &row : rows) {
            QTest::addRow("%s: %s", backend, row.name)
                << QString::fromLatin1(backend) << QString::fromLatin1(row.branch)
                << QString::fromLatin1(row.text) << row.samples;
        }
    }
}

void StoreHistoryTest::filtersChooseRuns()
{
    QFETCH(QString, branch);
    QFETCH(QString, text);
    QFETCH(QList<int>, samples);

    QString pipeline;
    QList<qint64> ids;
    const auto store = filledStore(&pipeline, &ids);
    if (!store)
        QSKIP(qPrintable(m_why));
    RunQuery query;
    query.pipeline = pipeline;
    query.branch = branch;
    query.text = text;
    const auto runs = store->listRuns(query);
    QVERIFY2(runs.ok(), qPrintable(runs.ok() ? QString() : runs.error().message));

    QList<qint64> listed;
    for (const RunRecord &run : *runs)
        listed.append(run.id);
    QList<qint64> expected;
    for (int position : samples)
        expected.append(ids.at(position));
    QCOMPARE(listed, expected);
}

void StoreHistoryTest::trendGivesTheNewestRunsOldestFirst_data()
{
    addBackends();
    QTest::newRow("sqlite") << QStringLiteral("sqlite");
    QTest::newRow("postgresql") << QStringLiteral("postgresql");
}

void StoreHistoryTest::trendGivesTheNewestRunsOldestFirst()
{
    QString pipeline;
    QList<qint64> ids;
    const auto store = filledStore(&pipeline, &ids);
    if (!store)
        QSKIP(qPrintable(m_why));

    // A run whose jobs looked up three caches and found two.
    RunRecord cached = sampleRun(pipeline, 4);
    for (int job = 0; job < 3; ++job)
        cached.jobs[job].cache = CacheUse{QStringLiteral("k%1").arg(job), job != 1, {}};
    cached.jobs[3].cache.reset();
    const auto created = store->createRun(cached);
    QVERIFY(created.ok());

    const auto trend = store->runTrend(pipeline, 3);
    QVERIFY2(trend.ok(), qPrintable(trend.ok() ? QString() : trend.error().message));
    QCOMPARE(trend->size(), 3);
    QCOMPARE(trend->at(0).runId, ids.at(3));
    QCOMPARE(trend->at(0).status, RunStatus::Cancelled);
    QCOMPARE(trend->at(0).durationMs(), 20000);
    QCOMPARE(trend->at(1).runId, ids.at(4));
    QCOMPARE(trend->at(1).finishedAt, QDateTime());
    QCOMPARE(trend->at(2).runId, *created);
    QCOMPARE(trend->at(2).cachedJobs, 3);
    QCOMPARE(trend->at(2).cacheHits, 2);
    QCOMPARE(trend->at(0).cachedJobs, 0);
}

void StoreHistoryTest::trendRefusesAWindowOutOfBounds_data()
{
    QTest::addColumn<int>("limit");
    QTest::newRow("no runs") << 0;
    QTest::newRow("more runs than a chart can take") << 10001;
}

void StoreHistoryTest::trendRefusesAWindowOutOfBounds()
{
    QFETCH(int, limit);
    const auto store = openOrDie(m_dir.filePath(QStringLiteral("bounds.sqlite")));
    const auto trend = store->runTrend(QStringLiteral("any"), limit);
    QVERIFY(!trend.ok());
    QVERIFY2(trend.error().message.endsWith(
                 QStringLiteral("a run trend takes 1 to 10000 runs, not %1").arg(limit)),
             qPrintable(trend.error().message));
}

QTEST_GUILESS_MAIN(StoreHistoryTest)
#include "tst_storehistory.moc"
