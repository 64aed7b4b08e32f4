#include "gitfolder.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"
#include "widgets/watch/repositorywatch.h"
#include "widgets/watch/watchcontrol.h"

#include <QAction>
#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int lookMs = 100;
constexpr int runTimeoutMs = 30000;

const QByteArray watchedPipeline = "name: watched\n"
                                   "on: {branches: [main], events: [push]}\n"
                                   "stages:\n"
                                   "  - name: build\n"
                                   "    jobs:\n"
                                   "      - name: say\n"
                                   "        commands: ['echo built $PIPEWRIGHT_COMMIT']\n";

QLabel *watchState(const MainWindow &window)
{
    return window.findChild<QLabel *>(QStringLiteral("watchState"));
}

} // namespace

class RepositoryWatchTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        test::dropPlatformNoise();
        test::useScratchHome(m_home, QStringLiteral("tst_repositorywatch"));
    }
    void init() { test::failOnWarnings(); }

    void aWatchedPipelineRunsForEachCommitItsOnAccepts();
    void theWatchIsRememberedForThePipeline();
    void aFolderOutsideGitCannotBeWatched();

private:
    // A window with the pipeline of `repo` open and looks at the repository every lookMs.
    std::unique_ptr<MainWindow> openWindow(const QString &repo);

    QTemporaryDir m_home;
};

std::unique_ptr<MainWindow> RepositoryWatchTest::openWindow(const QString &repo)
{
    auto window = std::make_unique<MainWindow>();
    window->watchControl()->watch()->setIntervalMs(lookMs);
    window->show();
    window->openPipeline(repo + QStringLiteral("/pipewright.yml"));
    return window;
}

void RepositoryWatchTest::aWatchedPipelineRunsForEachCommitItsOnAccepts()
{
    const QString repo = m_home.filePath(QStringLiteral("runs"));
    QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
    QVERIFY(!test::commitFile(repo, QStringLiteral("pipewright.yml"), watchedPipeline).isEmpty());
    const auto window = openWindow(repo);
    QTRY_VERIFY(window->pipeline() != nullptr);
    QAction *watch = window->watchControl()->action();
    QVERIFY(watch->isEnabled());
    QVERIFY(!watch->isChecked());

    // Switched on, it reads the branches and says so; nothing runs for what is there.
    QSignalSpy finished(window->controller(), &RunController::runFinished);
    watch->trigger();
    QVERIFY(watch->isChecked());
    QTRY_VERIFY(watchState(*window)->isVisible());
    QVERIFY(watchState(*window)->text().contains(QStringLiteral("Watching")));
    QTest::qWait(3 * lookMs);
    QCOMPARE(finished.size(), 0);

    // A commit on main runs, as a push, and the monitor shows it.
    const QString commit = test::commitFile(repo, QStringLiteral("app.txt"), "v2\n");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    const RunRecord run = finished.at(0).at(0).value<RunRecord>();
    QCOMPARE(run.status, RunStatus::Success);
    QCOMPARE(run.branch, QStringLiteral("main"));
    QCOMPARE(run.commit, commit);
    QCOMPARE(run.event, QStringLiteral("push"));
    QCOMPARE(window->monitor()->runModel().run().id, run.id);

    // A branch that on: does not list runs nothing, and the status bar says why.
    QVERIFY(test::git(repo, {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("-b"),
                             QStringLiteral("feature")}));
    QVERIFY(!test::commitFile(repo, QStringLiteral("app.txt"), "v3\n").isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().contains(QStringLiteral("Not running")),
        runTimeoutMs);
    QVERIFY2(window->statusBar()->currentMessage().contains(QStringLiteral("feature")),
             qPrintable(window->statusBar()->currentMessage()));
    QCOMPARE(finished.size(), 1);

    // Switched off, commits run nothing.
    watch->trigger();
    QVERIFY(!watch->isChecked());
    QVERIFY(!watchState(*window)->isVisible());
    QVERIFY(test::git(repo,
                      {QStringLiteral("checkout"), QStringLiteral("-q"), QStringLiteral("main")}));
    QVERIFY(!test::commitFile(repo, QStringLiteral("app.txt"), "v4\n").isEmpty());
    QTest::qWait(5 * lookMs);
    QCOMPARE(finished.size(), 1);
}

void RepositoryWatchTest::theWatchIsRememberedForThePipeline()
{
    const QString repo = m_home.filePath(QStringLiteral("remembered"));
    QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
    QVERIFY(!test::commitFile(repo, QStringLiteral("pipewright.yml"), watchedPipeline).isEmpty());
    {
        const auto window = openWindow(repo);
        QTRY_VERIFY(window->pipeline() != nullptr);
        window->watchControl()->action()->trigger();
        QTRY_VERIFY(watchState(*window)->isVisible());
    }

    // Opened again, the pipeline is watched at once and a commit runs it.
    const auto window = openWindow(repo);
    QTRY_VERIFY(window->pipeline() != nullptr);
    QVERIFY(window->watchControl()->action()->isChecked());
    QTRY_VERIFY(watchState(*window)->isVisible());
    QSignalSpy finished(window->controller(), &RunController::runFinished);
    const QString commit = test::commitFile(repo, QStringLiteral("app.txt"), "v2\n");
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCOMPARE(finished.at(0).at(0).value<RunRecord>().commit, commit);
    window->watchControl()->action()->trigger();
}

void RepositoryWatchTest::aFolderOutsideGitCannotBeWatched()
{
    const QString folder = m_home.filePath(QStringLiteral("plain"));
    QVERIFY(QDir().mkpath(folder));
    QFile file(folder + QStringLiteral("/pipewright.yml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(watchedPipeline);
    file.close();
    const auto window = openWindow(folder);
    QTRY_VERIFY(window->pipeline() != nullptr);

    window->watchControl()->action()->trigger();
    QTRY_VERIFY(!window->watchControl()->action()->isChecked());
    const QString message = window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Cannot watch the repository: ")),
             qPrintable(message));
    QVERIFY(!watchState(*window)->isVisible());
    QVERIFY(!window->watchControl()->watch()->isWatching());
}

QTEST_MAIN(RepositoryWatchTest)
#include "tst_repositorywatch.moc"
