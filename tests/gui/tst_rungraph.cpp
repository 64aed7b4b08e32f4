#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/graph/jobboxitem.h"
#include "widgets/graph/needarrowitem.h"
#include "widgets/graph/rungraphscene.h"
#include "widgets/graph/rungraphview.h"
#include "widgets/graph/stagelaneitem.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"
#include "widgets/statuslook.h"

#include <QAction>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QWheelEvent>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int runTimeoutMs = 30000;

QDateTime at(int second)
{
    return QDateTime(QDate(2026, 1, 2), QTime(3, 4, second), Qt::UTC);
}

// Two stages, the second behind a gate; `package` needs both jobs of the first.
RunRecord gatedRun(qint64 id = 7)
{
    RunRecord run;
    run.id = id;
    run.pipeline = QStringLiteral("release");
    run.stages = {{0, QStringLiteral("verify"), StageStatus::Success, {}, std::nullopt},
                  {1, QStringLiteral("ship"), StageStatus::Waiting, {}, GateRecord()}};
    run.stages[1].gate->required = 2;
    run.stages[1].gate->decisions = {{QStringLiteral("ana"), at(9), true, {}}};
    const std::tuple<int, const char *, JobStatus> jobs[] = {{0, "lint", JobStatus::Success},
                                                             {0, "unit", JobStatus::Failed},
                                                             {1, "package", JobStatus::Pending}};
    for (const auto &[stage, name, status] : jobs) {
        JobRecord job;
        job.index = int(run.jobs.size());
        job.stage = stage;
        job.name = QString::fromLatin1(name);
        job.status = status;
        run.jobs.append(job);
    }
    run.jobs[0].startedAt = at(0);
    run.jobs[0].finishedAt = at(4);
    run.jobs[0].attempts = 1;
    run.jobs[1].startedAt = at(0);
    run.jobs[1].finishedAt = at(7);
    run.jobs[1].attempts = 2;
    run.jobs[1].allowFailure = true;
    run.jobs[2].needs = {QStringLiteral("lint"), QStringLiteral("unit")};
    return run;
}

RunGraphView *graphOf(RunMonitor &monitor)
{
    return monitor.findChild<RunGraphView *>(QStringLiteral("runGraph"));
}

int needCount(const RunRecord &run)
{
    int needs = 0;
    for (const JobRecord &job : run.jobs)
        needs += int(job.needs.size());
    return needs;
}

// Whether the node of `job` shows the job's status as the run has it.
bool nodeShows(const RunGraphScene &scene, const RunRecord &run, int job)
{
    const JobBoxItem *node = scene.nodeOfJob(job);
    const StatusLook look = lookOf(run.jobs.at(job).status);
    return node && node->status() && node->status()->keyword == keyword(run.jobs.at(job).status)
           && node->status()->colour == look.colour && node->status()->text.startsWith(look.text);
}

// Jobs whose node does not show the job's status as the run has it, by name.
QStringList nodesOutOfStep(const RunGraphScene &scene, const RunRecord &run)
{
    QStringList wrong;
    for (int job = 0; job < run.jobs.size(); ++job) {
        if (!nodeShows(scene, run, job))
            wrong.append(run.jobs.at(job).name);
    }
    return wrong;
}

QStringList logLines(const LogLinesModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row)
        lines.append(model.lineText(row));
    return lines;
}

void clickNode(RunGraphView &view, const JobBoxItem &node)
{
    view.ensureVisible(&node);
    const QPoint centre = view.mapFromScene(node.sceneBoundingRect().center());
    QTest::mouseClick(view.viewport(), Qt::LeftButton, {}, centre);
}

} // namespace

class RunGraphTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void graphFollowsALiveRunAndPicksJobs();
    void storedRunShowsStatesGatesAndNeeds();
    void stateChangesRedrawWithoutANewLayout();
    void aChangedPipelineKeepsItsPlaces();
    void zoomFollowsWheelAndKeys();

private:
    QTemporaryDir m_home;
};

void RunGraphTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    test::useScratchHome(m_home, QStringLiteral("tst_rungraph"));
}

void RunGraphTest::init()
{
    test::failOnWarnings();
}

void RunGraphTest::graphFollowsALiveRunAndPicksJobs()
{
    MainWindow window;
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPipeline(test::sourceDir() + QStringLiteral("/examples/webapp/pipewright.yml"));
    QTRY_VERIFY(window.pipeline() != nullptr);

    RunMonitor *monitor = window.monitor();
    RunGraphView *view = graphOf(*monitor);
    QVERIFY(view);
    QTabWidget *views = monitor->views();
    QCOMPARE(views->tabText(views->indexOf(view)), QStringLiteral("&Graph"));
    views->setCurrentWidget(view);

    // After every change of the model the nodes show what the model says.
    const RunModel &model = monitor->runModel();
    QStringList outOfStep;
    QSet<QString> seen;
    connect(&model, &QAbstractItemModel::dataChanged, this,
            [&](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                RunGraphScene &scene = *view->graphScene();
                if (!topLeft.parent().isValid() || scene.nodes().size() != model.run().jobs.size())
                    return;
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const int job = model.jobAt(model.index(row, 0, topLeft.parent()));
                    if (!nodeShows(scene, model.run(), job))
                        outOfStep.append(model.run().jobs.at(job).name);
                    seen.insert(scene.nodeOfJob(job)->status()->keyword);
                }
            });

    QSignalSpy finished(window.controller(), &RunController::runFinished);
    RunContext context;
    context.branch = QStringLiteral("main");
    QVERIFY(window.startRun(context));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    const RunRecord &run = model.run();
    QCOMPARE(run.jobs.size(), 6);
    QTRY_COMPARE(view->graphScene()->nodes().size(), 6);
    QCOMPARE(view->graphScene()->edges().size(), needCount(run));
    QCOMPARE(view->graphScene()->edges().size(), 2);
    QCOMPARE(view->graphScene()->lanes().size(), 3);

    // The run went through its states in the graph too, and ends there as it ended.
    QCOMPARE(outOfStep, QStringList());
    QVERIFY(seen.contains(QStringLiteral("running")));
    QCOMPARE(nodesOutOfStep(*view->graphScene(), run), QStringList());
    for (const JobBoxItem *node : view->graphScene()->nodes()) {
        QCOMPARE(node->name(), run.jobs.at(node->job()).name);
        QCOMPARE(node->status()->keyword, QStringLiteral("success"));
        QVERIFY(!node->status()->elapsed.isEmpty());
    }
    QCOMPARE(view->graphScene()->layoutCount(), 1);

    // Clicking a node picks its job in the monitor, shows its log and lights its needs.
    int lint = -1;
    int e2e = -1;
    for (int job = 0; job < run.jobs.size(); ++job) {
        if (run.jobs.at(job).name == QLatin1String("lint"))
            lint = job;
        if (run.jobs.at(job).name.startsWith(QLatin1String("e2e")))
            e2e = job;
    }
    clickNode(*view, *view->graphScene()->nodeOfJob(lint));
    QCOMPARE(monitor->selectedJob(), lint);
    QCOMPARE(monitor->runModel().jobAt(monitor->jobTree()->currentIndex()), lint);
    QTRY_VERIFY(logLines(monitor->logModel()).contains(QStringLiteral("npm ci")));

    clickNode(*view, *view->graphScene()->nodeOfJob(e2e));
    QCOMPARE(monitor->selectedJob(), e2e);
    QTRY_VERIFY(logLines(monitor->logModel()).join(u'\n').contains(QLatin1String("e2e on")));
    int lit = 0;
    for (const NeedArrowItem *edge : view->graphScene()->edges())
        lit += edge->isHighlighted() ? 1 : 0;
    QCOMPARE(lit, 1);

    // Picking a job in the tree selects its node without a round trip.
    monitor->selectJob(lint);
    QVERIFY(view->graphScene()->nodeOfJob(lint)->isSelected());
    QVERIFY(!view->graphScene()->nodeOfJob(e2e)->isSelected());
}

void RunGraphTest::storedRunShowsStatesGatesAndNeeds()
{
    RunModel model;
    RunGraphView view(model);
    model.setRun(gatedRun());
    QTRY_COMPARE(view.graphScene()->nodes().size(), 3);
    RunGraphScene &scene = *view.graphScene();

    const JobBoxItem *unit = scene.nodeOfJob(1);
    QCOMPARE(unit->name(), QStringLiteral("unit"));
    QCOMPARE(unit->status()->keyword, QStringLiteral("failed"));
    QCOMPARE(unit->status()->text, QStringLiteral("failed (allowed)"));
    QCOMPARE(unit->status()->colour, lookOf(JobStatus::Failed).colour);
    QVERIFY(!unit->status()->icon.isNull());
    QCOMPARE(unit->status()->elapsed, QStringLiteral("7.00s"));
    QCOMPARE(unit->attemptText(), QStringLiteral("2"));
    QCOMPARE(unit->detailText(), QStringLiteral("failed (allowed) · 7.00s · attempt 2"));
    QCOMPARE(scene.nodeOfJob(0)->detailText(), QStringLiteral("passed · 4.00s"));
    QCOMPARE(scene.nodeOfJob(2)->detailText(), QStringLiteral("pending"));

    // Lanes left to right with their names; the gate shows its state and its count.
    QCOMPARE(scene.lanes().size(), 2);
    QCOMPARE(scene.lanes().at(0)->name(), QStringLiteral("verify"));
    QVERIFY(!scene.lanes().at(0)->gate());
    QCOMPARE(scene.lanes().at(1)->status()->keyword, QStringLiteral("waiting"));
    QCOMPARE(scene.lanes().at(1)->gate()->keyword, QStringLiteral("waiting"));
    QCOMPARE(scene.lanes().at(1)->gate()->text, QStringLiteral("Gate: waiting (1 of 2)"));
    QVERIFY(scene.lanes().at(0)->boundingRect().right()
            <= scene.lanes().at(1)->boundingRect().left());
    QVERIFY(scene.lanes().at(1)->boundingRect().contains(scene.nodeOfJob(2)->sceneBoundingRect()));

    // One arrow per need, from the job needed into the job that waits.
    QCOMPARE(scene.edges().size(), 2);
    for (const NeedArrowItem *edge : scene.edges()) {
        QCOMPARE(edge->to(), 2);
        QCOMPARE(edge->kind(), layout::EdgeKind::Forward);
        const QRectF from = scene.nodeOfJob(edge->from())->sceneBoundingRect();
        const QRectF to = scene.nodeOfJob(edge->to())->sceneBoundingRect();
        QVERIFY(from.contains(edge->route().first()));
        QVERIFY(to.contains(edge->route().last()));
    }
}

void RunGraphTest::stateChangesRedrawWithoutANewLayout()
{
    RunModel model;
    RunGraphView view(model);
    RunRecord run = gatedRun();
    run.stages[1].gate.reset();
    model.setRun(run);
    QTRY_COMPARE(view.graphScene()->layoutCount(), 1);
    const QPointF packageAt = view.graphScene()->nodeOfJob(2)->pos();

    // A job starts, the gate opens and is approved: states only, so the same items stay.
    run.jobs[2].status = JobStatus::Running;
    run.jobs[2].startedAt = QDateTime::currentDateTimeUtc();
    run.jobs[2].attempts = 1;
    model.updateJob(run, 2);
    JobBoxItem *package = view.graphScene()->nodeOfJob(2);
    QCOMPARE(package->status()->keyword, QStringLiteral("running"));
    QCOMPARE(package->status()->colour, lookOf(JobStatus::Running).colour);

    run.stages[1].gate = GateRecord();
    run.stages[1].gate->status = GateStatus::Approved;
    model.updateStage(run, 1);
    QCOMPARE(view.graphScene()->lanes().at(1)->gate()->text, QStringLiteral("Gate: approved"));

    run.jobs[2].status = JobStatus::Success;
    run.jobs[2].finishedAt = run.jobs[2].startedAt.addMSecs(1500);
    model.updateRun(run);
    QCOMPARE(package->status()->keyword, QStringLiteral("success"));
    QCOMPARE(package->status()->elapsed, QStringLiteral("1.50s"));

    // The same run again from scratch (read back from the history) is not laid out again.
    model.setRun(run);
    QCOMPARE(view.graphScene()->nodeOfJob(2), package);
    QCOMPARE(view.graphScene()->layoutCount(), 1);
    QCOMPARE(package->pos(), packageAt);
    QVERIFY(!view.graphScene()->isLayingOut());
}

void RunGraphTest::aChangedPipelineKeepsItsPlaces()
{
    RunModel model;
    RunGraphView view(model);
    RunRecord run = gatedRun();
    model.setRun(run);
    QTRY_COMPARE(view.graphScene()->layoutCount(), 1);
    QHash<QString, QPointF> places;
    for (const JobBoxItem *node : view.graphScene()->nodes())
        places.insert(node->name(), node->pos());

    // The next run has one job more, needing one of the first stage.
    RunRecord next = gatedRun(8);
    JobRecord docs;
    docs.index = int(next.jobs.size());
    docs.stage = 1;
    docs.name = QStringLiteral("docs");
    docs.needs = {QStringLiteral("lint")};
    next.jobs.append(docs);
    model.setRun(next);
    QTRY_COMPARE(view.graphScene()->layoutCount(), 2);
    QCOMPARE(view.graphScene()->nodes().size(), 4);
    QCOMPARE(view.graphScene()->edges().size(), 3);
    for (const JobBoxItem *node : view.graphScene()->nodes()) {
        // Kept jobs may give way by a fraction of a unit, no more.
        if (places.contains(node->name()))
            QVERIFY((node->pos() - places.value(node->name())).manhattanLength() < 1);
    }
    QCOMPARE(view.graphScene()->nodeOfJob(3)->name(), QStringLiteral("docs"));
    QCOMPARE(view.graphScene()->nodeOfJob(3)->status()->keyword, QStringLiteral("pending"));
}

void RunGraphTest::zoomFollowsWheelAndKeys()
{
    RunModel model;
    RunGraphView view(model);
    view.resize(500, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    model.setRun(gatedRun());
    QTRY_COMPARE(view.graphScene()->layoutCount(), 1);
    const double fitted = view.zoom();
    QVERIFY(fitted > 0 && fitted <= 1);

    // Ctrl+wheel zooms around the mouse; a plain wheel scrolls instead.
    const QPointF inside(100, 100);
    QWheelEvent up(inside, view.viewport()->mapToGlobal(inside), {}, {0, 120}, Qt::NoButton,
                   Qt::ControlModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(view.viewport(), &up);
    QVERIFY(view.zoom() > fitted * 1.2);
    QWheelEvent plain(inside, view.viewport()->mapToGlobal(inside), {}, {0, -120}, Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    const double zoomed = view.zoom();
    QCoreApplication::sendEvent(view.viewport(), &plain);
    QCOMPARE(view.zoom(), zoomed);

    // The keys: Ctrl+- out, Ctrl++ in, Ctrl+0 fits again.
    QTest::keyClick(&view, Qt::Key_Minus, Qt::ControlModifier);
    QVERIFY(view.zoom() < zoomed);
    view.zoomInAction()->trigger();
    QVERIFY(qAbs(view.zoom() - zoomed) < 1e-6);
    QTest::keyClick(&view, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(qAbs(view.zoom() - fitted) < 1e-6);

    // Zooming has bounds either way.
    for (int i = 0; i < 40; ++i)
        view.zoomOutAction()->trigger();
    QVERIFY(view.zoom() >= 0.05 - 1e-9);
    for (int i = 0; i < 60; ++i)
        view.zoomInAction()->trigger();
    QVERIFY(view.zoom() <= 4 + 1e-9);
}

QTEST_MAIN(RunGraphTest)
#include "tst_rungraph.moc"
