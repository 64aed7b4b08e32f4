// Twenty runs of 50-job pipelines (with needs and output) started at once in one process,
// assembled as the desktop app and pwctl assemble them: one RunSession per run, one shared
// history writer, job runner and file stager. Every job, attempt and log byte must be in the
// store once all have ended, on SQLite and on PostgreSQL.
#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/loader/pipelineloader.h"
#include "core/record/storewriter.h"
#include "core/session/runsession.h"
#include "core/store/runstore.h"
#include "loadsupport.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int runCount = 20;
// Four jobs at a time per run: 80 job processes at once at most.
constexpr int jobsAtOnce = 4;
constexpr int runsTimeoutMs = 400000;

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

} // namespace

class LoadRunsTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void manyRunsAtOnceAreRecordedWhole_data();
    void manyRunsAtOnceAreRecordedWhole();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
};

void LoadRunsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The runs' workspaces stay inside the test's folder.
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
    if (!PostgresServer::binaryDirectory())
        return;
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
}

void LoadRunsTest::init()
{
    failOnWarnings();
}

void LoadRunsTest::manyRunsAtOnceAreRecordedWhole_data()
{
    QTest::addColumn<QString>("backend");

    QTest::newRow("twenty runs of 50 jobs share an SQLite store") << "sqlite";
    QTest::newRow("twenty runs of 50 jobs share a PostgreSQL store") << "postgresql";
}

void LoadRunsTest::manyRunsAtOnceAreRecordedWhole()
{
    QFETCH(QString, backend);
    if (backend == QLatin1String("postgresql") && !m_server)
        QSKIP("PostgreSQL is not installed");
    const QString location = backend == QLatin1String("sqlite")
                                 ? m_dir.filePath(QStringLiteral("history.sqlite"))
                                 : m_server->historyUrl();
    Result<std::unique_ptr<RunStore>> opened = openStore(location);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    RunStore &store = **opened;

    // What a run needs, shared by all of them as in the app; the sessions go first.
    files::FileStager stager(files::defaultFilesSettings(location));
    StoreWriter writer(location);
    LocalJobRunner runner;
    std::vector<std::unique_ptr<RunSession>> sessions;
    PipelineShape shape;
    int finished = 0;

    QElapsedTimer timer;
    timer.start();
    for (int number = 0; number < runCount; ++number) {
        shape.name = QStringLiteral("load-%1").arg(number);
        const LoadResult loaded = loadPipelineText(
            pipelineText(shape), shape.name + QStringLiteral(".yml"), m_dir.path());
        QVERIFY2(loaded.ok(),
                 qPrintable(loaded.diagnostics.isEmpty() ? QString()
                                                         : loaded.diagnostics.first().toString()));
        RunRequest request;
        request.pipeline = loaded.pipeline;
        request.maxParallel = jobsAtOnce;
        request.stager = &stager;
        auto session = std::make_unique<RunSession>(store, writer, runner);
        connect(session.get(), &RunSession::finished, this, [&finished] { ++finished; });
        const Status started = session->start(request);
        QVERIFY2(started, qPrintable(errorOf(started)));
        sessions.push_back(std::move(session));
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished, runCount, runsTimeoutMs);
    qInfo("%s: %d runs of %d jobs in %.1f s", qPrintable(backend), runCount, shape.jobCount(),
          timer.nsecsElapsed() / 1e9);
    QVERIFY(writer.isAvailable());
    QCOMPARE(writer.queuedBytes(), qint64(0));

    // Read back through a connection of its own: what another process would see.
    Result<std::unique_ptr<RunStore>> reader = openStore(location);
    QVERIFY(reader);
    for (int number = 0; number < runCount; ++number) {
        shape.name = QStringLiteral("load-%1").arg(number);
        const Result<QList<qint64>> runs = runsOf(**reader, shape.name);
        QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().message));
        QCOMPARE(runs->size(), 1);
        QCOMPARE(runs->first(), sessions[size_t(number)]->run().id);
        const Status complete = checkRunIsComplete(**reader, runs->first(), shape);
        QVERIFY2(complete, qPrintable(errorOf(complete)));
    }
}

QTEST_GUILESS_MAIN(LoadRunsTest)
#include "tst_loadruns.moc"
