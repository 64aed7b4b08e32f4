#include "core/files/filecatalog.h"
#include "core/report/runreport.h"
#include "filesfixture.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

#include <unistd.h>

using namespace pw;
using namespace pw::files;

namespace {

const JobRecord &job(const RunRecord &run, const QString &name)
{
    static const JobRecord none;
    const int index = test::jobIndex(run, name);
    return index >= 0 ? run.jobs[index] : none;
}

QByteArray policyPipeline(const QByteArray &policy)
{
    return "name: policy\nstages:\n  - name: all\n    jobs:\n"
           "      - name: install\n        isolated: true\n"
           "        cache: {key: deps, files: [lock], paths: [deps], policy: "
           + policy
           + "}\n"
             "        commands: ['test -f deps/x && echo restored || (mkdir -p deps && echo x > "
             "deps/x)']\n";
}

QList<CacheEntry> cacheEntries(test::FilesFixture &fixture)
{
    auto catalog = FileCatalog::open(fixture.settings().storeLocation);
    return catalog.ok() ? (*catalog)->listCaches().value() : QList<CacheEntry>();
}

} // namespace

class tst_FileRun : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void artifactsFlowAlongNeedsAndStopAtArtifactsFalse();
    void artifactsFollowTheirWhen();
    void linksAndPatternsThatLeaveTheWorkspaceAreSkipped();
    void eachPolicyRestoresAndSavesAsItSays_data();
    void eachPolicyRestoresAndSavesAsItSays();
    void aChangedLockFileMissesAndFallsBack();
    void skipOnHitReplaysTheOutputWithoutRunning();
    void cacheAboveTheLimitIsEvicted();
    void parallelJobsSavingOneKeyLeaveOneGoodEntry();
    void cachedFileWrittenInPlaceLeavesTheEntryIntact();
    void isolatedWorkspacesDoNotTrampleEachOther_data();
    void isolatedWorkspacesDoNotTrampleEachOther();
};

void tst_FileRun::artifactsFlowAlongNeedsAndStopAtArtifactsFalse()
{
    test::FilesFixture fixture;
    const RunRecord run = fixture.run(
        "name: flow\nstages:\n"
        "  - name: build\n    jobs:\n"
        "      - name: build\n        isolated: true\n"
        "        commands: ['mkdir -p dist/sub && echo built > dist/app.txt && echo s > "
        "dist/sub/s.txt && echo no > dist/skip.tmp']\n"
        "        artifacts: {paths: [dist/], exclude: ['**/*.tmp'], expire_in: 7d}\n"
        "  - name: test\n    jobs:\n"
        "      - name: with\n        isolated: true\n        needs: [build]\n"
        "        commands: ['cat dist/app.txt', 'test -f dist/sub/s.txt', 'test ! -e "
        "dist/skip.tmp']\n"
        "      - name: without\n        isolated: true\n"
        "        needs: [{job: build, artifacts: false}]\n"
        "        commands: ['test ! -e dist/app.txt']\n"
        "      - name: by-stage\n        isolated: true\n"
        "        commands: ['cat dist/app.txt']\n");

    QCOMPARE(run.status, RunStatus::Success);
    QCOMPARE(job(run, QStringLiteral("build")).artifacts.size(), 2);
    const QByteArray withLog = fixture.log(run.id, test::jobIndex(run, QStringLiteral("with")));
    QVERIFY2(
        withLog.contains("[pipewright] artifacts of build: restored 2 files (8 bytes: 2 copied)"),
        withLog.constData());
    QVERIFY(withLog.contains("built\n"));
    QVERIFY(!fixture.log(run.id, test::jobIndex(run, QStringLiteral("without")))
                 .contains("artifacts of build"));
    QVERIFY(fixture.log(run.id, test::jobIndex(run, QStringLiteral("by-stage"))).contains("built"));

    // The report names each artifact with its size.
    const QJsonObject report = runToJson(run);
    const QJsonObject build =
        report[QStringLiteral("stages")][0][QStringLiteral("jobs")][0].toObject();
    QCOMPARE(build[QStringLiteral("artifacts")].toArray(),
             QJsonArray({QJsonObject{{QStringLiteral("path"), QStringLiteral("dist/app.txt")},
                                     {QStringLiteral("size"), 6}},
                         QJsonObject{{QStringLiteral("path"), QStringLiteral("dist/sub/s.txt")},
                                     {QStringLiteral("size"), 2}}}));
    QVERIFY(build[QStringLiteral("cache")].isNull());
}

void tst_FileRun::artifactsFollowTheirWhen()
{
    test::FilesFixture fixture;
    const RunRecord run = fixture.run(
        "name: when\nstages:\n  - name: all\n    jobs:\n"
        "      - name: fails\n        isolated: true\n        allow_failure: true\n"
        "        commands: ['echo log > report.txt; exit 3']\n"
        "        artifacts: {paths: [report.txt], when: on_failure}\n"
        "      - name: fails-quietly\n        isolated: true\n        allow_failure: true\n"
        "        commands: ['echo log > report.txt; exit 3']\n"
        "        artifacts: {paths: [report.txt]}\n");

    QCOMPARE(job(run, QStringLiteral("fails")).artifacts.size(), 1);
    QCOMPARE(job(run, QStringLiteral("fails-quietly")).artifacts.size(), 0);
    QVERIFY(fixture.log(run.id, test::jobIndex(run, QStringLiteral("fails-quietly")))
                .contains("[pipewright] artifacts: not kept (when: on_success, and the job "
                          "ended failed)"));
}

void tst_FileRun::linksAndPatternsThatLeaveTheWorkspaceAreSkipped()
{
    test::FilesFixture fixture;
    const QString outside = fixture.path(QStringLiteral("secret"));
    fixture.write(QStringLiteral("../secret/key"), "do not take");
    const RunRecord run =
        fixture.run("name: escape\nstages:\n  - name: all\n    jobs:\n"
                    "      - name: sneaky\n        isolated: true\n"
                    "        commands: ['mkdir -p out && echo ok > out/ok && ln -s "
                    + outside.toUtf8() + " out/secret && ln -s " + outside.toUtf8()
                    + " away']\n"
                      "        artifacts: {paths: [out/, away/key]}\n");

    QCOMPARE(run.status, RunStatus::Success);
    const QList<ArtifactRecord> &artifacts = job(run, QStringLiteral("sneaky")).artifacts;
    QCOMPARE(artifacts.size(), 1);
    QCOMPARE(artifacts[0].path, QStringLiteral("out/ok"));
    const QByteArray log = fixture.log(run.id, 0);
    QVERIFY2(log.contains(QByteArray(
                 QByteArray("[pipewright] artifacts: warning: symbolic link 'out/secret' "
                            "skipped, not followed: it points to the absolute path ")
                 + outside.toUtf8())),
             log.constData());
    QVERIFY(log.contains("[pipewright] artifacts: warning: path 'away/key' refused: it passes "
                         "through the symbolic link 'away', which is not followed"));
}

void tst_FileRun::eachPolicyRestoresAndSavesAsItSays_data()
{
    QTest::addColumn<QByteArray>("policy");
    QTest::addColumn<int>("entriesAfterFirstRun");
    QTest::addColumn<bool>("secondRunHits");
    QTest::newRow("pull-push restores and saves") << QByteArray("pull-push") << 1 << true;
    QTest::newRow("pull restores but never saves") << QByteArray("pull") << 0 << false;
    QTest::newRow("push saves but never restores") << QByteArray("push") << 1 << false;
}

void tst_FileRun::eachPolicyRestoresAndSavesAsItSays()
{
    QFETCH(QByteArray, policy);
    QFETCH(int, entriesAfterFirstRun);
    QFETCH(bool, secondRunHits);
    test::FilesFixture fixture;
    fixture.write(QStringLiteral("lock"), "v1");

    const RunRecord first = fixture.run(policyPipeline(policy));
    QCOMPARE(first.status, RunStatus::Success);
    QCOMPARE(cacheEntries(fixture).size(), entriesAfterFirstRun);
    const RunRecord second = fixture.run(policyPipeline(policy));

    const JobRecord &install = job(second, QStringLiteral("install"));
    QVERIFY(install.cache);
    QCOMPARE(install.cache->hit, secondRunHits);
    QCOMPARE(fixture.log(second.id, 0).contains("restored\n"), secondRunHits);
    QCOMPARE(cacheEntries(fixture).size(), entriesAfterFirstRun);
    if (policy == "push")
        QVERIFY(fixture.log(second.id, 0).contains(": not looked up (policy push)"));
}

void tst_FileRun::aChangedLockFileMissesAndFallsBack()
{
    test::FilesFixture fixture;
    const QByteArray yaml =
        "name: fallback\nstages:\n  - name: all\n    jobs:\n"
        "      - name: install\n        isolated: true\n"
        "        cache: {key: deps, files: [lock], paths: [deps], fallback_keys: [deps-, none]}\n"
        "        commands: ['test -f deps/x && echo restored || (mkdir -p deps && echo x > "
        "deps/x)']\n";
    fixture.write(QStringLiteral("lock"), "v1");
    const RunRecord first = fixture.run(yaml);
    fixture.write(QStringLiteral("lock"), "v2");
    const RunRecord second = fixture.run(yaml);

    const CacheUse firstUse = *job(first, QStringLiteral("install")).cache;
    const CacheUse secondUse = *job(second, QStringLiteral("install")).cache;
    QVERIFY(firstUse.key != secondUse.key);
    QCOMPARE(secondUse.hit, false);
    QCOMPARE(secondUse.restoredFrom, firstUse.key);
    const QByteArray log = fixture.log(second.id, 0);
    QVERIFY2(log.contains(
                 QByteArray(QByteArray("[pipewright] cache 1: input lock sha256 ")
                            + QCryptographicHash::hash("v2", QCryptographicHash::Sha256).toHex())),
             log.constData());
    QVERIFY(log.contains(
        QByteArray(QByteArray(": miss: no usable entry for the key ") + secondUse.key.toUtf8())));
    QVERIFY(log.contains(
        QByteArray(QByteArray(": restored ") + firstUse.key.toUtf8()
                   + QByteArray(", the newest entry matching the fallback key deps-"))));
    QVERIFY(log.contains("restored\n"));
    // Both keys now have an entry: a miss saves under the new key.
    QCOMPARE(cacheEntries(fixture).size(), 2);

    const QJsonObject report = runToJson(second);
    const QJsonObject cache =
        report[QStringLiteral("stages")][0][QStringLiteral("jobs")][0][QStringLiteral("cache")]
            .toObject();
    QCOMPARE(cache[QStringLiteral("key")].toString(), secondUse.key);
    QCOMPARE(cache[QStringLiteral("hit")].toBool(), false);
    QCOMPARE(cache[QStringLiteral("restoredFrom")].toString(), firstUse.key);
}

void tst_FileRun::skipOnHitReplaysTheOutputWithoutRunning()
{
    test::FilesFixture fixture;
    fixture.write(QStringLiteral("lock"), "v1");
    const QString marker = fixture.path(QStringLiteral("ran"));
    const QByteArray yaml =
        "name: skip\nstages:\n  - name: all\n    jobs:\n"
        "      - name: build\n        isolated: true\n"
        "        cache: {key: out, files: [lock], paths: [out], skip_on_hit: true}\n"
        "        artifacts: {paths: [out/]}\n"
        "        commands: ['echo ran >> "
        + marker.toUtf8() + "', 'mkdir -p out && echo product > out/p', 'echo compiled 3 files']\n";

    const RunRecord first = fixture.run(yaml);
    const RunRecord second = fixture.run(yaml);

    QCOMPARE(test::readFile(marker), QByteArray("ran\n"));
    const JobRecord &skipped = job(second, QStringLiteral("build"));
    QCOMPARE(skipped.status, JobStatus::Success);
    QVERIFY(skipped.cacheHit);
    QVERIFY(!job(first, QStringLiteral("build")).cacheHit);
    const QByteArray log = fixture.log(second.id, 0);
    QVERIFY2(log.contains("compiled 3 files\n"), log.constData());
    QVERIFY(log.contains("skip_on_hit: the key out-"));
    // Its cached paths were restored, so its artifacts are there as after a real run.
    QCOMPARE(skipped.artifacts.size(), 1);
    QCOMPARE(runToJson(second)[QStringLiteral("stages")][0][QStringLiteral("jobs")][0]
                              [QStringLiteral("cacheHit")]
                                  .toBool(),
             true);
}

void tst_FileRun::cacheAboveTheLimitIsEvicted()
{
    test::FilesFixture fixture;
    fixture.settings().cacheLimit = 1500;
    const QByteArray yaml =
        "name: evict\nstages:\n  - name: all\n    jobs:\n"
        "      - name: fill\n        isolated: true\n"
        "        cache: {key: big, files: [lock], paths: [deps]}\n"
        "        commands: ['mkdir -p deps && head -c 1000 /dev/zero > deps/x && "
        "cat lock >> deps/x']\n";
    fixture.write(QStringLiteral("lock"), "v1");
    fixture.run(yaml);
    fixture.write(QStringLiteral("lock"), "v2");
    const RunRecord second = fixture.run(yaml);

    const QList<CacheEntry> entries = cacheEntries(fixture);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries[0].key, job(second, QStringLiteral("fill")).cache->key);
    QVERIFY(fixture.log(second.id, 0).contains("[pipewright] cache: evicted big-"));
}

void tst_FileRun::parallelJobsSavingOneKeyLeaveOneGoodEntry()
{
    test::FilesFixture fixture;
    const RunRecord run = fixture.run(
        "name: race\nstages:\n  - name: all\n    jobs:\n"
        "      - name: a\n        isolated: true\n        cache: {key: shared, paths: [deps]}\n"
        "        commands: ['mkdir -p deps && seq 1 20000 > deps/list && echo a > deps/who']\n"
        "      - name: b\n        isolated: true\n        cache: {key: shared, paths: [deps]}\n"
        "        commands: ['mkdir -p deps && seq 1 20000 > deps/list && echo b > deps/who']\n",
        2);

    QCOMPARE(run.status, RunStatus::Success);
    const QList<CacheEntry> entries = cacheEntries(fixture);
    QCOMPARE(entries.size(), 1);
    const QByteArray logs = fixture.log(run.id, 0) + fixture.log(run.id, 1);
    QCOMPARE(logs.count("cache shared: saved 2 files"), 1);
    QCOMPARE(logs.count("cache shared: not saved"), 1);

    // The entry restores whole, with the content of the job that saved it.
    const RunRecord reader = fixture.run("name: read\nstages:\n  - name: all\n    jobs:\n"
                                         "      - name: r\n        isolated: true\n"
                                         "        cache: {key: shared, paths: [deps]}\n"
                                         "        commands: ['cat deps/who', 'test $(wc -l < "
                                         "deps/list) -eq 20000']\n");
    QCOMPARE(reader.status, RunStatus::Success);
    const QByteArray who = entries[0].job == 0 ? "a\n" : "b\n";
    const QByteArray readerLog = fixture.log(reader.id, 0);
    const QByteArray saver = fixture.log(run.id, 0).contains("saved 2 files") ? "a" : "b";
    QVERIFY2(readerLog.contains(QByteArray(QByteArray("\n") + who)),
             qPrintable(QStringLiteral("entry of job %1 (saved by %2):\n%3")
                            .arg(entries[0].job)
                            .arg(QString::fromLatin1(saver), QString::fromUtf8(readerLog))));
}

void tst_FileRun::cachedFileWrittenInPlaceLeavesTheEntryIntact()
{
    test::FilesFixture fixture;
    const QByteArray job = "name: rewrite\nstages:\n  - name: all\n    jobs:\n"
                           "      - name: r\n        isolated: true\n"
                           "        cache: {key: kept, paths: [deps], policy: pull-push}\n"
                           "        commands: ['cat deps/who || true', 'mkdir -p deps',"
                           " 'echo %1 > deps/who']\n";
    QCOMPARE(fixture.run(QByteArray(job).replace("%1", "one")).status, RunStatus::Success);

    // A job that writes the restored file in place (no new file, no rename) changes its own
    // copy only: as an ordinary user it is refused (the file is the store's, read-only), as
    // root it gets a copy of its own.
    const RunRecord rewrite = fixture.run(QByteArray(job).replace("%1", "two"));
    if (::geteuid() == 0) {
        QCOMPARE(rewrite.status, RunStatus::Success);
    } else {
        QCOMPARE(rewrite.status, RunStatus::Failed);
        QVERIFY(fixture.log(rewrite.id, 0).contains("Permission denied"));
    }

    const RunRecord reader = fixture.run(QByteArray(job).replace("%1", "three"));
    const QByteArray log = fixture.log(reader.id, 0);
    QVERIFY2(log.contains("$ cat deps/who || true\none\n"), log.constData());
}

void tst_FileRun::isolatedWorkspacesDoNotTrampleEachOther_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("workspaces are removed when the run ends") << false;
    QTest::newRow("workspaces are kept with keep-workspaces") << true;
}

void tst_FileRun::isolatedWorkspacesDoNotTrampleEachOther()
{
    QFETCH(bool, keep);
    test::FilesFixture fixture;
    fixture.settings().keepWorkspaces = keep;
    fixture.write(QStringLiteral("shared.txt"), "source\n");
    fixture.write(QStringLiteral("lib/code.c"), "int x;\n");
    QByteArray yaml = "name: parallel\nstages:\n  - name: all\n    jobs:\n";
    for (const char *name : {"one", "two", "three"}) {
        yaml += QByteArray("      - name: ") + name
                + "\n        isolated: true\n"
                  "        commands: ['test -f lib/code.c', 'echo "
                + name + " > shared.txt', 'sleep 0.3', 'test \"$(cat shared.txt)\" = " + name
                + "']\n";
    }
    const RunRecord run = fixture.run(yaml, 3);

    QCOMPARE(run.status, RunStatus::Success);
    QCOMPARE(test::readFile(fixture.source() + QStringLiteral("/shared.txt")),
             QByteArray("source\n"));
    const QString workspaces = fixture.settings().runWorkspaces(run.id);
    QCOMPARE(QDir(workspaces).exists(), keep);
    if (keep) {
        QCOMPARE(
            test::readFile(fixture.settings().workspace(run.id, 1) + QStringLiteral("/shared.txt")),
            QByteArray("two\n"));
    }
    QVERIFY(fixture.log(run.id, 0).contains("[pipewright] workspace: 2 files (14 bytes) and 0 "
                                            "links copied by a folder walk into"));
}

QTEST_GUILESS_MAIN(tst_FileRun)
#include "tst_filerun.moc"
