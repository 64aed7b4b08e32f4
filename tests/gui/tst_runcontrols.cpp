#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"
#include "widgets/runcontrols/runcontrols.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int runTimeoutMs = 30000;

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

int lineCount(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count('\n')) : 0;
}

const JobRecord *jobNamed(const RunRecord &run, const QString &name)
{
    for (const JobRecord &job : run.jobs) {
        if (job.name == name)
            return &job;
    }
    return nullptr;
}

} // namespace

class tst_RunControls : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init() { test::failOnWarnings(); }
    void retryFailedRunsOnlyWhatFailedThenReRunRunsAll();

private:
    QTemporaryDir m_home;
};

void tst_RunControls::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    test::useScratchHome(m_home, QStringLiteral("tst_runcontrols"));
}

void tst_RunControls::retryFailedRunsOnlyWhatFailedThenReRunRunsAll()
{
    const QString dir = m_home.filePath(QStringLiteral("project"));
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QStringLiteral("/pipewright.yml");
    writeFile(path, "name: flaky\nstages:\n"
                    "  - name: build\n    jobs:\n"
                    "      - {name: compile, commands: ['echo x >> compile.count']}\n"
                    "  - name: test\n    jobs:\n"
                    "      - {name: unit, commands: ['echo x >> unit.count', 'test -f fixed']}\n");

    MainWindow window;
    window.resize(900, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPipeline(path);
    QTRY_VERIFY(window.pipeline() != nullptr);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    RunMonitor *monitor = window.monitor();
    RunControls *controls = monitor->controls();
    QVERIFY(controls);
    auto *retry = controls->findChild<QToolButton *>(QStringLiteral("retryFailedButton"));
    auto *rerun = controls->findChild<QToolButton *>(QStringLiteral("rerunButton"));
    auto *cancel = controls->findChild<QToolButton *>(QStringLiteral("cancelRunButton"));
    QVERIFY(retry && rerun && cancel);
    QVERIFY(!retry->isEnabled() && !rerun->isEnabled() && !cancel->isEnabled());

    // The first run fails in unit.
    QVERIFY(window.startRun(RunContext{}).ok());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    const qint64 firstId = monitor->run().id;
    QCOMPARE(monitor->run().status, RunStatus::Failed);
    QTRY_VERIFY(retry->isEnabled());
    QVERIFY(rerun->isEnabled());
    QVERIFY(!cancel->isEnabled());
    QCOMPARE(controls->rerunAction()->shortcut(), QKeySequence(QKeySequence::Refresh));

    // Retry Failed runs unit alone and shows the new run live.
    writeFile(dir + QStringLiteral("/fixed"), "");
    QTest::mouseClick(retry, Qt::LeftButton);
    QVERIFY(!retry->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, runTimeoutMs);
    QVERIFY(monitor->isLive());
    const RunRecord second = monitor->run();
    QVERIFY(second.id > firstId);
    QCOMPARE(second.retryOf, firstId);
    QCOMPARE(second.status, RunStatus::Success);
    const JobRecord *compile = jobNamed(second, QStringLiteral("compile"));
    QVERIFY(compile);
    QCOMPARE(compile->status, JobStatus::Success);
    QCOMPARE(compile->reason, QStringLiteral("reused from run %1").arg(firstId));
    QCOMPARE(lineCount(dir + QStringLiteral("/compile.count")), 1);
    QCOMPARE(lineCount(dir + QStringLiteral("/unit.count")), 2);
    const QModelIndex compileStatus =
        monitor->runModel().indexOfJob(compile->index, RunModel::StatusColumn);
    QCOMPARE(compileStatus.data(RunModel::StatusKeywordRole).toString(), QStringLiteral("success"));

    // Nothing failed now: only Re-run is left, and it runs every job again.
    QTRY_VERIFY(rerun->isEnabled());
    QVERIFY(!retry->isEnabled());
    QTest::mouseClick(rerun, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, runTimeoutMs);
    QCOMPARE(monitor->run().retryOf, second.id);
    QCOMPARE(lineCount(dir + QStringLiteral("/compile.count")), 2);
    QCOMPARE(lineCount(dir + QStringLiteral("/unit.count")), 3);
}

QTEST_MAIN(tst_RunControls)
#include "tst_runcontrols.moc"
