// A history of 100,000 runs, filled through the store with bench/history's filler: counts,
// first and last pages, filters, orders and the run trend still answer right, and a new run
// is recorded and read back. On SQLite, and on PostgreSQL where it is installed.
#include "bench/history/historyfiller.h"
#include "core/store/runstore.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int historyRuns = 100000;

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

// Counts the runs `query` finds by paging through all of them, as a user scrolling would.
Result<int> countRuns(RunStore &store, RunQuery query)
{
    query.limit = 5000;
    query.offset = 0;
    for (;;) {
        const Result<QList<RunRecord>> page = store.listRuns(query);
        if (!page)
            return page.error();
        if (page->size() < query.limit)
            return query.offset + int(page->size());
        query.offset += query.limit;
    }
}

// What of a listed run must be as the filler made it; listed runs carry no jobs.
QString describe(const RunRecord &run)
{
    return QStringLiteral("%1 %2 %3 %4 %5 %6 %7 %8 stages")
        .arg(run.pipeline, keyword(run.status), run.branch, run.commit, run.triggeredBy,
             run.startedAt.toString(Qt::ISODateWithMs), run.finishedAt.toString(Qt::ISODateWithMs))
        .arg(run.stages.size());
}

QString describeSample(int number)
{
    return describe(bench::sampleHistoryRun(number));
}

// Each backend is its own CTest entry (tst_loadhistory, tst_loadhistory_postgresql), so that
// each fill has the whole time limit: PIPEWRIGHT_TEST_BACKEND=postgresql picks PostgreSQL.
bool onPostgres()
{
    return qEnvironmentVariable("PIPEWRIGHT_TEST_BACKEND") == QLatin1String("postgresql");
}

} // namespace

class LoadHistoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void largeHistoryStillAnswers_data();
    void largeHistoryStillAnswers();
    void runsAreCreatedTogether();
    void tooManyRunsAtOnceAreRefused();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
};

void LoadHistoryTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (!onPostgres())
        return;
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
}

void LoadHistoryTest::init()
{
    failOnWarnings();
}

void LoadHistoryTest::largeHistoryStillAnswers_data()
{
    QTest::addColumn<QString>("backend");

    if (onPostgres())
        QTest::newRow("a PostgreSQL store of 100,000 runs") << "postgresql";
    else
        QTest::newRow("an SQLite store of 100,000 runs") << "sqlite";
}

void LoadHistoryTest::largeHistoryStillAnswers()
{
    QFETCH(QString, backend);
    const QString location = backend == QLatin1String("sqlite")
                                 ? m_dir.filePath(QStringLiteral("history.sqlite"))
                                 : m_server->historyUrl();
    Result<std::unique_ptr<RunStore>> opened = openStore(location);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    RunStore &store = **opened;

    const Result<double> filled = bench::fillHistory(store, historyRuns);
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().message));
    qInfo("%s: filled with %d runs in %.1f s", qPrintable(backend), historyRuns, *filled);
    QElapsedTimer queries;
    queries.start();

    // Every run is there once: the count, and the newest and oldest pages.
    const Result<int> all = countRuns(store, {});
    QVERIFY2(all, qPrintable(all ? QString() : all.error().message));
    QCOMPARE(*all, historyRuns);
    const Result<QList<RunRecord>> first = store.listRuns({});
    QVERIFY(first);
    QCOMPARE(first->size(), 50);
    QCOMPARE(first->first().id, qint64(historyRuns));
    QCOMPARE(describe(first->first()), describeSample(historyRuns - 1));
    QCOMPARE(first->last().id, qint64(historyRuns - 49));
    RunQuery lastPage;
    lastPage.offset = historyRuns - 50;
    const Result<QList<RunRecord>> last = store.listRuns(lastPage);
    QVERIFY(last);
    QCOMPARE(last->size(), 50);
    QCOMPARE(last->first().id, qint64(50));
    QCOMPARE(last->last().id, qint64(1));
    QCOMPARE(describe(last->last()), describeSample(0));

    // Filters count what the filler made, alone and together.
    const struct
    {
        const char *pipeline, *status, *branch;
    } filters[] = {{"pipeline-7", "", ""},
                   {"", "failed", ""},
                   {"", "", "main"},
                   {"pipeline-3", "cancelled", "topic/13"},
                   {"pipeline-5", "running", ""}};
    for (const auto &filter : filters) {
        RunQuery query;
        query.pipeline = QString::fromLatin1(filter.pipeline);
        query.status = QString::fromLatin1(filter.status);
        query.branch = QString::fromLatin1(filter.branch);
        const Result<int> counted = countRuns(store, query);
        QVERIFY2(counted, qPrintable(counted ? QString() : counted.error().message));
        QCOMPARE(*counted, bench::sampleRunsMatching(historyRuns, query.pipeline, query.status,
                                                     query.branch));
    }
    RunQuery search;
    search.text = QStringLiteral("USER3");
    const Result<int> found = countRuns(store, search);
    QVERIFY(found);
    QCOMPARE(*found, (historyRuns + 7 - 1 - 3) / 7);

    // The longest runs first: the filler's longest last 929 s.
    RunQuery longest;
    longest.order = RunOrder::Duration;
    const Result<QList<RunRecord>> byDuration = store.listRuns(longest);
    QVERIFY(byDuration);
    QCOMPARE(byDuration->first().durationMs(), qint64(929000));
    for (qsizetype at = 1; at < byDuration->size(); ++at)
        QVERIFY(byDuration->at(at - 1).durationMs() >= byDuration->at(at).durationMs());

    // The trend of one pipeline: its newest 100 runs, oldest first.
    const Result<QList<RunTrendPoint>> trend = store.runTrend(QStringLiteral("pipeline-3"), 100);
    QVERIFY(trend);
    QCOMPARE(trend->size(), 100);
    QCOMPARE(trend->last().runId, qint64(historyRuns - 20 + 3 + 1));
    QCOMPARE(trend->first().runId, qint64(historyRuns - 100 * 20 + 3 + 1));
    for (qsizetype at = 1; at < trend->size(); ++at)
        QCOMPARE(trend->at(at).runId - trend->at(at - 1).runId, qint64(20));

    // A new run is recorded, finished and read back whole.
    RunRecord run = bench::sampleHistoryRun(7);
    run.pipeline = QStringLiteral("pipeline-new");
    run.status = RunStatus::Running;
    const Result<qint64> id = store.createRun(run);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QCOMPARE(*id, qint64(historyRuns + 1));
    StoreBatch batch;
    batch.runId = *id;
    run.id = *id;
    run.status = RunStatus::Success;
    batch.runs = {run};
    batch.attempts = {{1, 1, run.startedAt, run.finishedAt, 0, {}}};
    batch.logs = {{*id, 1, 1, 0, 2, QByteArray("after\n100,000 runs\n")}};
    const Status written = store.write(batch);
    QVERIFY2(written, qPrintable(errorOf(written)));
    const Result<RunRecord> loaded = store.loadRun(*id);
    QVERIFY(loaded);
    QCOMPARE(loaded->status, RunStatus::Success);
    QCOMPARE(loaded->jobs.size(), 3);
    QByteArray log;
    QVERIFY(store.readLog(*id, 1, 0, [&](const LogChunk &chunk) {
        log += chunk.data;
        return true;
    }));
    QCOMPARE(log, QByteArray("after\n100,000 runs\n"));
    RunQuery newest;
    newest.limit = 1;
    QCOMPARE(store.listRuns(newest)->first().id, *id);
    qInfo("%s: the queries took %.1f s", qPrintable(backend), queries.nsecsElapsed() / 1e9);
}

void LoadHistoryTest::runsAreCreatedTogether()
{
    const QString location = m_dir.filePath(QStringLiteral("together.sqlite"));
    Result<std::unique_ptr<RunStore>> store = openStore(location);
    QVERIFY(store);
    QVERIFY((*store)->createRun(bench::sampleHistoryRun(0)));

    const QList<RunRecord> runs = {bench::sampleHistoryRun(1), bench::sampleHistoryRun(2),
                                   bench::sampleHistoryRun(3)};
    const Result<QList<qint64>> ids = (*store)->createRuns(runs);
    QVERIFY2(ids, qPrintable(ids ? QString() : ids.error().message));
    QCOMPARE(*ids, (QList<qint64>{2, 3, 4}));
    for (int at = 0; at < runs.size(); ++at) {
        const Result<RunRecord> loaded = (*store)->loadRun(ids->at(at));
        QVERIFY(loaded);
        QCOMPARE(describe(*loaded), describe(runs[at]));
        QCOMPARE(loaded->jobs.size(), 3);
        QCOMPARE(loaded->jobs.last().name, QStringLiteral("job2"));
    }
    QCOMPARE((*store)->createRuns({})->size(), 0);
}

void LoadHistoryTest::tooManyRunsAtOnceAreRefused()
{
    const QString location = m_dir.filePath(QStringLiteral("refused.sqlite"));
    Result<std::unique_ptr<RunStore>> store = openStore(location);
    QVERIFY(store);
    const QList<RunRecord> runs(maxCreatedRuns + 1, bench::sampleHistoryRun(0));
    const Result<QList<qint64>> ids = (*store)->createRuns(runs);
    QVERIFY(!ids);
    QCOMPARE(ids.error().message,
             QStringLiteral("cannot write to the history store at %1: at most 10000 runs are "
                            "recorded at once, not 10001")
                 .arg(location));
    QCOMPARE((*store)->listRuns({})->size(), 0);
}

QTEST_GUILESS_MAIN(LoadHistoryTest)
#include "tst_loadhistory.moc"
