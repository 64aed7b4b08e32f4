#include "core/vcs/branchwatcher.h"
#include "gitfolder.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;

namespace {

constexpr int lookMs = 50;
constexpr int waitMs = 20000;

BranchPush pushAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<BranchPush>();
}

} // namespace

class tst_BranchWatcher : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<BranchPush>(); }
    void init()
    {
        test::failOnWarnings();
        QVERIFY(m_dir.isValid());
    }

    void reportsEachNewCommitWithWhatItChanged()
    {
        const QString repo = m_dir.filePath(QStringLiteral("changes"));
        QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
        const QString first = test::commitFile(repo, QStringLiteral("a.txt"), "one\n");
        QVERIFY(!first.isEmpty());

        BranchWatcher watcher(repo);
        QSignalSpy ready(&watcher, &BranchWatcher::ready);
        QSignalSpy pushed(&watcher, &BranchWatcher::pushed);
        watcher.start(lookMs);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, waitMs);
        // What was there before the watch began is no push.
        QTest::qWait(3 * lookMs);
        QCOMPARE(pushed.size(), 0);

        const QString second = test::commitFile(repo, QStringLiteral("src/b.txt"), "two\n");
        QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, waitMs);
        const BranchPush push = pushAt(pushed, 0);
        QCOMPARE(push.branch, QStringLiteral("main"));
        QCOMPARE(push.commit, second);
        QCOMPARE(push.before, first);
        QVERIFY(push.changedFiles.has_value());
        QCOMPARE(*push.changedFiles, QStringList{QStringLiteral("src/b.txt")});

        // The same head seen again is not reported twice.
        QTest::qWait(3 * lookMs);
        QCOMPARE(pushed.size(), 1);
    }

    void aNewBranchHasNothingToCompareWith()
    {
        const QString repo = m_dir.filePath(QStringLiteral("branches"));
        QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
        const QString first = test::commitFile(repo, QStringLiteral("a.txt"), "one\n");

        BranchWatcher watcher(repo);
        QSignalSpy ready(&watcher, &BranchWatcher::ready);
        QSignalSpy pushed(&watcher, &BranchWatcher::pushed);
        watcher.start(lookMs);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, waitMs);
        QVERIFY(test::git(repo, {QStringLiteral("branch"), QStringLiteral("feature")}));

        QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, waitMs);
        const BranchPush push = pushAt(pushed, 0);
        QCOMPARE(push.branch, QStringLiteral("feature"));
        QCOMPARE(push.commit, first);
        QVERIFY(push.before.isEmpty());
        QVERIFY(!push.changedFiles.has_value());
    }

    void withoutComparingChangesPushesCarryNone()
    {
        const QString repo = m_dir.filePath(QStringLiteral("nocompare"));
        QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
        QVERIFY(!test::commitFile(repo, QStringLiteral("a.txt"), "one\n").isEmpty());

        BranchWatcher watcher(repo);
        QSignalSpy ready(&watcher, &BranchWatcher::ready);
        QSignalSpy pushed(&watcher, &BranchWatcher::pushed);
        watcher.start(lookMs, false);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, waitMs);
        QVERIFY(!test::commitFile(repo, QStringLiteral("a.txt"), "two\n").isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(pushed.size(), 1, waitMs);
        QVERIFY(!pushAt(pushed, 0).changedFiles.has_value());
    }

    void aFolderOutsideAnyRepositoryFailsWithTheReason()
    {
        QTemporaryDir plain;
        BranchWatcher watcher(plain.path());
        QSignalSpy ready(&watcher, &BranchWatcher::ready);
        QSignalSpy failed(&watcher, &BranchWatcher::failed);
        watcher.start(lookMs);

        QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, waitMs);
        const QString message = failed.at(0).at(0).toString();
        QVERIFY2(message.contains(QStringLiteral("git")), qPrintable(message));
        QVERIFY2(message.contains(plain.path()) || message.contains(QStringLiteral("repository")),
                 qPrintable(message));
        QVERIFY(!watcher.isWatching());
        QTest::qWait(3 * lookMs);
        QCOMPARE(ready.size(), 0);
        QCOMPARE(failed.size(), 1);
    }

    void stopEndsTheLooksAndDeletingWhileGitRunsIsSafe()
    {
        const QString repo = m_dir.filePath(QStringLiteral("stop"));
        QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
        QVERIFY(!test::commitFile(repo, QStringLiteral("a.txt"), "one\n").isEmpty());

        BranchWatcher watcher(repo);
        QSignalSpy ready(&watcher, &BranchWatcher::ready);
        QSignalSpy pushed(&watcher, &BranchWatcher::pushed);
        watcher.start(lookMs);
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, waitMs);
        watcher.stop();
        QVERIFY(!test::commitFile(repo, QStringLiteral("a.txt"), "two\n").isEmpty());
        QTest::qWait(5 * lookMs);
        QCOMPARE(pushed.size(), 0);

        // Deleted with its first look under way: the answer must find nothing gone.
        for (int round = 0; round < 5; ++round) {
            auto early = std::make_unique<BranchWatcher>(repo);
            early->start(lookMs);
            early.reset();
            QCoreApplication::processEvents();
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(tst_BranchWatcher)
#include "tst_branchwatcher.moc"
