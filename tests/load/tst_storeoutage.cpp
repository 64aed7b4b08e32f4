// The history store (PostgreSQL) going away while `pwctl run` runs: the run goes on, its
// records are held and written once the server is back, and the user is told both times.
// A store that cannot be reached at the start is a clear error.
#include "core/record/storewriter.h"
#include "core/store/runstore.h"
#include "core/store/storepassword.h"
#include "gitfolder.h"
#include "loadsupport.h"
#include "postgresserver.h"
#include "pwctlprocess.h"
#include "testsupport.h"
#include "toleratedwarnings.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <csignal>

using namespace pw;
using namespace pw::test;

namespace {

const QByteArray unreachableWarning = "pwctl: warning: the history store is unreachable; the run "
                                      "goes on and its records are held: ";
const QByteArray waitingLine = "pwctl: the run has ended; waiting for the history store to take "
                               "its records (Ctrl-C gives up on them)\n";
const QByteArray backAgainLine =
    "pwctl: the history store answers again; the held records are written\n";

// pwctl with its stderr gathered as it comes, so that a test can wait for a line.
class RunningPwctl
{
public:
    RunningPwctl(const QStringList &arguments, QObject *parent, const QString &folder)
        : m_process(startPwctl(arguments, parent, folder))
    {
        QObject::connect(m_process, &QProcess::readyReadStandardError, m_process,
                         [this] { m_err += m_process->readAllStandardError(); });
    }
    ~RunningPwctl()
    {
        if (m_process->state() != QProcess::NotRunning) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }

    QProcess &process() { return *m_process; }
    const QByteArray &err() const { return m_err; }
    bool isRunning() const { return m_process->state() != QProcess::NotRunning; }
    // Waits for the end; -1 when it did not end in time or crashed.
    int finish(int timeoutMs)
    {
        if (!m_process->waitForFinished(timeoutMs))
            return -1;
        m_err += m_process->readAllStandardError();
        return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
    }

private:
    QProcess *m_process;
    QByteArray m_err;
};

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

// What follows `lead` in `text`, to the end of its line.
QByteArray reasonAfter(const QByteArray &text, const QByteArray &lead)
{
    const qsizetype start = text.indexOf(lead);
    if (start < 0)
        return {};
    const qsizetype end = text.indexOf('\n', start);
    return text.mid(start + lead.size(), end < 0 ? -1 : end - start - lead.size());
}

} // namespace

class StoreOutageTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void runGoesOnWhileTheStoreIsAway_data();
    void runGoesOnWhileTheStoreIsAway();
    void interruptGivesUpOnHeldRecords_data();
    void interruptGivesUpOnHeldRecords();
    void gateWaitsForTheStoreToComeBack();
    void cachedJobFailsClearlyWhileTheStoreIsAway();
    void watchTellsOfTheStoreGoingAndComingBack();
    void writerKeepsOrderWhileReopeningWaits();
    void storeUnreachableAtStartIsAClearError_data();
    void storeUnreachableAtStartIsAClearError();

private:
    QString writePipeline(const PipelineShape &shape);
    // `pwctl watch --max-runs 1` of a new repository with `shape` as its pipeline, once it
    // watches and a commit is made for it to run; null when that failed.
    std::unique_ptr<RunningPwctl> startWatch(const PipelineShape &shape);

    std::unique_ptr<PostgresServer> m_server;
    QString m_location;
    QTemporaryDir m_dir;
    int m_pipelines = 0;
};

void StoreOutageTest::initTestCase()
{
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));

    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_location = m_server->historyUrl();
    QVERIFY(m_dir.isValid());
    // The runs' workspaces, artifacts and caches stay inside the test's folder.
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
}

void StoreOutageTest::init()
{
    failOnWarnings();
}

void StoreOutageTest::cleanup()
{
    // A test that failed half-way must not leave the next one without a server.
    if (m_server && !m_server->isRunning())
        QVERIFY(m_server->restart());
}

QString StoreOutageTest::writePipeline(const PipelineShape &shape)
{
    const QString path = m_dir.filePath(QStringLiteral("pipeline-%1.yml").arg(++m_pipelines));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pipelineText(shape));
    return path;
}

void StoreOutageTest::runGoesOnWhileTheStoreIsAway_data()
{
    QTest::addColumn<int>("lines"); // per job, 100 ms apart
    QTest::addColumn<int>("awayAfterMs");
    QTest::addColumn<int>("awayForMs");
    QTest::addColumn<bool>("endsWhileAway");

    // Two stages of three jobs: about 12 s of output; the server is away for 4 s of it.
    QTest::newRow("the server goes away mid-run and is back before the run ends")
        << 60 << 2000 << 4000 << false;
    // About 3 s of output; the server is away for 12 s: the run ends while it is away.
    QTest::newRow("the server is still away when the run's last job ends")
        << 15 << 1000 << 12000 << true;
}

void StoreOutageTest::runGoesOnWhileTheStoreIsAway()
{
    QFETCH(int, lines);
    QFETCH(int, awayAfterMs);
    QFETCH(int, awayForMs);
    QFETCH(bool, endsWhileAway);

    PipelineShape shape;
    shape.name = QStringLiteral("outage%1").arg(m_pipelines + 1);
    shape.stages = 2;
    shape.jobsPerStage = 3;
    shape.lines = lines;
    shape.lineDelayMs = 100;
    const QString file = writePipeline(shape);
    RunningPwctl pwctl({QStringLiteral("run"), file, QStringLiteral("--db"), m_location,
                        QStringLiteral("--jobs"), QStringLiteral("3")},
                       this, m_dir.path());
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains("start   s0j2"), pwctl.err().constData(), 30000);

    // Jobs print while the server is away: their output is held, not lost.
    QTest::qWait(awayAfterMs);
    QVERIFY(m_server->stop());
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains(unreachableWarning), pwctl.err().constData(),
                              15000);
    QVERIFY2(pwctl.err().contains("the server cannot be reached")
                 || pwctl.err().contains("Connection refused"),
             pwctl.err().constData());
    QTest::qWait(awayForMs);
    QVERIFY2(pwctl.isRunning(), pwctl.err().constData());
    QVERIFY2(!pwctl.err().contains(backAgainLine), pwctl.err().constData());
    QCOMPARE(pwctl.err().contains(waitingLine), endsWhileAway);
    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));

    const int exitCode = pwctl.finish(60000);
    QVERIFY2(exitCode == 0, pwctl.err().constData());
    QVERIFY2(pwctl.err().contains(backAgainLine), pwctl.err().constData());
    QVERIFY2(!pwctl.err().contains("some records were not written"), pwctl.err().constData());
    QCOMPARE(pwctl.err().count(unreachableWarning), 1);
    // Said once: no log line of the writer's repeats it.
    QCOMPARE(pwctl.err().count(reasonAfter(pwctl.err(), unreachableWarning)), 1);

    // Everything the run did is in the store, once, byte for byte.
    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    const Result<QList<qint64>> runs = runsOf(**store, shape.name);
    QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().message));
    QCOMPARE(runs->size(), 1);
    const Status complete = checkRunIsComplete(**store, runs->first(), shape);
    QVERIFY2(complete, qPrintable(errorOf(complete)));
}

void StoreOutageTest::interruptGivesUpOnHeldRecords_data()
{
    QTest::addColumn<bool>("watch");

    QTest::newRow("pwctl run") << false;
    QTest::newRow("pwctl watch, for the run it started") << true;
}

void StoreOutageTest::interruptGivesUpOnHeldRecords()
{
    QFETCH(bool, watch);

    PipelineShape shape;
    shape.name = watch ? QStringLiteral("watchgivenup") : QStringLiteral("givenup");
    shape.stages = 1;
    shape.jobsPerStage = 2;
    shape.lines = 10;
    shape.lineDelayMs = 100;
    std::unique_ptr<RunningPwctl> started;
    if (watch) {
        started = startWatch(shape);
    } else {
        started =
            std::make_unique<RunningPwctl>(QStringList{QStringLiteral("run"), writePipeline(shape),
                                                       QStringLiteral("--db"), m_location},
                                           this, m_dir.path());
    }
    QVERIFY(started);
    RunningPwctl &pwctl = *started;
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains("start   s0j"), pwctl.err().constData(), 30000);
    QVERIFY(m_server->stop());

    // The run ends while the server is away; pwctl waits for the store until told not to.
    static const QRegularExpression runEnded(QStringLiteral(" run \\d+ success in "));
    QTRY_VERIFY2_WITH_TIMEOUT(QString::fromUtf8(pwctl.err()).contains(runEnded),
                              pwctl.err().constData(), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains(waitingLine), pwctl.err().constData(), 10000);
    QVERIFY2(pwctl.isRunning(), pwctl.err().constData());
    ::kill(pid_t(pwctl.process().processId()), SIGINT);
    QCOMPARE(pwctl.finish(30000), 0);
    QVERIFY2(pwctl.err().contains("pwctl: not waiting any longer for the history store\n"),
             pwctl.err().constData());
    QVERIFY2(pwctl.err().contains("pwctl: warning: the history store was unreachable at the end "
                                  "of the run; some records were not written: "),
             pwctl.err().constData());
}

void StoreOutageTest::gateWaitsForTheStoreToComeBack()
{
    const QString file = m_dir.filePath(QStringLiteral("gated.yml"));
    QFile text(file);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("name: gated\n"
               "stages:\n"
               "  - name: build\n"
               "    jobs:\n"
               "      - name: compile\n"
               "        commands: ['echo compiled']\n"
               "  - name: deploy\n"
               "    gate: {approvers: [ci], allow_self_approval: true}\n"
               "    jobs:\n"
               "      - name: ship\n"
               "        commands: ['echo shipped']\n");
    text.close();
    RunningPwctl pwctl({QStringLiteral("run"), file, QStringLiteral("--db"), m_location,
                        QStringLiteral("--poll-interval"), QStringLiteral("0.5")},
                       this, m_dir.path());
    static const QRegularExpression waiting(
        QStringLiteral("waiting stage deploy .*decide with: pwctl approve (\\d+) deploy"));
    QRegularExpressionMatch found;
    QTRY_VERIFY2_WITH_TIMEOUT((found = waiting.match(QString::fromUtf8(pwctl.err()))).hasMatch(),
                              pwctl.err().constData(), 30000);
    const QString runId = found.captured(1);
    QTest::qWait(1000);

    // While the server is away a decision cannot be made, and says why; the run waits.
    QVERIFY(m_server->stop());
    const QStringList approve = {QStringLiteral("approve"), runId, QStringLiteral("deploy"),
                                 QStringLiteral("--db"), m_location};
    const PwctlResult refused = runPwctl(approve, m_dir.path());
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.startsWith("pwctl: cannot open the history store at "),
             refused.err.constData());
    QTest::qWait(1500);
    QVERIFY2(pwctl.isRunning(), pwctl.err().constData());
    QVERIFY2(!pwctl.err().contains("start   ship"), pwctl.err().constData());

    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));
    const PwctlResult approved = runPwctl(approve, m_dir.path());
    QVERIFY2(approved.exitCode == 0, approved.err.constData());
    QCOMPARE(pwctl.finish(60000), 0);
    QVERIFY2(pwctl.err().contains("gate    stage deploy: approved by ci"), pwctl.err().constData());
    QVERIFY2(pwctl.err().contains("success ship"), pwctl.err().constData());
}

void StoreOutageTest::cachedJobFailsClearlyWhileTheStoreIsAway()
{
    // The cache's entries are recorded in the store: a job that looks one up while the server
    // is away fails at once, saying so, and the run ends failed instead of waiting.
    const QString file = m_dir.filePath(QStringLiteral("cached.yml"));
    QFile text(file);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("name: cached\n"
               "stages:\n"
               "  - name: build\n"
               "    jobs:\n"
               "      - name: warmup\n"
               "        commands: ['sleep 4']\n"
               "      - name: deps\n"
               "        needs: [warmup]\n"
               "        cache: {key: vendor, paths: [vendor]}\n"
               "        commands: [mkdir -p vendor, 'echo built > vendor/out.txt']\n");
    text.close();
    RunningPwctl pwctl({QStringLiteral("run"), file, QStringLiteral("--db"), m_location}, this,
                       m_dir.path());
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains("start   warmup"), pwctl.err().constData(),
                              30000);
    QVERIFY(m_server->stop());
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains(waitingLine), pwctl.err().constData(), 30000);
    const QByteArray failed =
        "failed  deps: cannot open the history store at " + m_location.toUtf8() + ": ";
    QVERIFY2(pwctl.err().contains(failed), pwctl.err().constData());

    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));
    QCOMPARE(pwctl.finish(60000), 1);
    QVERIFY2(pwctl.err().contains(backAgainLine), pwctl.err().constData());
    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY(store);
    const Result<QList<qint64>> runs = runsOf(**store, QStringLiteral("cached"));
    QVERIFY(runs && runs->size() == 1);
    const Result<RunRecord> run = (*store)->loadRun(runs->first());
    QVERIFY(run);
    QCOMPARE(run->status, RunStatus::Failed);
    QCOMPARE(run->jobs.at(1).status, JobStatus::Failed);
    QVERIFY2(run->jobs.at(1).reason.startsWith(QLatin1String("cannot open the history store")),
             qPrintable(run->jobs.at(1).reason));
}

std::unique_ptr<RunningPwctl> StoreOutageTest::startWatch(const PipelineShape &shape)
{
    const QString repo = m_dir.filePath(shape.name + QStringLiteral("-repository"));
    if (!initGitRepository(repo, QStringLiteral("main"))
        || commitFile(repo, QStringLiteral("pipewright.yml"), pipelineText(shape)).isEmpty())
        return nullptr;
    auto pwctl = std::make_unique<RunningPwctl>(
        QStringList{QStringLiteral("watch"), repo + QStringLiteral("/pipewright.yml"),
                    QStringLiteral("--interval"), QStringLiteral("0.2"),
                    QStringLiteral("--max-runs"), QStringLiteral("1"), QStringLiteral("--db"),
                    m_location},
        this, m_dir.path());
    if (!QTest::qWaitFor([&] { return pwctl->err().contains("pwctl: watching "); }, 30000))
        return nullptr;
    if (commitFile(repo, QStringLiteral("change.txt"), "new\n").isEmpty())
        return nullptr;
    return pwctl;
}

void StoreOutageTest::watchTellsOfTheStoreGoingAndComingBack()
{
    PipelineShape shape;
    shape.name = QStringLiteral("watched");
    shape.stages = 1;
    shape.jobsPerStage = 2;
    shape.lines = 40;
    shape.lineDelayMs = 100;
    const std::unique_ptr<RunningPwctl> watch = startWatch(shape);
    QVERIFY(watch);
    RunningPwctl &pwctl = *watch;
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains("start   s0j1"), pwctl.err().constData(), 30000);

    // The watcher's runs go on as a single run does, and it tells the user the same way.
    QTest::qWait(500);
    QVERIFY(m_server->stop());
    QTRY_VERIFY2_WITH_TIMEOUT(pwctl.err().contains(unreachableWarning), pwctl.err().constData(),
                              15000);
    QTest::qWait(1000);
    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));
    QCOMPARE(pwctl.finish(60000), 0);
    QVERIFY2(pwctl.err().contains(backAgainLine), pwctl.err().constData());
    QCOMPARE(pwctl.err().count(reasonAfter(pwctl.err(), unreachableWarning)), 1);

    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY(store);
    const Result<QList<qint64>> runs = runsOf(**store, shape.name);
    QVERIFY(runs && runs->size() == 1);
    const Status complete = checkRunIsComplete(**store, runs->first(), shape);
    QVERIFY2(complete, qPrintable(errorOf(complete)));
}

void StoreOutageTest::writerKeepsOrderWhileReopeningWaits()
{
    // pwctl asks the keychain for the store's password each time the writer opens the store
    // again, which waits in an event loop; batches that arrive meanwhile must queue behind
    // the ones being written, not start a second write of the same queue.
    setStorePasswordProvider([](const StoreLocation &) -> std::optional<QString> {
        QEventLoop loop;
        QTimer::singleShot(100, &loop, &QEventLoop::quit);
        loop.exec();
        return std::nullopt;
    });
    const auto forgetProvider = qScopeGuard([] { setStorePasswordProvider({}); });
    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY(store);
    RunRecord run;
    run.pipeline = QStringLiteral("reopening");
    run.stages = {{0, QStringLiteral("build"), StageStatus::Running, {}, std::nullopt}};
    JobRecord job;
    job.index = 0;
    job.stage = 0;
    job.name = QStringLiteral("talker");
    run.jobs = {job};
    const Result<qint64> id = (*store)->createRun(run);
    QVERIFY(id);

    // A line every 10 ms for 3 s; the server is away from 0.5 s to 1.5 s.
    // The writer's connection may be lost in the middle of a transaction.
    const ToleratedWarnings lostStatements(isLostStatementWarning);
    QByteArray expected;
    {
        StoreWriter writer(m_location);
        QElapsedTimer clock;
        clock.start();
        for (int line = 0; clock.elapsed() < 3000; ++line) {
            const QByteArray text = "line " + QByteArray::number(line) + '\n';
            expected += text;
            StoreBatch batch;
            batch.runId = *id;
            batch.logs = {{*id, 0, 1, line, 1, text}};
            writer.submit(batch);
            QTest::qWait(10);
            if (m_server->isRunning() && clock.elapsed() > 500 && clock.elapsed() < 1500)
                QVERIFY(m_server->stop());
            else if (!m_server->isRunning() && clock.elapsed() >= 1500)
                QVERIFY(m_server->restart());
        }
        bool drained = false;
        writer.whenDrained(this, [&drained] { drained = true; });
        QTRY_VERIFY_WITH_TIMEOUT(drained, 30000);
    }

    QByteArray log;
    qint64 nextLine = 0;
    bool inOrder = true;
    QVERIFY((*store)->readLog(*id, 0, 0, [&](const LogChunk &chunk) {
        inOrder = inOrder && chunk.firstLine == nextLine;
        nextLine = chunk.firstLine + chunk.lineCount;
        log += chunk.data;
        return true;
    }));
    QVERIFY(inOrder);
    QCOMPARE(log.size(), expected.size());
    QCOMPARE(log, expected);
}

void StoreOutageTest::storeUnreachableAtStartIsAClearError_data()
{
    QTest::addColumn<bool>("stopServer");

    QTest::newRow("nothing listens at the store's port") << false;
    QTest::newRow("the store's server was stopped") << true;
}

void StoreOutageTest::storeUnreachableAtStartIsAClearError()
{
    QFETCH(bool, stopServer);

    // Port 1: nothing listens there, so the connection is refused at once.
    const QString location =
        stopServer ? m_location : QStringLiteral("postgresql://ci@127.0.0.1:1/history");
    if (stopServer)
        QVERIFY(m_server->stop());
    PipelineShape shape;
    shape.name = QStringLiteral("neverstarted");
    shape.stages = 1;
    shape.jobsPerStage = 1;
    const QString file = writePipeline(shape);

    const PwctlResult result = runPwctl(
        {QStringLiteral("run"), file, QStringLiteral("--db"), location}, m_dir.path(), 60000);
    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    const QString prefix =
        QStringLiteral("pwctl: cannot open the history store at %1: ").arg(location);
    QVERIFY2(err.startsWith(prefix), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("127.0.0.1")), qPrintable(err));
    // One line, and no job was started.
    QCOMPARE(err.count(QLatin1Char('\n')), 1);
    QVERIFY2(!err.contains(QLatin1String("start ")), qPrintable(err));
}

QTEST_GUILESS_MAIN(StoreOutageTest)
#include "tst_storeoutage.moc"
