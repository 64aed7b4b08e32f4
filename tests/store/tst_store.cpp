// The history store's records on the backend the suite runs on (SQLite, or PostgreSQL for
// tst_store_postgresql): runs, stages, jobs, attempts and logs written and read back, the
// history listed, and several stores and processes writing one store at once.
#include "core/store/runstore.h"
#include "core/store/sqlstore.h"
#include "postgresserver.h"
#include "storefixture.h"
#include "testsupport.h"
#include "writerload.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace pw;
using namespace pw::test;

Q_DECLARE_METATYPE(pw::RunRecord)

namespace {

// Up to 1000 runs of `pipeline`.
RunQuery ofPipeline(const QString &pipeline)
{
    RunQuery query;
    query.pipeline = pipeline;
    query.limit = 1000;
    return query;
}

QStringList errorsOf(const QList<Status> &results)
{
    QStringList errors;
    for (const Status &status : results) {
        if (!status)
            errors.append(status.error().message);
    }
    return errors;
}

// Lines of about 128 bytes with a few bytes that are not UTF-8, numbered within the attempt.
QByteArray logLines(int attempt, qint64 firstLine, int count)
{
    QByteArray data;
    data.reserve(count * 130);
    for (int line = 0; line < count; ++line) {
        data += "attempt " + QByteArray::number(attempt) + " line "
                + QByteArray::number(firstLine + line) + " \x01\xff\xfe\x00 ";
        data += QByteArray(100, char('a' + line % 26));
        data += '\n';
    }
    return data;
}

} // namespace

class StoreTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void createdRunReadsBackEveryField_data();
    void createdRunReadsBackEveryField();
    void createRunGivesNewIds();
    void batchUpdatesRunStagesAndJobsInPlace();
    void sameBatchTwiceChangesNothing();
    void failedBatchChangesNothing_data();
    void failedBatchChangesNothing();
    void missingRunIsReported();
    void abandonedRunsAreMarkedInterrupted();

    void listRunsNewestFirst_data();
    void listRunsNewestFirst();
    void listRunsRefusesBadQuery_data();
    void listRunsRefusesBadQuery();

    void attemptsAreUpserted();
    void largeLogStreamsBackInOrder();
    void readLogStopsWhenAsked();
    void readLogRefusesNegativeAttempt();
    void lastJobDurationsTakesLatestSuccess();

    void bigRunIsWrittenQuickly();
    void twoStoresWriteConcurrently();
    void severalProcessesWriteConcurrently();

private:
    QString sqlitePath(const QString &name) const { return m_dir.filePath(name); }
    void startServer();
    // A store no test has used yet, for tests that also race to create the schema: a new
    // SQLite file or PostgreSQL database, or the shared store when it was given from outside.
    QString freshStore(const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server; // set for the PostgreSQL variant
    QString m_location;                       // the store most tests share
    std::unique_ptr<RunStore> m_store;
};

// The role the suite's stores log in as: not a superuser, so that the store is shown to
// need no more than a database of its own.
const QString storeRole = QStringLiteral("pipewright_store");

void StoreTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    if (qEnvironmentVariable("PIPEWRIGHT_TEST_BACKEND") == QLatin1String("postgresql")) {
        startServer();
        if (!m_server)
            return;
    }
    if (m_location.isEmpty())
        m_location = qEnvironmentVariable("PIPEWRIGHT_TEST_STORE");
    if (m_location.isEmpty())
        m_location = sqlitePath(QStringLiteral("shared/history.sqlite"));
    m_store = openOrDie(m_location);
}

void StoreTest::startServer()
{
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(QStringLiteral("the PostgreSQL variant cannot run: ")
                         + programs.error().message));

    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory(storeRole);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_location = m_server->historyUrl(storeRole);
}

void StoreTest::init()
{
    failOnWarnings();
}

void StoreTest::cleanupTestCase()
{
    // The store's connection goes before its server does.
    m_store.reset();
    m_server.reset();
}

QString StoreTest::freshStore(const QString &name)
{
    if (m_server) {
        if (Status created = m_server->createDatabase(name, storeRole); !created)
            qFatal("%s", qPrintable(created.error().message));
        return m_server->url(storeRole, name);
    }
    if (!qEnvironmentVariable("PIPEWRIGHT_TEST_STORE").isEmpty())
        return m_location;
    return sqlitePath(name + QStringLiteral("/history.sqlite"));
}

void StoreTest::createdRunReadsBackEveryField_data()
{
    QTest::addColumn<RunRecord>("run");

    QTest::newRow("a finished run with every field set keeps them all")
        << sampleRun(uniquePipeline(QStringLiteral("every-field")), 6);

    RunRecord pending;
    pending.pipeline = uniquePipeline(QStringLiteral("pending"));
    pending.stages = {{0, QStringLiteral("only"), StageStatus::Pending, QString(), std::nullopt}};
    JobRecord job;
    job.index = 0;
    job.stage = 0;
    job.name = QStringLiteral("waits");
    pending.jobs = {job};
    QTest::newRow("a pending run without times, texts or exit codes keeps them empty") << pending;

    const QString name = uniquePipeline(QStringLiteral("ユニコード パイプライン"));
    RunRecord unicode = sampleRun(name, 2);
    unicode.reason = QStringLiteral("Ünïcødé 🚀 reason\nwith a second line and 'quotes'");
    unicode.jobs[1].needs = {QStringLiteral("名前"), QStringLiteral("emoji 🧪"), QString()};
    QTest::newRow("unicode in names, reasons and needs survives") << unicode;

    RunRecord bare;
    bare.pipeline = uniquePipeline(QStringLiteral("bare"));
    QTest::newRow("a run without stages or jobs is kept") << bare;
}

void StoreTest::createdRunReadsBackEveryField()
{
    QFETCH(RunRecord, run);

    const Result<qint64> id = m_store->createRun(run);
    QVERIFY2(id, qPrintable(id ? QString() : id.error().message));
    QVERIFY(*id > 0);
    run.id = *id;

    const Result<RunRecord> loaded = m_store->loadRun(*id);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    QCOMPARE(describe(*loaded), describe(run));
}

void StoreTest::createRunGivesNewIds()
{
    const RunRecord run = sampleRun(uniquePipeline(QStringLiteral("ids")), 1);
    const qint64 first = m_store->createRun(run).value();
    const qint64 second = m_store->createRun(run).value();

    QVERIFY(second > first);
    QCOMPARE(m_store->loadRun(first)->id, first);
    QCOMPARE(m_store->loadRun(second)->id, second);
}

void StoreTest::batchUpdatesRunStagesAndJobsInPlace()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("batch")), 4);
    run.status = RunStatus::Running;
    run.finishedAt = QDateTime();
    run.id = m_store->createRun(run).value();

    StoreBatch batch = finishJobs(run, JobStatus::Cancelled, utc(2025, 1, 1, 0, 0, 0, 1));
    batch.jobs[2].exitCode = std::nullopt;
    batch.jobs[2].needs = {QStringLiteral("changed")};
    run.status = RunStatus::Cancelled;
    run.reason = QStringLiteral("cancelled by Zoë");
    run.finishedAt = utc(2025, 1, 1, 0, 0, 9, 999);
    batch.runs = {run};
    StageRecord stage = run.stages[1];
    stage.status = StageStatus::Cancelled;
    stage.reason = QStringLiteral("the run was cancelled");
    batch.stages = {stage};
    QVERIFY(m_store->write(batch));

    RunRecord expected = run;
    expected.stages[1] = stage;
    expected.jobs = batch.jobs;
    QCOMPARE(describe(m_store->loadRun(run.id).value()), describe(expected));
}

void StoreTest::sameBatchTwiceChangesNothing()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("twice")), 3);
    run.id = m_store->createRun(run).value();

    StoreBatch batch = finishJobs(run, JobStatus::Success, utc(2025, 5, 6, 7, 8, 9, 10));
    batch.stages = run.stages;
    batch.runs = {run};
    batch.attempts = {{1, 1, utc(2025, 5, 6, 7, 8, 9, 10), utc(2025, 5, 6, 7, 8, 10, 11), 1,
                       QStringLiteral("exit code 1")},
                      {1, 2, utc(2025, 5, 6, 7, 8, 11, 0), QDateTime(), std::nullopt, QString()}};
    for (int part = 0; part < 3; ++part)
        batch.logs.append({run.id, 1, 2, part * 10, 10, logLines(2, part * 10, 10)});

    QVERIFY(m_store->write(batch));
    const QString once = describe(m_store->loadRun(run.id).value());
    const QString attemptsOnce = describe(m_store->loadAttempts(run.id, 1).value());
    const Status again = m_store->write(batch);
    QVERIFY2(again, qPrintable(again ? QString() : again.error().message));

    QCOMPARE(describe(m_store->loadRun(run.id).value()), once);
    QCOMPARE(describe(m_store->loadAttempts(run.id, 1).value()), attemptsOnce);
    QList<qint64> firstLines;
    QVERIFY(m_store->readLog(run.id, 1, 0, [&](const LogChunk &chunk) {
        firstLines.append(chunk.firstLine);
        return true;
    }));
    QCOMPARE(firstLines, (QList<qint64>{0, 10, 20}));
}

void StoreTest::failedBatchChangesNothing_data()
{
    QTest::addColumn<int>("mistake");
    QTest::addColumn<QString>("message");

    QTest::newRow("a batch updating a run that does not exist is refused whole")
        << 0 << QStringLiteral(": there is no run 987654321");
    QTest::newRow("a batch of jobs without a run id is refused whole")
        << 1 << QStringLiteral(": the batch changes stages, jobs or attempts but names no run");
    QTest::newRow("a log chunk for a run that does not exist is refused with the batch")
        << 2 << QString();
}

void StoreTest::failedBatchChangesNothing()
{
    QFETCH(int, mistake);
    QFETCH(QString, message);

    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("rollback")), 2);
    run.id = m_store->createRun(run).value();
    const QString before = describe(m_store->loadRun(run.id).value());

    StoreBatch batch = finishJobs(run, JobStatus::Failed, utc(2025, 1, 2, 3, 4, 5, 6));
    if (mistake == 0) {
        RunRecord missing = run;
        missing.id = 987654321;
        batch.runs = {missing};
    } else if (mistake == 1) {
        batch.runId = 0;
    } else {
        batch.logs = {{987654321, 0, 1, 0, 1, QByteArray("orphan\n")}};
    }

    const Status written = m_store->write(batch);
    QVERIFY(!written);
    const QString prefix = QStringLiteral("cannot write to the history store at ") + m_location;
    QVERIFY2(written.error().message.startsWith(prefix), qPrintable(written.error().message));
    if (!message.isEmpty())
        QCOMPARE(written.error().message, prefix + message);
    QCOMPARE(describe(m_store->loadRun(run.id).value()), before);
}

void StoreTest::abandonedRunsAreMarkedInterrupted()
{
    // Four unfinished runs: ours, one of a process gone from this host, and two of other
    // hosts, one still renewed and one silent for longer than a run may be.
    RunRecord going = sampleRun(uniquePipeline(QStringLiteral("abandoned")), 3);
    going.status = RunStatus::Running;
    going.finishedAt = QDateTime();
    going.stages[1].status = StageStatus::Running;
    going.jobs[0].status = JobStatus::Success;
    going.jobs[1].status = JobStatus::Running;
    going.jobs[2].status = JobStatus::Pending;
    QList<qint64> ids;
    for (int i = 0; i < 4; ++i) {
        const Result<qint64> id = m_store->createRun(going);
        QVERIFY(id);
        ids.append(*id);
    }
    auto *sql = dynamic_cast<SqlStore *>(m_store.get());
    QVERIFY(sql);
    const auto exec = [sql](const QString &statement) {
        QSqlQuery query(sql->database());
        QVERIFY2(query.exec(statement), qPrintable(query.lastError().text()));
    };
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    exec(QStringLiteral("UPDATE runs SET owner_pid = 999999999 WHERE id = %1").arg(ids[1]));
    exec(QStringLiteral("UPDATE runs SET owner_host = 'elsewhere', heartbeat_at = %1"
                        " WHERE id = %2")
             .arg(now)
             .arg(ids[2]));
    exec(QStringLiteral("UPDATE runs SET owner_host = 'elsewhere', heartbeat_at = %1"
                        " WHERE id = %2")
             .arg(now - 3 * runLifetime.count())
             .arg(ids[3]));

    // The next process to open the store tidies up.
    const std::unique_ptr<RunStore> other = openOrDie(m_location);
    const QList<RunStatus> expected = {RunStatus::Running, RunStatus::Interrupted,
                                       RunStatus::Running, RunStatus::Interrupted};
    for (int i = 0; i < 4; ++i) {
        const Result<RunRecord> run = other->loadRun(ids[i]);
        QVERIFY(run);
        QCOMPARE(run->status, expected[i]);
        if (run->status != RunStatus::Interrupted)
            continue;
        QVERIFY2(run->reason.startsWith(QLatin1String("the process running it (pid ")),
                 qPrintable(run->reason));
        QVERIFY(run->finishedAt.isValid());
        QCOMPARE(run->jobs[0].status, JobStatus::Success);
        QCOMPARE(run->jobs[1].status, JobStatus::Interrupted);
        QCOMPARE(run->jobs[2].status, JobStatus::Skipped);
        QCOMPARE(run->stages[1].status, StageStatus::Cancelled);
        QCOMPARE(run->stages[1].reason, QStringLiteral("the run was interrupted"));
    }
}

void StoreTest::missingRunIsReported()
{
    const Result<RunRecord> run = m_store->loadRun(987654321);
    QVERIFY(!run);
    QCOMPARE(run.error().message, QStringLiteral("cannot read the history store at %1: there is "
                                                 "no run 987654321")
                                      .arg(m_location));
    QCOMPARE(m_store->loadAttempts(987654321, 0).value().size(), 0);
}

void StoreTest::listRunsNewestFirst_data()
{
    QTest::addColumn<bool>("ownPipeline"); // false: every pipeline
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QList<int>>("expected"); // which of the created runs, by creation order

    // Runs 0..4 are of the pipeline under test and alternate success and failed; run 5 is of
    // another pipeline and created last.
    QTest::newRow("one pipeline's runs come newest first")
        << true << "" << 50 << 0 << QList<int>{4, 3, 2, 1, 0};
    QTest::newRow("a limit keeps the newest") << true << "" << 2 << 0 << QList<int>{4, 3};
    QTest::newRow("an offset skips the newest") << true << "" << 2 << 3 << QList<int>{1, 0};
    QTest::newRow("an offset past the end gives nothing") << true << "" << 10 << 5 << QList<int>{};
    QTest::newRow("a limit of zero gives nothing") << true << "" << 0 << 0 << QList<int>{};
    QTest::newRow("a status keeps only runs with it")
        << true << "failed" << 50 << 0 << QList<int>{3, 1};
    QTest::newRow("a status and an offset combine")
        << true << "success" << 5 << 1 << QList<int>{2, 0};
    QTest::newRow("without a pipeline every pipeline's runs come")
        << false << "" << 2 << 0 << QList<int>{5, 4};
}

void StoreTest::listRunsNewestFirst()
{
    QFETCH(bool, ownPipeline);
    QFETCH(QString, status);
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QList<int>, expected);

    const QString pipeline = uniquePipeline(QStringLiteral("list"));
    QList<qint64> ids;
    for (int index = 0; index < 6; ++index) {
        RunRecord run = sampleRun(index < 5 ? pipeline : uniquePipeline(QStringLiteral("other")));
        run.status = index % 2 == 0 ? RunStatus::Success : RunStatus::Failed;
        ids.append(m_store->createRun(run).value());
    }

    RunQuery query;
    query.pipeline = ownPipeline ? pipeline : QString();
    query.status = status;
    query.limit = limit;
    query.offset = offset;
    const Result<QList<RunRecord>> runs = m_store->listRuns(query);
    QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().message));

    QList<qint64> listed;
    for (const RunRecord &run : *runs) {
        listed.append(run.id);
        QCOMPARE(run.stages.size(), 2);
        QCOMPARE(run.stages[1].name, QStringLiteral("tëst 🚦"));
        QVERIFY(run.jobs.isEmpty());
    }
    QList<qint64> wanted;
    for (int index : expected)
        wanted.append(ids.at(index));
    QCOMPARE(listed, wanted);
}

void StoreTest::listRunsRefusesBadQuery_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("limit");
    QTest::addColumn<int>("offset");
    QTest::addColumn<QString>("message");

    QTest::newRow("a negative limit is refused")
        << "" << -1 << 0 << "a run list needs a limit and an offset of 0 or more, not -1 and 0";
    QTest::newRow("a negative offset is refused")
        << "" << 5 << -3 << "a run list needs a limit and an offset of 0 or more, not 5 and -3";
    QTest::newRow("an unknown status is refused with the known ones")
        << "succeeded" << 5 << 0
        << "there is no run status \"succeeded\" (known: pending, running, waiting_approval, "
           "success, failed, cancelled, rejected, interrupted)";
}

void StoreTest::listRunsRefusesBadQuery()
{
    QFETCH(QString, status);
    QFETCH(int, limit);
    QFETCH(int, offset);
    QFETCH(QString, message);

    RunQuery query;
    query.status = status;
    query.limit = limit;
    query.offset = offset;
    const Result<QList<RunRecord>> runs = m_store->listRuns(query);
    QVERIFY(!runs);
    QCOMPARE(runs.error().message,
             QStringLiteral("cannot read the history store at %1: %2").arg(m_location, message));
}

void StoreTest::attemptsAreUpserted()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("attempts")), 3);
    run.id = m_store->createRun(run).value();

    const AttemptRecord first{2,
                              1,
                              utc(2024, 1, 1, 1, 1, 1, 1),
                              utc(2024, 1, 1, 1, 1, 2, 2),
                              137,
                              QStringLiteral("killed by signal 9")};
    AttemptRecord second{2, 2, utc(2024, 1, 1, 1, 1, 3, 3), QDateTime(), std::nullopt, QString()};
    StoreBatch batch;
    batch.runId = run.id;
    batch.attempts = {second, first, {0, 1, utc(2024, 1, 1, 0, 0, 0, 0), {}, 0, {}}};
    QVERIFY(m_store->write(batch));

    second.finishedAt = utc(2024, 1, 1, 1, 1, 4, 999);
    second.exitCode = 0;
    batch.attempts = {second};
    QVERIFY(m_store->write(batch));

    QCOMPARE(describe(m_store->loadAttempts(run.id, 2).value()),
             describe(QList<AttemptRecord>{first, second}));
    QCOMPARE(m_store->loadAttempts(run.id, 0).value().size(), 1);
    QCOMPARE(m_store->loadAttempts(run.id, 1).value().size(), 0);
}

void StoreTest::largeLogStreamsBackInOrder()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("large-log")), 2);
    run.id = m_store->createRun(run).value();

    // Two attempts of 27 MB each, in chunks of 512 lines of about 125 bytes, 40 chunks a batch.
    constexpr int chunksPerAttempt = 440;
    constexpr int linesPerChunk = 512;
    constexpr int chunksPerBatch = 40;
    QCryptographicHash allWritten(QCryptographicHash::Sha256);
    QCryptographicHash secondWritten(QCryptographicHash::Sha256);
    qint64 totalBytes = 0;
    for (int attempt = 1; attempt <= 2; ++attempt) {
        for (int first = 0; first < chunksPerAttempt; first += chunksPerBatch) {
            StoreBatch batch;
            batch.runId = run.id;
            for (int chunk = first; chunk < first + chunksPerBatch; ++chunk) {
                const qint64 line = qint64(chunk) * linesPerChunk;
                const QByteArray data = logLines(attempt, line, linesPerChunk);
                allWritten.addData(data);
                if (attempt == 2)
                    secondWritten.addData(data);
                totalBytes += data.size();
                batch.logs.append({0, 1, attempt, line, linesPerChunk, data});
            }
            const Status written = m_store->write(batch);
            QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
        }
    }
    QVERIFY(totalBytes >= 50 * 1024 * 1024);

    // Read back: every attempt in order, then the second alone.
    QCryptographicHash allRead(QCryptographicHash::Sha256);
    qint64 bytesRead = 0;
    int lastAttempt = 1;
    qint64 nextLine = 0;
    bool ordered = true;
    const Status read = m_store->readLog(run.id, 1, 0, [&](const LogChunk &chunk) {
        if (chunk.attempt != lastAttempt) {
            ordered = ordered && chunk.attempt == lastAttempt + 1;
            lastAttempt = chunk.attempt;
            nextLine = 0;
        }
        ordered = ordered && chunk.firstLine == nextLine && chunk.runId == run.id && chunk.job == 1
                  && chunk.lineCount == linesPerChunk;
        nextLine += chunk.lineCount;
        allRead.addData(chunk.data);
        bytesRead += chunk.data.size();
        return true;
    });
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QVERIFY(ordered);
    QCOMPARE(bytesRead, totalBytes);
    QCOMPARE(allRead.result().toHex(), allWritten.result().toHex());

    QCryptographicHash secondRead(QCryptographicHash::Sha256);
    QVERIFY(m_store->readLog(run.id, 1, 2, [&](const LogChunk &chunk) {
        secondRead.addData(chunk.data);
        return chunk.attempt == 2;
    }));
    QCOMPARE(secondRead.result().toHex(), secondWritten.result().toHex());
}

void StoreTest::readLogStopsWhenAsked()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("stop")), 1);
    run.id = m_store->createRun(run).value();
    StoreBatch batch;
    batch.runId = run.id;
    for (int chunk = 9; chunk >= 0; --chunk) // written out of order, read back in order
        batch.logs.append({run.id, 0, 1, chunk * 2, 2, logLines(1, chunk * 2, 2)});
    QVERIFY(m_store->write(batch));

    QList<qint64> seen;
    QVERIFY(m_store->readLog(run.id, 0, 1, [&](const LogChunk &chunk) {
        seen.append(chunk.firstLine);
        return seen.size() < 3;
    }));
    QCOMPARE(seen, (QList<qint64>{0, 2, 4}));

    int otherJob = 0;
    QVERIFY(m_store->readLog(run.id, 5, 0, [&](const LogChunk &) { return ++otherJob > 0; }));
    QCOMPARE(otherJob, 0);
}

void StoreTest::readLogRefusesNegativeAttempt()
{
    const Status read = m_store->readLog(1, 0, -1, [](const LogChunk &) { return true; });
    QVERIFY(!read);
    QCOMPARE(read.error().message,
             QStringLiteral("cannot read the history store at %1: there is no attempt -1: "
                            "attempts are numbered from 1, and 0 reads them all")
                 .arg(m_location));
}

void StoreTest::lastJobDurationsTakesLatestSuccess()
{
    const QString pipeline = uniquePipeline(QStringLiteral("durations"));
    const auto job = [](int index, const QString &name, JobStatus status, const QDateTime &start,
                        qint64 ms) {
        JobRecord record;
        record.index = index;
        record.stage = 0;
        record.name = name;
        record.status = status;
        record.startedAt = start;
        record.finishedAt = ms < 0 ? QDateTime() : start.addMSecs(ms);
        return record;
    };
    const QDateTime day1 = utc(2024, 3, 1, 10, 0, 0, 0);
    const QDateTime day2 = utc(2024, 3, 2, 10, 0, 0, 0);

    RunRecord older;
    older.pipeline = pipeline;
    older.stages = {{0, QStringLiteral("all"), StageStatus::Success, {}, std::nullopt}};
    older.jobs = {job(0, QStringLiteral("build"), JobStatus::Success, day1, 10000),
                  job(1, QStringLiteral("test ✓"), JobStatus::Success, day1, 20500),
                  job(2, QStringLiteral("deploy"), JobStatus::Failed, day1, 300)};
    RunRecord newer = older;
    newer.jobs = {job(0, QStringLiteral("build"), JobStatus::Success, day2, 12345),
                  job(1, QStringLiteral("test ✓"), JobStatus::Failed, day2, 5000),
                  job(2, QStringLiteral("deploy"), JobStatus::Success, day2, -1)};
    RunRecord elsewhere = older;
    elsewhere.pipeline = uniquePipeline(QStringLiteral("elsewhere"));
    elsewhere.jobs = {job(0, QStringLiteral("build"), JobStatus::Success, day2.addDays(1), 99)};
    // Created newest first, so that "latest" has to mean the finish time, not the run id.
    QVERIFY(m_store->createRun(newer));
    QVERIFY(m_store->createRun(older));
    QVERIFY(m_store->createRun(elsewhere));

    const Result<QHash<QString, qint64>> durations = m_store->lastJobDurations(pipeline);
    QVERIFY2(durations, qPrintable(durations ? QString() : durations.error().message));
    const QHash<QString, qint64> expected = {{QStringLiteral("build"), 12345},
                                             {QStringLiteral("test ✓"), 20500}};
    QCOMPARE(*durations, expected);
    QVERIFY(m_store->lastJobDurations(uniquePipeline(QStringLiteral("none")))->isEmpty());
}

void StoreTest::bigRunIsWrittenQuickly()
{
    RunRecord run = sampleRun(uniquePipeline(QStringLiteral("big")), 2000);
    QElapsedTimer creating;
    creating.start();
    run.id = m_store->createRun(run).value();
    const qint64 createMs = creating.elapsed();

    const StoreBatch batch = finishJobs(run, JobStatus::Success, utc(2025, 2, 2, 2, 2, 2, 2));
    QElapsedTimer writing;
    writing.start();
    const Status written = m_store->write(batch);
    const qint64 writeMs = writing.elapsed();
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));

    const RunRecord loaded = m_store->loadRun(run.id).value();
    QCOMPARE(loaded.jobs.size(), 2000);
    QCOMPARE(keyword(loaded.jobs.last().status), QStringLiteral("success"));
    if (m_location.endsWith(QLatin1String(".sqlite"))) {
        QVERIFY2(createMs < 1000, qPrintable(QStringLiteral("created in %1 ms").arg(createMs)));
        QVERIFY2(writeMs < 1000, qPrintable(QStringLiteral("written in %1 ms").arg(writeMs)));
    }
}

void StoreTest::twoStoresWriteConcurrently()
{
    // A new store, so that both stores also race to create the schema.
    const QString location = freshStore(QStringLiteral("concurrent"));
    constexpr int runsPerWriter = 30;
    constexpr int jobsPerRun = 20;
    const QString pipelines[2] = {uniquePipeline(QStringLiteral("writer-a")),
                                  uniquePipeline(QStringLiteral("writer-b"))};
    QList<Status> results[2];
    QList<qint64> ids[2];
    std::atomic<int> ready = 0;

    const auto writer = [&](int which) {
        Result<std::unique_ptr<RunStore>> opened = openStore(location);
        if (!opened) {
            results[which].append(opened.error());
            return;
        }
        RunStore &store = *opened.value();
        ++ready;
        while (ready < 2)
            QThread::yieldCurrentThread();
        for (int index = 0; index < runsPerWriter; ++index) {
            RunRecord run = sampleRun(pipelines[which], jobsPerRun);
            const Result<qint64> id = store.createRun(run);
            if (!id) {
                results[which].append(id.error());
                continue;
            }
            run.id = *id;
            ids[which].append(*id);
            StoreBatch batch = finishJobs(run, JobStatus::Success, utc(2025, 3, 3, 3, 3, 3, 3));
            batch.logs.append({*id, 0, 1, 0, 3, logLines(1, 0, 3)});
            batch.attempts.append({0, 1, utc(2025, 3, 3, 3, 3, 3, 3), {}, 0, {}});
            results[which].append(store.write(batch));
        }
    };
    std::unique_ptr<QThread> threads[2] = {std::unique_ptr<QThread>(QThread::create(writer, 0)),
                                           std::unique_ptr<QThread>(QThread::create(writer, 1))};
    for (auto &thread : threads)
        thread->start();
    for (auto &thread : threads)
        QVERIFY(thread->wait(QDeadlineTimer(120000)));

    QCOMPARE(errorsOf(results[0]) + errorsOf(results[1]), QStringList());
    const std::unique_ptr<RunStore> reader = openOrDie(location);
    for (int which = 0; which < 2; ++which) {
        QCOMPARE(ids[which].size(), runsPerWriter);
        const QList<RunRecord> runs = reader->listRuns(ofPipeline(pipelines[which])).value();
        QCOMPARE(runs.size(), runsPerWriter);
        for (qint64 id : ids[which]) {
            const RunRecord run = reader->loadRun(id).value();
            QCOMPARE(run.jobs.size(), jobsPerRun);
            QCOMPARE(keyword(run.jobs.last().status), QStringLiteral("success"));
            QCOMPARE(reader->loadAttempts(id, 0).value().size(), 1);
        }
    }
}

void StoreTest::severalProcessesWriteConcurrently()
{
    constexpr int writerCount = 4;
    const WriterLoad load;
    const QString location = freshStore(QStringLiteral("processes"));
    QString pipelines[writerCount];
    std::unique_ptr<QProcess> writers[writerCount];
    for (int which = 0; which < writerCount; ++which) {
        pipelines[which] = uniquePipeline(QStringLiteral("process-%1").arg(which));
        writers[which] = std::make_unique<QProcess>();
        writers[which]->start(QStringLiteral(PIPEWRIGHT_STORE_WRITER),
                              {location, pipelines[which]});
        QVERIFY(writers[which]->waitForStarted());
    }

    // Released together, so that they also race to create the schema.
    for (auto &writer : writers) {
        writer->write("go\n");
        writer->closeWriteChannel();
    }
    bool allFinished = true;
    for (auto &writer : writers) {
        if (!writer->waitForFinished(120000)) {
            allFinished = false;
            writer->kill();
            writer->waitForFinished();
        }
    }
    QVERIFY2(allFinished, "a writer did not finish within 2 minutes");

    QHash<qint64, QPair<int, int>> created; // id: writer, run
    for (int which = 0; which < writerCount; ++which) {
        QProcess &writer = *writers[which];
        QCOMPARE(QString::fromLocal8Bit(writer.readAllStandardError()), QString());
        QCOMPARE(writer.exitCode(), 0);
        const QList<QByteArray> lines = writer.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), load.runs);
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(' ');
            QCOMPARE(fields.size(), 2);
            const qint64 id = fields[1].toLongLong();
            QVERIFY2(!created.contains(id), qPrintable(QStringLiteral("id %1 twice").arg(id)));
            created.insert(id, {which, fields[0].toInt()});
        }
    }

    const std::unique_ptr<RunStore> reader = openOrDie(location);
    for (auto entry = created.cbegin(); entry != created.cend(); ++entry) {
        const auto [which, runIndex] = entry.value();
        RunRecord expected = writerRun(pipelines[which], runIndex, load);
        expected.id = entry.key();
        QCOMPARE(describe(reader->loadRun(entry.key()).value()),
                 describe(writerResult(expected, load)));
        for (int job = 0; job < load.jobs; ++job) {
            QCOMPARE(reader->loadAttempts(entry.key(), job).value().size(),
                     job < load.batchesPerRun ? 1 : 0);
            QByteArray log;
            int chunks = 0;
            QVERIFY(reader->readLog(entry.key(), job, 0, [&](const LogChunk &chunk) {
                log += chunk.data;
                return ++chunks > 0;
            }));
            QCOMPARE(chunks, load.batchesPerRun);
            QCOMPARE(log, writerLog(pipelines[which], runIndex, job, load));
        }
    }
    for (const QString &pipeline : pipelines)
        QCOMPARE(reader->listRuns(ofPipeline(pipeline)).value().size(), load.runs);
}

QTEST_GUILESS_MAIN(StoreTest)
#include "tst_store.moc"
