#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"
#include "widgets/timeline/finishtext.h"
#include "widgets/timeline/ganttchart.h"
#include "widgets/timeline/timeaxis.h"
#include "widgets/timeline/timelineview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int runTimeoutMs = 30000;

// The slow job and what needs it make the critical path; the quick job starts the run
// without a duration long enough to see that the first run has no estimate.
constexpr const char *pipelineText = "name: timeline\n"
                                     "stages:\n"
                                     "  - name: verify\n"
                                     "    jobs:\n"
                                     "      - name: quick\n"
                                     "        commands: [sleep 0.6]\n"
                                     "      - name: slow\n"
                                     "        commands: [sleep 2]\n"
                                     "  - name: build\n"
                                     "    jobs:\n"
                                     "      - name: package\n"
                                     "        needs: [slow]\n"
                                     "        commands: [sleep 0.3]\n"
                                     "  - name: report\n"
                                     "    jobs:\n"
                                     "      - name: summary\n"
                                     "        commands: [echo done]\n";

int jobNamed(const RunRecord &run, const QString &name)
{
    for (int job = 0; job < run.jobs.size(); ++job) {
        if (run.jobs.at(job).name == name)
            return job;
    }
    return -1;
}

QString criticalNames(const RunRecord &run, const timeline::Timeline &timeline)
{
    QStringList names;
    for (int job : timeline.criticalPath)
        names.append(run.jobs.at(job).name);
    return names.join(QStringLiteral(" > "));
}

bool isOver(const RunMonitor &monitor)
{
    return !monitor.run().jobs.isEmpty() && isFinished(monitor.run().status);
}

} // namespace

class TimelineViewTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runsShowBarsCriticalPathAndEstimate();
    void finishTextSaysWhatIsKnown_data();
    void finishTextSaysWhatIsKnown();
    void axisLabelsAreShortOffsets_data();
    void axisLabelsAreShortOffsets();

private:
    QString writePipeline();
    void checkFinishedRun(RunMonitor &monitor, TimelineView &view);
    void checkClicksAndTips(RunMonitor &monitor, TimelineView &view);

    QTemporaryDir m_home;
};

void TimelineViewTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    test::useScratchHome(m_home, QStringLiteral("tst_timelineview"));
}

void TimelineViewTest::init()
{
    test::failOnWarnings();
}

QString TimelineViewTest::writePipeline()
{
    const QString path = m_home.filePath(QStringLiteral("timeline/pipewright.yml"));
    if (!QDir().mkpath(QFileInfo(path).path()))
        return QString();
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write(pipelineText);
    return path;
}

void TimelineViewTest::runsShowBarsCriticalPathAndEstimate()
{
    const QString path = writePipeline();
    QVERIFY(!path.isEmpty());
    MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPipeline(path);
    QTRY_VERIFY(window.pipeline() != nullptr);

    RunMonitor *monitor = window.monitor();
    auto *view = monitor->findChild<TimelineView *>(QStringLiteral("timelineView"));
    QVERIFY(view);
    const int tab = monitor->views()->indexOf(view);
    QVERIFY(tab > 0);
    QCOMPARE(monitor->views()->tabText(tab), QStringLiteral("&Timeline"));
    window.tabs()->setCurrentWidget(monitor);
    monitor->views()->setCurrentWidget(view);
    QVERIFY(!view->isTicking());
    QSignalSpy finished(window.controller(), &RunController::runFinished);

    // The first run has no history: no estimate until a job has ended.
    QVERIFY(window.startRun(RunContext{}).ok());
    QTRY_VERIFY(view->finishLabel()->text().startsWith(QLatin1String("No estimate yet")));
    QVERIFY(view->isTicking());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QTRY_VERIFY(isOver(*monitor));
    checkFinishedRun(*monitor, *view);
    if (QTest::currentTestFailed())
        return;
    checkClicksAndTips(*monitor, *view);
    if (QTest::currentTestFailed())
        return;

    // The second run has the first one's durations: an estimate from the start.
    const qint64 firstRun = monitor->run().id;
    QVERIFY(window.startRun(RunContext{}).ok());
    QTRY_VERIFY(monitor->run().id != firstRun && !isOver(*monitor));
    QTRY_VERIFY_WITH_TIMEOUT(
        view->finishLabel()->text().startsWith(QLatin1String("Estimated finish ")), runTimeoutMs);
    QVERIFY2(!view->finishLabel()->text().contains(QLatin1String("guessed")),
             qPrintable(view->finishLabel()->text()));
    QVERIFY(view->finishLabel()->text().contains(QLatin1String(", in about ")));
    QVERIFY(view->timeline().estimate.finish.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, runTimeoutMs);
    QTRY_VERIFY(isOver(*monitor));
    checkFinishedRun(*monitor, *view);
}

void TimelineViewTest::checkFinishedRun(RunMonitor &monitor, TimelineView &view)
{
    // Every job has a bar with its final status; the chain through the slow job is critical.
    const RunRecord &run = monitor.run();
    QTRY_COMPARE(view.chart()->run().status, run.status);
    QTRY_VERIFY(!view.isTicking());
    const timeline::Timeline &timeline = view.timeline();
    QCOMPARE(timeline.bars.size(), run.jobs.size());
    QCOMPARE(run.jobs.size(), qsizetype(4));
    for (const timeline::JobBar &bar : timeline.bars) {
        QCOMPARE(bar.status, JobStatus::Success);
        QCOMPARE(bar.status, run.jobs.at(bar.job).status);
        QCOMPARE(bar.kind, timeline::BarKind::Finished);
        QVERIFY(!view.chart()->barRect(bar.job).isEmpty());
    }
    QCOMPARE(criticalNames(run, timeline), QStringLiteral("slow > package > summary"));
    QVERIFY(!timeline.bars.at(jobNamed(run, QStringLiteral("quick"))).critical);
    QVERIFY(view.finishLabel()->text().startsWith(QLatin1String("Finished at ")));
    QVERIFY(view.problemsLabel()->isHidden());
}

void TimelineViewTest::checkClicksAndTips(RunMonitor &monitor, TimelineView &view)
{
    GanttChart *chart = view.chart();
    const int package = jobNamed(monitor.run(), QStringLiteral("package"));
    const int slow = jobNamed(monitor.run(), QStringLiteral("slow"));

    // A later bar lies right of an earlier one it waited for, in the same scale.
    QVERIFY(chart->barRect(package).left() >= chart->barRect(slow).right() - 2);

    // Clicking a bar picks its job in the monitor.
    QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(package).center());
    QCOMPARE(monitor.selectedJob(), package);
    QTest::mouseClick(chart, Qt::LeftButton, {}, chart->barRect(slow).center());
    QCOMPARE(monitor.selectedJob(), slow);

    // Its tooltip names the job, its status and how long it took; no tooltip off the bars.
    const QString tip = chart->toolTipFor(chart->jobAt(chart->barRect(slow).center()));
    QVERIFY2(tip.startsWith(QLatin1String("slow: passed\nStarted ")), qPrintable(tip));
    QVERIFY(tip.contains(QLatin1String("\nTook ")));
    QVERIFY(tip.contains(QLatin1String("\nOn the critical path")));
    QCOMPARE(chart->jobAt(QPoint(chart->width() - 2, chart->height() - 2)), -1);

    // Zooming in widens the bars.
    const int width = chart->barRect(slow).width();
    auto *zoomIn = view.findChild<QToolButton *>(QStringLiteral("timelineZoomIn"));
    QVERIFY(zoomIn);
    QTest::mouseClick(zoomIn, Qt::LeftButton);
    QVERIFY(chart->barRect(slow).width() > width);
}

void TimelineViewTest::finishTextSaysWhatIsKnown_data()
{
    QTest::addColumn<QString>("basis");
    QTest::addColumn<qint64>("remainingMs");
    QTest::addColumn<int>("guessed");
    QTest::addColumn<bool>("waits");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("end");

    QTest::newRow("an estimate from history says when and in how long")
        << "history" << qint64(185000) << 0 << false << "Estimated finish "
        << ", in about 3 min";
    QTest::newRow("seconds are said as seconds")
        << "history" << qint64(42400) << 0 << false << "Estimated finish "
        << ", in about 42 s";
    QTest::newRow("hours are said as hours")
        << "history" << qint64(3 * 3600 * 1000) << 0 << false << "Estimated finish "
        << ", in about 3 h";
    QTest::newRow("a partial estimate says how many jobs it guessed")
        << "partial" << qint64(60000) << 2 << false << "Estimated finish "
        << "(guessed for 2 job(s) without a past duration)";
    QTest::newRow("a run at a gate is estimated as if approved now")
        << "history" << qint64(60000) << 0 << true << "Waits for approval; if approved now"
        << ", in about 1 min";
    QTest::newRow("no estimate says why")
        << "unknown" << qint64(0) << 3 << false
        << "No estimate yet: no job still to run has a past duration"
        << "duration";
    QTest::newRow("a finished run says when it ended and how long it took")
        << "finished" << qint64(0) << 0 << false << "Finished at "
        << " after 1m 30s";
}

void TimelineViewTest::finishTextSaysWhatIsKnown()
{
    QFETCH(QString, basis);
    QFETCH(qint64, remainingMs);
    QFETCH(int, guessed);
    QFETCH(bool, waits);

    const QHash<QString, timeline::EstimateBasis> bases = {
        {"history", timeline::EstimateBasis::History},
        {"partial", timeline::EstimateBasis::Partial},
        {"unknown", timeline::EstimateBasis::Unknown},
        {"finished", timeline::EstimateBasis::Finished}};
    timeline::Timeline shown;
    shown.origin = QDateTime(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);
    shown.estimate.basis = bases.value(basis);
    shown.estimate.remainingMs = remainingMs;
    shown.estimate.guessedJobs = guessed;
    shown.estimate.waitsForApproval = waits;
    shown.estimate.finish = shown.origin.addSecs(90);

    const QString text = finishText(shown);
    QFETCH(QString, start);
    QFETCH(QString, end);
    QVERIFY2(text.startsWith(start), qPrintable(text));
    QVERIFY2(text.endsWith(end), qPrintable(text));
}

void TimelineViewTest::axisLabelsAreShortOffsets_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("label");

    QTest::newRow("the start is 0") << qint64(0) << "0";
    QTest::newRow("under a second in milliseconds") << qint64(250) << "250ms";
    QTest::newRow("seconds") << qint64(45000) << "45s";
    QTest::newRow("whole minutes") << qint64(120000) << "2m";
    QTest::newRow("minutes and seconds") << qint64(150000) << "2m 30s";
    QTest::newRow("hours and minutes") << qint64(3900000) << "1h 05m";
}

void TimelineViewTest::axisLabelsAreShortOffsets()
{
    QFETCH(qint64, ms);
    QTEST(offsetLabel(ms), "label");

    // Ticks keep their distance whatever the scale.
    for (double perMs : {1e-9, 1e-6, 0.001, 0.05, 1.0}) {
        const QList<AxisTick> ticks = axisTicks(ms + 3600000, perMs, 80);
        QVERIFY(!ticks.isEmpty() && ticks.size() <= 5000);
        if (ticks.size() > 1)
            QVERIFY(double(ticks.at(1).atMs) * perMs >= 80);
    }
}

QTEST_MAIN(TimelineViewTest)

#include "tst_timelineview.moc"
