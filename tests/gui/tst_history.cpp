#include "guitestsupport.h"
#include "historyfixture.h"
#include "testsupport.h"
#include "widgets/history/historycharts.h"
#include "widgets/history/historymodel.h"
#include "widgets/history/historytrend.h"
#include "widgets/history/historyview.h"
#include "widgets/store/storereader.h"

#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::gui;

namespace {

const QDateTime dayOne(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);

struct Sample
{
    const char *pipeline;
    const char *branch;
    RunStatus status;
    int hoursIn;
    int seconds;
    const char *commit;
    const char *by;
    const char *event;
};

// Ids 1 to 5 in this order.
const Sample samples[] = {
    {"web", "main", RunStatus::Success, 0, 30, "aaa111", "anna", "push"},
    {"api", "dev", RunStatus::Failed, 1, 10, "bbb222", "ben", "push"},
    {"web", "dev", RunStatus::Success, 2, 50, "ccc333", "carl", "push"},
    {"api", "main", RunStatus::Cancelled, 3, 20, "abc444", "anna", "push"},
    {"db", "feature/x", RunStatus::Success, 4, 40, "ddd555", "dora", "merge_request"},
};

QList<qint64> idsShown(const HistoryModel &model)
{
    QList<qint64> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.append(model.index(row, 0).data(HistoryModel::RunIdRole).toLongLong());
    return ids;
}

void clickHeader(QTableView *table, int column)
{
    QHeaderView *header = table->horizontalHeader();
    const QPoint centre(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, centre);
}

QList<QPointF> pointsOf(QAbstractSeries *series)
{
    return static_cast<QXYSeries *>(series)->points();
}

double midnight(const QDateTime &time)
{
    return double(time.toLocalTime().date().startOfDay().toMSecsSinceEpoch());
}

JobRecord cachedJob(int index, bool hit)
{
    JobRecord job;
    job.index = index;
    job.stage = 0;
    job.name = QStringLiteral("job%1").arg(index);
    job.status = JobStatus::Success;
    job.cache = CacheUse{QStringLiteral("key-%1").arg(index), hit, {}};
    return job;
}

} // namespace

class HistoryTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void clickingAHeaderSortsInTheStore_data();
    void clickingAHeaderSortsInTheStore();
    void sortedPagesFollowEachOther();
    void filtersNarrowTheRuns_data();
    void filtersNarrowTheRuns();
    void aSearchTextLongerThanAnyCommitIsRefused();

    void trendFiguresCountEndedRunsPerDay();
    void chartsShowThePipelineOfTheFilter();
    void chartsHideCacheHitsForAPipelineWithoutCaches();

private:
    void fillSamples();
    void waitForPage();

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<StoreReader> m_reader;
    std::unique_ptr<HistoryModel> m_model;
    std::unique_ptr<HistoryView> m_view;
};

void HistoryTest::initTestCase()
{
    test::dropPlatformNoise();
    QVERIFY(m_dir.isValid());
}

void HistoryTest::init()
{
    test::failOnWarnings();
    static int count = 0;
    m_store = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++count));
}

void HistoryTest::cleanup()
{
    m_view.reset();
    m_model.reset();
    m_reader.reset();
}

void HistoryTest::fillSamples()
{
    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    for (const Sample &sample : samples) {
        RunRecord run = test::endedRun(QString::fromLatin1(sample.pipeline), sample.status,
                                       dayOne.addSecs(3600 * sample.hoursIn), sample.seconds);
        run.branch = QString::fromLatin1(sample.branch);
        run.commit = QString::fromLatin1(sample.commit);
        run.triggeredBy = QString::fromLatin1(sample.by);
        run.event = QString::fromLatin1(sample.event);
        QVERIFY(store->createRun(run).ok());
    }
    m_reader = std::make_unique<StoreReader>(m_store);
    m_model = std::make_unique<HistoryModel>(*m_reader);
    m_view = std::make_unique<HistoryView>(*m_model);
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_model->refresh();
    waitForPage();
}

void HistoryTest::waitForPage()
{
    QTRY_VERIFY(!m_model->isLoading());
    QCOMPARE(m_model->lastError(), QString());
}

void HistoryTest::clickingAHeaderSortsInTheStore_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("clicks");
    QTest::addColumn<QList<qint64>>("ids");
    QTest::addColumn<bool>("indicator");

    QTest::newRow("pipelines sort from A at the first click")
        << int(HistoryModel::PipelineColumn) << 1 << QList<qint64>{2, 4, 5, 1, 3} << true;
    QTest::newRow("a second click on pipelines turns them around")
        << int(HistoryModel::PipelineColumn) << 2 << QList<qint64>{3, 1, 5, 4, 2} << true;
    QTest::newRow("branches sort from A, ties by creation")
        << int(HistoryModel::BranchColumn) << 1 << QList<qint64>{2, 3, 5, 1, 4} << true;
    QTest::newRow("statuses sort by their keyword")
        << int(HistoryModel::StatusColumn) << 1 << QList<qint64>{4, 2, 1, 3, 5} << true;
    QTest::newRow("durations sort longest first at the first click")
        << int(HistoryModel::DurationColumn) << 1 << QList<qint64>{3, 5, 1, 4, 2} << true;
    QTest::newRow("durations sort shortest first at the second click")
        << int(HistoryModel::DurationColumn) << 2 << QList<qint64>{2, 4, 1, 5, 3} << true;
    QTest::newRow("start times sort newest first at the first click")
        << int(HistoryModel::StartedColumn) << 1 << QList<qint64>{5, 4, 3, 2, 1} << true;
    QTest::newRow("start times sort oldest first at the second click")
        << int(HistoryModel::StartedColumn) << 2 << QList<qint64>{1, 2, 3, 4, 5} << true;
    QTest::newRow("a click on commits keeps the order and shows no indicator")
        << int(HistoryModel::CommitColumn) << 1 << QList<qint64>{5, 4, 3, 2, 1} << false;
}

void HistoryTest::clickingAHeaderSortsInTheStore()
{
    QFETCH(int, column);
    QFETCH(int, clicks);
    QFETCH(QList<qint64>, ids);
    QFETCH(bool, indicator);

    fillSamples();
    QVERIFY(m_model);
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(idsShown(*m_model), (QList<qint64>{5, 4, 3, 2, 1}));
    for (int click = 0; click < clicks; ++click) {
        clickHeader(m_view->table(), column);
        waitForPage();
    }

    QCOMPARE(idsShown(*m_model), ids);
    QHeaderView *header = m_view->table()->horizontalHeader();
    QCOMPARE(header->isSortIndicatorShown(), indicator);
    if (indicator)
        QCOMPARE(header->sortIndicatorSection(), column);
}

void HistoryTest::sortedPagesFollowEachOther()
{
    fillSamples();
    QVERIFY(m_model);
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setPageSize(2);
    QSignalSpy pages(m_model.get(), &HistoryModel::pageLoaded);
    clickHeader(m_view->table(), HistoryModel::DurationColumn);

    // The view asks for pages while it has room for more rows; the model asks for one at a
    // time, each after the rows it holds.
    QTRY_VERIFY(!m_model->isLoading() && !m_model->canFetchMore({}));
    QCOMPARE(pages.count(), 3);
    QCOMPARE(idsShown(*m_model), (QList<qint64>{3, 5, 1, 4, 2}));
    QCOMPARE(m_model->query().order, RunOrder::Duration);
    QVERIFY(m_model->query().descending);
}

void HistoryTest::filtersNarrowTheRuns_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("ids");

    QTest::newRow("a pipeline's name shows only its runs") << "historyPipelineFilter"
                                                           << "web" << QList<qint64>{3, 1};
    QTest::newRow("a branch shows only the runs on it") << "historyBranchFilter"
                                                        << "main" << QList<qint64>{4, 1};
    QTest::newRow("a login finds the runs it triggered") << "historyTextFilter"
                                                         << "anna" << QList<qint64>{4, 1};
    QTest::newRow("the start of a commit finds it, whatever its case") << "historyTextFilter"
                                                                       << "ABC" << QList<qint64>{4};
    QTest::newRow("the middle of a commit finds nothing") << "historyTextFilter"
                                                          << "b2" << QList<qint64>{};
    QTest::newRow("part of an event finds the runs it started") << "historyTextFilter"
                                                                << "merge" << QList<qint64>{5};
    QTest::newRow("a LIKE wildcard is taken literally") << "historyTextFilter"
                                                        << "%" << QList<qint64>{};
}

void HistoryTest::filtersNarrowTheRuns()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QList<qint64>, ids);

    fillSamples();
    QVERIFY(m_model);
    QAbstractItemModelTester tester(m_model.get(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *edit = m_view->findChild<QLineEdit *>(field);
    QVERIFY(edit);
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QTest::keyClicks(edit, text);

    // Typing waits for a pause, then asks once.
    QTRY_COMPARE(reset.count(), 1);
    waitForPage();
    QCOMPARE(idsShown(*m_model), ids);
}

void HistoryTest::aSearchTextLongerThanAnyCommitIsRefused()
{
    const auto store = test::openTestStore(m_store);
    QVERIFY(store);
    RunQuery query;
    query.text = QString(201, QLatin1Char('x'));
    const auto listed = store->listRuns(query);
    QVERIFY(!listed.ok());
    QVERIFY2(listed.error().message.endsWith(
                 QStringLiteral("a run search text may have at most 200 characters, not 201")),
             qPrintable(listed.error().message));
}

void HistoryTest::trendFiguresCountEndedRunsPerDay()
{
    const QDateTime dayTwo = dayOne.addDays(1);
    QList<RunTrendPoint> runs = {
        {1, RunStatus::Success, dayOne, dayOne.addSecs(30), 2, 1},
        {2, RunStatus::Failed, dayOne.addSecs(3600), dayOne.addSecs(3660), 2, 0},
        {3, RunStatus::Cancelled, dayOne.addSecs(7200), dayOne.addSecs(7205), 0, 0},
        {4, RunStatus::Success, dayTwo, dayTwo.addSecs(40), 2, 2},
        {5, RunStatus::Running, dayTwo.addSecs(3600), {}, 0, 0},
    };

    const auto durations = durationPoints(runs);
    QCOMPARE(durations.keys(),
             (QList<RunStatus>{RunStatus::Success, RunStatus::Failed, RunStatus::Cancelled}));
    QCOMPARE(durations.value(RunStatus::Success),
             (QList<QPointF>{{double(dayOne.toMSecsSinceEpoch()), 30},
                             {double(dayTwo.toMSecsSinceEpoch()), 40}}));
    QCOMPARE(durations.value(RunStatus::Failed),
             (QList<QPointF>{{double(dayOne.addSecs(3600).toMSecsSinceEpoch()), 60}}));
    QCOMPARE(passRateByDay(runs),
             (QList<QPointF>{{midnight(dayOne), 50}, {midnight(dayTwo), 100}}));
    QCOMPARE(cacheHitRateByDay(runs),
             (QList<QPointF>{{midnight(dayOne), 25}, {midnight(dayTwo), 100}}));
    runs[0].cachedJobs = runs[1].cachedJobs = runs[3].cachedJobs = 0;
    QVERIFY(cacheHitRateByDay(runs).isEmpty());
}

void HistoryTest::chartsShowThePipelineOfTheFilter()
{
    const QDateTime dayTwo = dayOne.addDays(1);
    {
        const auto store = test::openTestStore(m_store);
        QVERIFY(store);
        struct Made
        {
            RunStatus status;
            QDateTime start;
            int seconds;
            QList<bool> caches;
        };
        const Made made[] = {{RunStatus::Success, dayOne, 30, {true, false}},
                             {RunStatus::Failed, dayOne.addSecs(3600), 60, {false, false}},
                             {RunStatus::Cancelled, dayOne.addSecs(7200), 5, {}},
                             {RunStatus::Success, dayTwo, 40, {true, true}},
                             {RunStatus::Running, dayTwo.addSecs(3600), -1, {}}};
        for (const Made &one : made) {
            RunRecord run =
                test::endedRun(QStringLiteral("web"), one.status, one.start, one.seconds);
            for (bool hit : one.caches)
                run.jobs.append(cachedJob(int(run.jobs.size()), hit));
            QVERIFY(store->createRun(run).ok());
        }
        QVERIFY(
            store->createRun(test::endedRun(QStringLiteral("api"), RunStatus::Failed, dayOne, 99))
                .ok());
    }
    m_reader = std::make_unique<StoreReader>(m_store);
    m_model = std::make_unique<HistoryModel>(*m_reader);
    m_view = std::make_unique<HistoryView>(*m_model);
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    HistoryCharts *charts = m_view->charts();

    QTest::keyClicks(m_view->pipelineFilter(), QStringLiteral("web"));
    QTRY_COMPARE(charts->pipeline(), QStringLiteral("web"));
    QTRY_VERIFY(!charts->isLoading());
    QCOMPARE(charts->caption()->text(), QStringLiteral("web: the last 5 run(s)"));

    // One scatter series per way of ending, each named for it.
    const QList<QAbstractSeries *> durations = charts->durationChart()->series();
    QCOMPARE(durations.size(), 3);
    QCOMPARE(durations.at(0)->name(), QStringLiteral("passed"));
    QCOMPARE(pointsOf(durations.at(0)), (QList<QPointF>{{double(dayOne.toMSecsSinceEpoch()), 30},
                                                        {double(dayTwo.toMSecsSinceEpoch()), 40}}));
    QCOMPARE(pointsOf(durations.at(1)),
             (QList<QPointF>{{double(dayOne.addSecs(3600).toMSecsSinceEpoch()), 60}}));
    QCOMPARE(pointsOf(durations.at(2)),
             (QList<QPointF>{{double(dayOne.addSecs(7200).toMSecsSinceEpoch()), 5}}));

    const QList<QAbstractSeries *> passed = charts->passRateChart()->series();
    QCOMPARE(passed.size(), 1);
    QCOMPARE(pointsOf(passed.first()),
             (QList<QPointF>{{midnight(dayOne), 50}, {midnight(dayTwo), 100}}));
    const QList<QAbstractSeries *> hits = charts->cacheChart()->series();
    QCOMPARE(hits.size(), 1);
    QCOMPARE(pointsOf(hits.first()),
             (QList<QPointF>{{midnight(dayOne), 25}, {midnight(dayTwo), 100}}));
    QVERIFY(charts->tabs()->isTabVisible(2));
}

void HistoryTest::chartsHideCacheHitsForAPipelineWithoutCaches()
{
    fillSamples();
    QVERIFY(m_model);
    HistoryCharts *charts = m_view->charts();
    QCOMPARE(charts->pipeline(), QString());

    // Without a pipeline filter, the selected run's pipeline is charted.
    m_view->table()->setCurrentIndex(m_model->index(1, 0)); // run 4, of api
    QTRY_COMPARE(charts->pipeline(), QStringLiteral("api"));
    QTRY_VERIFY(!charts->isLoading());
    QCOMPARE(charts->durationChart()->series().size(), 2);
    QCOMPARE(pointsOf(charts->passRateChart()->series().first()),
             (QList<QPointF>{{midnight(dayOne), 0}}));
    QVERIFY(pointsOf(charts->cacheChart()->series().first()).isEmpty());
    QVERIFY(!charts->tabs()->isTabVisible(2));
}

QTEST_MAIN(HistoryTest)
#include "tst_history.moc"
