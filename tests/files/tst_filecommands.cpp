#include "filesfixture.h"
#include "pwctlprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace pw;
using namespace pw::test;

namespace {

const QByteArray pipeline = "name: files\nstages:\n  - name: build\n    jobs:\n"
                            "      - name: build\n        isolated: true\n"
                            "        cache: {key: deps, files: [lock], paths: [deps]}\n"
                            "        artifacts: {paths: [dist/], expire_in: 1s}\n"
                            "        commands: ['mkdir -p dist deps && echo built > dist/app.txt "
                            "&& echo d > deps/d']\n";

QJsonObject firstJob(const PwctlResult &result)
{
    return result.json()[QStringLiteral("stages")][0][QStringLiteral("jobs")][0].toObject();
}

} // namespace

class tst_FileCommands : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void runReportsArtifactsAndCacheInJson();
    void artifactsAreListedAndCopiedOut();
    void artifactCommandsExplainBadInput_data();
    void artifactCommandsExplainBadInput();
    void cacheCommandsShowAndClear();
    void gcRemovesExpiredArtifacts();
    void keepWorkspacesKeepsThem_data();
    void keepWorkspacesKeepsThem();

private:
    QString file() const { return m_dir.filePath(QStringLiteral("src/files.yml")); }
    QString data() const { return m_dir.filePath(QStringLiteral("data/pipewright")); }
    qint64 runOnce(const QStringList &extra = {});

    QTemporaryDir m_dir;
};

void tst_FileCommands::initTestCase()
{
    // The history and the stored files go to the default data folder, which this moves.
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("data"))));
    qunsetenv("PIPEWRIGHT_DB");
    qunsetenv("PIPEWRIGHT_CACHE_LIMIT");
    QDir().mkpath(m_dir.filePath(QStringLiteral("src")));
    QFile yaml(file());
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write(pipeline);
    QFile lock(m_dir.filePath(QStringLiteral("src/lock")));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write("v1");
}

void tst_FileCommands::init()
{
    failOnWarnings();
}

qint64 tst_FileCommands::runOnce(const QStringList &extra)
{
    const PwctlResult result =
        runPwctl(QStringList{QStringLiteral("run"), file(), QStringLiteral("--json")} + extra);
    if (result.exitCode != 0)
        qInfo().noquote() << result.err;
    return result.json()[QStringLiteral("id")].toInteger();
}

void tst_FileCommands::runReportsArtifactsAndCacheInJson()
{
    runPwctl({QStringLiteral("cache"), QStringLiteral("clear")});
    const PwctlResult result = runPwctl({QStringLiteral("run"), file(), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);

    const QJsonObject job = firstJob(result);
    QCOMPARE(job[QStringLiteral("artifacts")].toArray(),
             QJsonArray({QJsonObject{{QStringLiteral("path"), QStringLiteral("dist/app.txt")},
                                     {QStringLiteral("size"), 6}}}));
    const QJsonObject cache = job[QStringLiteral("cache")].toObject();
    QVERIFY(cache[QStringLiteral("key")].toString().startsWith(QStringLiteral("deps-")));
    QCOMPARE(cache[QStringLiteral("hit")].toBool(), false);
    QVERIFY(cache[QStringLiteral("restoredFrom")].isNull());

    // The history gives back the same report, artifacts and cache use included.
    const QString id = QString::number(result.json()[QStringLiteral("id")].toInteger());
    const PwctlResult shown = runPwctl({QStringLiteral("show"), id, QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json(), result.json());
    QVERIFY(QFile::exists(data() + QStringLiteral("/history.sqlite")));
    QVERIFY(QDir(data() + QStringLiteral("/blobs")).exists());
}

void tst_FileCommands::artifactsAreListedAndCopiedOut()
{
    const qint64 run = runOnce();
    QVERIFY(run > 0);
    const QString id = QString::number(run);

    const PwctlResult listed = runPwctl({QStringLiteral("artifacts"), id});
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains("dist/app.txt"), listed.out.constData());
    QVERIFY(listed.out.startsWith("build "));

    const QString out = m_dir.filePath(QStringLiteral("out"));
    const PwctlResult got =
        runPwctl({QStringLiteral("artifacts"), QStringLiteral("get"), id, QStringLiteral("build"),
                  QStringLiteral("dist"), QStringLiteral("--to"), out});
    QCOMPARE(got.exitCode, 0);
    QCOMPARE(readFile(out + QStringLiteral("/dist/app.txt")), QByteArray("built\n"));
}

void tst_FileCommands::artifactCommandsExplainBadInput_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("a run id that is not a number")
        << QStringList{QStringLiteral("artifacts"), QStringLiteral("abc")}
        << "pwctl: 'abc' is not a run id; run ids are positive numbers";
    QTest::newRow("get without a destination")
        << QStringList{QStringLiteral("artifacts"), QStringLiteral("get"), QStringLiteral("1"),
                       QStringLiteral("build"), QStringLiteral("dist")}
        << "pwctl: artifacts get needs --to DIR";
    QTest::newRow("get of a path the job did not keep") << QStringList{
        QStringLiteral("artifacts"), QStringLiteral("get"),     QStringLiteral("1"),
        QStringLiteral("build"),     QStringLiteral("nothing"), QStringLiteral("--to"),
        QStringLiteral("x")} << "pwctl: run 1 has no artifact nothing of job build";
    QTest::newRow("an unknown cache action")
        << QStringList{QStringLiteral("cache"), QStringLiteral("drop")}
        << "pwctl: usage: cache list|clear|stats";
}

void tst_FileCommands::artifactCommandsExplainBadInput()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const PwctlResult result = runPwctl(arguments, m_dir.path());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.startsWith(message.toUtf8()), result.err.constData());
}

void tst_FileCommands::cacheCommandsShowAndClear()
{
    runPwctl({QStringLiteral("cache"), QStringLiteral("clear")});
    runOnce();
    const PwctlResult second = runPwctl({QStringLiteral("run"), file(), QStringLiteral("--json")});
    QCOMPARE(firstJob(second)[QStringLiteral("cache")][QStringLiteral("hit")].toBool(), true);

    const PwctlResult stats = runPwctl({QStringLiteral("cache"), QStringLiteral("stats")});
    QCOMPARE(stats.exitCode, 0);
    QVERIFY2(stats.out.contains("entries  1\n"), stats.out.constData());
    QVERIFY(stats.out.contains("lookups  2\nhits     1\nhit rate 50.0%\n"));
    const PwctlResult list = runPwctl({QStringLiteral("cache"), QStringLiteral("list")});
    QVERIFY(list.out.startsWith("deps-"));
    QVERIFY(list.out.contains("1 files     1 hits"));

    const PwctlResult cleared = runPwctl({QStringLiteral("cache"), QStringLiteral("clear")});
    QVERIFY2(cleared.out.startsWith("removed 1 cache entries and "), cleared.out.constData());
    QCOMPARE(runPwctl({QStringLiteral("cache"), QStringLiteral("list")}).out, QByteArray());
}

void tst_FileCommands::gcRemovesExpiredArtifacts()
{
    const qint64 run = runOnce();
    QVERIFY(run > 0);
    QTest::qWait(1200); // the artifacts expire after a second
    const PwctlResult gc =
        runPwctl({QStringLiteral("gc"), QStringLiteral("--grace"), QStringLiteral("0s")});
    QCOMPARE(gc.exitCode, 0);
    QVERIFY2(gc.out.startsWith("removed "), gc.out.constData());
    QVERIFY(!gc.out.startsWith("removed 0 expired"));

    const PwctlResult listed = runPwctl({QStringLiteral("artifacts"), QString::number(run)});
    QCOMPARE(listed.out, QByteArray());
    QVERIFY(listed.err.contains("no artifacts for run"));
}

void tst_FileCommands::keepWorkspacesKeepsThem_data()
{
    QTest::addColumn<bool>("keep");
    QTest::newRow("a run removes its workspaces") << false;
    QTest::newRow("--keep-workspaces keeps them") << true;
}

void tst_FileCommands::keepWorkspacesKeepsThem()
{
    QFETCH(bool, keep);
    const qint64 run =
        runOnce(keep ? QStringList{QStringLiteral("--keep-workspaces")} : QStringList());
    QVERIFY(run > 0);
    const QString workspace = data() + QStringLiteral("/workspaces/run-%1/job-0").arg(run);
    QCOMPARE(QFile::exists(workspace + QStringLiteral("/dist/app.txt")), keep);
}

QTEST_GUILESS_MAIN(tst_FileCommands)
#include "tst_filecommands.moc"
