#include "core/store/runstore.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/ansitext.h"
#include "widgets/history/historymodel.h"
#include "widgets/logs/logbatcher.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/logs/logview.h"
#include "widgets/recentfiles.h"
#include "widgets/run/runmodel.h"
#include "widgets/statuslook.h"
#include "widgets/store/storereader.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::gui;

namespace {

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, second), Qt::UTC);
}

// Two stages; the first holds two jobs, the second one.
RunRecord sampleRun(const QString &pipeline = QStringLiteral("hello"))
{
    RunRecord run;
    run.pipeline = pipeline;
    run.branch = QStringLiteral("main");
    run.commit = QStringLiteral("0123456789abcdef");
    run.event = QStringLiteral("manual");
    run.startedAt = at(0);
    run.stages = {{0, QStringLiteral("verify"), StageStatus::Pending, {}, std::nullopt},
                  {1, QStringLiteral("build"), StageStatus::Pending, {}, std::nullopt}};
    const std::pair<int, const char *> jobs[] = {{0, "lint"}, {0, "unit"}, {1, "package"}};
    for (const auto &[stage, name] : jobs) {
        JobRecord job;
        job.index = int(run.jobs.size());
        job.stage = stage;
        job.name = QString::fromLatin1(name);
        run.jobs.append(job);
    }
    return run;
}

LogChunk chunk(qint64 firstLine, const QByteArray &data, int attempt = 1)
{
    return {1, 0, attempt, firstLine, int(data.count('\n')), data};
}

} // namespace

class GuiModelsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void runModelPassesTheTester();
    void runModelShowsJobsByStage();
    void runModelFollowsStatusChanges_data();
    void runModelFollowsStatusChanges();
    void everyJobStatusHasItsOwnWordAndIcon();

    void ansiCodesAreStripped_data();
    void ansiCodesAreStripped();
    void logModelDropsLinesItHolds_data();
    void logModelDropsLinesItHolds();
    void logModelReadsStoredLogInPages();
    void logViewCountsAndStepsThroughMatches();

    void logViewFollowsTheTailUntilScrolledAway();
    void batcherInsertsLiveOutputInBatches();
    void batcherStartsAgainForANewAttempt();
    void recentFilesKeepTheNewestFirst();

    void historyModelFetchesPages();
    void historyModelFilters_data();
    void historyModelFilters();

private:
    void fillStore(const QString &location);
};

void GuiModelsTest::initTestCase()
{
    test::dropPlatformNoise();
    QCoreApplication::setOrganizationName(QStringLiteral("PipewrightTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_guimodels"));
}

void GuiModelsTest::init()
{
    test::failOnWarnings();
}

void GuiModelsTest::runModelPassesTheTester()
{
    RunModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunRecord run = sampleRun();
    model.setRun(run);
    run.jobs[1].status = JobStatus::Running;
    run.jobs[1].startedAt = at(1);
    run.jobs[1].attempts = 1;
    model.updateJob(run, 1);
    run.stages[0].status = StageStatus::Running;
    model.updateStage(run, 0);
    run.id = 7;
    model.updateRun(run);
    model.clear();
}

void GuiModelsTest::runModelShowsJobsByStage()
{
    RunModel model;
    model.setRun(sampleRun());

    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("verify"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    const QModelIndex package = model.index(0, 0, model.index(1, 0));
    QCOMPARE(package.data().toString(), QStringLiteral("package"));
    QCOMPARE(model.jobAt(package), 2);
    QCOMPARE(model.indexOfJob(2), package);
    QCOMPARE(model.jobAt(model.index(1, 0)), -1);
}

void GuiModelsTest::runModelFollowsStatusChanges_data()
{
    QTest::addColumn<JobStatus>("status");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<int>("maxAttempts");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("attemptShown");

    QTest::newRow("a running job says so") << JobStatus::Running << 1 << 1 << "running"
                                           << "1";
    QTest::newRow("a passed job says passed") << JobStatus::Success << 1 << 1 << "passed"
                                              << "1";
    QTest::newRow("a job failed twice shows its second attempt")
        << JobStatus::Failed << 2 << 1 << "failed"
        << "2";
    QTest::newRow("a job that may retry shows the tries it has")
        << JobStatus::Running << 2 << 3 << "running"
        << "2/3";
}

void GuiModelsTest::runModelFollowsStatusChanges()
{
    QFETCH(JobStatus, status);
    QFETCH(int, attempts);
    QFETCH(int, maxAttempts);
    QFETCH(QString, shown);
    QFETCH(QString, attemptShown);

    RunModel model;
    RunRecord run = sampleRun();
    model.setRun(run);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    run.jobs[2].status = status;
    run.jobs[2].attempts = attempts;
    run.jobs[2].maxAttempts = maxAttempts;
    run.jobs[2].startedAt = at(1);
    if (isFinished(status))
        run.jobs[2].finishedAt = at(4);
    model.updateJob(run, 2);

    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>(), model.indexOfJob(2, 0));
    QCOMPARE(model.indexOfJob(2, RunModel::StatusColumn).data().toString(), shown);
    QCOMPARE(model.indexOfJob(2, RunModel::StatusColumn).data(RunModel::StatusKeywordRole),
             keyword(status));
    QCOMPARE(model.indexOfJob(2, RunModel::AttemptColumn).data().toString(), attemptShown);
    if (isFinished(status))
        QCOMPARE(model.indexOfJob(2, RunModel::ElapsedColumn).data().toString(),
                 QStringLiteral("3.00s"));
}

void GuiModelsTest::everyJobStatusHasItsOwnWordAndIcon()
{
    QSet<QString> words;
    QSet<qint64> icons;
    const QList<JobStatus> statuses = {JobStatus::Pending,   JobStatus::WaitingResource,
                                       JobStatus::Running,   JobStatus::Success,
                                       JobStatus::Failed,    JobStatus::Skipped,
                                       JobStatus::Cancelled, JobStatus::Interrupted};
    for (JobStatus status : statuses) {
        const StatusLook look = lookOf(status);
        QVERIFY2(!look.icon.isNull(), qPrintable(keyword(status)));
        words.insert(look.text);
        icons.insert(look.icon.cacheKey());
    }
    QCOMPARE(words.size(), statuses.size());
    QCOMPARE(icons.size(), statuses.size());
}

void GuiModelsTest::ansiCodesAreStripped_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<QString>("shown");

    QTest::newRow("a plain line loses its newline") << QByteArray("hello\n") << "hello";
    QTest::newRow("colour codes go") << QByteArray("\x1b[1;31merror\x1b[0m: x\r\n") << "error: x";
    QTest::newRow("a title sequence goes") << QByteArray("\x1b]0;title\x07text") << "text";
    QTest::newRow("a cut-off sequence at the end goes") << QByteArray("ok\x1b[3") << "ok";
    QTest::newRow("a lone escape at the end goes") << QByteArray("ok\x1b") << "ok";
}

void GuiModelsTest::ansiCodesAreStripped()
{
    QFETCH(QByteArray, raw);
    QFETCH(QString, shown);

    QCOMPARE(plainLogLine(raw), shown);
}

void GuiModelsTest::logModelDropsLinesItHolds_data()
{
    QTest::addColumn<qint64>("secondFirstLine");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("a following chunk is added whole")
        << qint64(2) << QStringList{"a", "b", "c", "d"};
    QTest::newRow("an overlapping chunk adds only its new lines")
        << qint64(1) << QStringList{"a", "b", "d"};
    QTest::newRow("a chunk already held adds nothing") << qint64(0) << QStringList{"a", "b"};
}

void GuiModelsTest::logModelDropsLinesItHolds()
{
    QFETCH(qint64, secondFirstLine);
    QFETCH(QStringList, lines);

    LogLinesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.showLive();
    model.appendChunks({chunk(0, "a\nb\n"), chunk(secondFirstLine, "c\nd\n")});

    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(model.index(row).data().toString());
    QCOMPARE(shown, lines);
}

void GuiModelsTest::fillStore(const QString &location)
{
    auto opened = openStore(location);
    QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
    RunStore &store = **opened;
    for (int i = 0; i < 5; ++i) {
        RunRecord run = sampleRun(i % 2 ? QStringLiteral("deploy") : QStringLiteral("hello"));
        run.id = store.createRun(run).value();
        run.status = i == 3 ? RunStatus::Failed : RunStatus::Success;
        run.finishedAt = at(10 + i);

        StoreBatch batch;
        batch.runId = run.id;
        batch.runs = {run};
        batch.attempts = {{0, 1, at(1), at(2), 0, {}}};
        for (int part = 0; part < 4; ++part) {
            QByteArray data;
            for (int line = 0; line < 3; ++line)
                data += "line " + QByteArray::number(part * 3 + line) + "\n";
            batch.logs.append({run.id, 0, 1, part * 3, 3, data});
        }
        const Status written = store.write(batch);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().message));
    }
}

void GuiModelsTest::logModelReadsStoredLogInPages()
{
    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("history.db"));
    fillStore(location);
    StoreReader reader(location);
    LogLinesModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setLinesPerFetch(5);

    model.showStored(&reader, 1, 0);
    QTRY_VERIFY(!model.isFetching());
    // Two chunks of three lines: the first fetch stops at the first chunk past five lines.
    QCOMPARE(model.rowCount(), 6);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_VERIFY(!model.isFetching());
    QCOMPARE(model.rowCount(), 12);
    QCOMPARE(model.lineText(11), QStringLiteral("line 11"));
    QVERIFY(!model.canFetchMore({}));
}

void GuiModelsTest::logViewCountsAndStepsThroughMatches()
{
    LogLinesModel model;
    LogView view(model);
    model.showLive();
    model.appendChunks({chunk(0, "build ok\nwarning: a\nwarning: b\n")});

    view.setSearchText(QStringLiteral("WARNING"));
    QCOMPARE(view.matchCount(), 2);
    QCOMPARE(view.currentMatch(), 0);
    QCOMPARE(view.matchLabel()->text(), QStringLiteral("1 of 2"));
    view.nextMatch();
    QCOMPARE(view.linesView()->currentIndex().row(), 2);
    view.nextMatch();
    QCOMPARE(view.currentMatch(), 0);
    view.previousMatch();
    QCOMPARE(view.currentMatch(), 1);

    model.appendChunks({chunk(3, "warning: c\n")});
    QCOMPARE(view.matchCount(), 3);
    view.setSearchText(QStringLiteral("nothing like it"));
    QCOMPARE(view.matchCount(), 0);
    QCOMPARE(view.matchLabel()->text(), QStringLiteral("No matches"));
}

static QList<LogChunk> numberedLines(qint64 first, int count, int job = 0, int attempt = 1)
{
    QByteArray data;
    for (int line = 0; line < count; ++line)
        data += "line " + QByteArray::number(first + line) + "\n";
    return {{1, job, attempt, first, count, data}};
}

void GuiModelsTest::logViewFollowsTheTailUntilScrolledAway()
{
    LogLinesModel model;
    LogView view(model);
    view.resize(400, 200);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QScrollBar *bar = view.linesView()->verticalScrollBar();

    model.showLive();
    model.appendChunks(numberedLines(0, 200));
    QTRY_VERIFY(bar->maximum() > 0);
    QTRY_COMPARE(bar->value(), bar->maximum());
    model.appendChunks(numberedLines(200, 50));
    QTRY_COMPARE(bar->value(), bar->maximum());

    // Scrolled up by the user: new lines no longer pull the view down.
    bar->setValue(10);
    model.appendChunks(numberedLines(250, 50));
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 10);
}

void GuiModelsTest::batcherInsertsLiveOutputInBatches()
{
    LogLinesModel model;
    LogBatcher batcher(model);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.showLive();
    batcher.watch(0, 1);

    for (int i = 0; i < 10; ++i)
        batcher.add(numberedLines(i * 2, 2).constFirst());
    batcher.add(numberedLines(0, 5, /*job=*/1).constFirst());
    QCOMPARE(model.rowCount(), 0);
    QTRY_COMPARE(model.rowCount(), 20);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(model.lineText(19), QStringLiteral("line 19"));
}

void GuiModelsTest::batcherStartsAgainForANewAttempt()
{
    LogLinesModel model;
    LogBatcher batcher(model);
    model.showLive();
    batcher.watch(0, 1);
    batcher.add(numberedLines(0, 3, 0, 1).constFirst());
    batcher.flush();
    QCOMPARE(model.rowCount(), 3);

    batcher.add(numberedLines(0, 1, 0, 2).constFirst());
    batcher.add(numberedLines(3, 1, 0, 1).constFirst());
    batcher.flush();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.lineText(0), QStringLiteral("line 0"));
}

void GuiModelsTest::recentFilesKeepTheNewestFirst()
{
    QTemporaryDir dir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    RecentFiles recent;
    recent.clear();

    for (int i = 0; i < RecentFiles::maxFiles + 2; ++i)
        recent.add(dir.filePath(QStringLiteral("p%1.yml").arg(i)));
    recent.add(dir.filePath(QStringLiteral("p5.yml")));

    const QStringList files = recent.files();
    QCOMPARE(files.size(), RecentFiles::maxFiles);
    QCOMPARE(files.at(0), dir.filePath(QStringLiteral("p5.yml")));
    QCOMPARE(files.at(1), dir.filePath(QStringLiteral("p11.yml")));
    QCOMPARE(files.count(dir.filePath(QStringLiteral("p5.yml"))), 1);
    QVERIFY(!files.contains(dir.filePath(QStringLiteral("p0.yml"))));
    recent.remove(dir.filePath(QStringLiteral("p11.yml")));
    QCOMPARE(recent.files().size(), RecentFiles::maxFiles - 1);
}

void GuiModelsTest::historyModelFetchesPages()
{
    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("history.db"));
    fillStore(location);
    StoreReader reader(location);
    HistoryModel model(reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(2);

    model.refresh();
    QTRY_COMPARE(model.rowCount(), 2);
    QTRY_VERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 4);
    model.fetchMore({});
    QTRY_COMPARE(model.rowCount(), 5);
    QTRY_VERIFY(!model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    // Newest first.
    QCOMPARE(model.index(0, 0).data(HistoryModel::RunIdRole).toLongLong(), 5);
    QCOMPARE(model.index(0, HistoryModel::CommitColumn).data().toString(),
             QStringLiteral("0123456789"));
}

void GuiModelsTest::historyModelFilters_data()
{
    QTest::addColumn<QString>("pipeline");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QList<qint64>>("runs");

    QTest::newRow("a pipeline shows only its runs") << "deploy"
                                                    << "" << QList<qint64>{4, 2};
    QTest::newRow("a status shows only runs that ended so") << ""
                                                            << "failed" << QList<qint64>{4};
    QTest::newRow("both filters together narrow further") << "hello"
                                                          << "failed" << QList<qint64>{};
}

void GuiModelsTest::historyModelFilters()
{
    QFETCH(QString, pipeline);
    QFETCH(QString, status);
    QFETCH(QList<qint64>, runs);

    QTemporaryDir dir;
    const QString location = dir.filePath(QStringLiteral("history.db"));
    fillStore(location);
    StoreReader reader(location);
    HistoryModel model(reader);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &HistoryModel::pageLoaded);

    model.setFilter(pipeline, status);
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), QString());
    QList<qint64> shown;
    for (int row = 0; row < model.rowCount(); ++row)
        shown.append(model.index(row, 0).data(HistoryModel::RunIdRole).toLongLong());
    QCOMPARE(shown, runs);
}

QTEST_MAIN(GuiModelsTest)
#include "tst_guimodels.moc"
