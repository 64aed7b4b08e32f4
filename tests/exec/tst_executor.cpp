#include "core/exec/executor.h"
#include "core/exec/localjobrunner.h"
#include "core/exec/runeventsink.h"
#include "core/loader/pipelineloader.h"
#include "core/plan/planner.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QFile>
#include <QTemporaryDir>
#include <QTimer>

#include <csignal>

using namespace pw;

namespace {

// Keeps what a run reported, to check it against what happened.
class RecordingSink : public RunEventSink
{
public:
    void jobOutput(const RunRecord &, int job, int attempt, qint64 firstLine, int lineCount,
                   const QByteArray &lines) override
    {
        QCOMPARE_GE(lines.size(), 0);
        if (firstLine != nextLine.value({job, attempt}))
            outOfOrder = true;
        nextLine[{job, attempt}] = firstLine + lineCount;
        bytes[job] += lines.size();
        largestChunk = std::max(largestChunk, lines.size());
        if (keepOutput)
            output[job] += lines;
    }

    void runChanged(const RunRecord &run) override { statuses.append(run.status); }

    QHash<int, qsizetype> bytes;
    QHash<int, QByteArray> output;
    QMap<std::pair<int, int>, qint64> nextLine;
    QList<RunStatus> statuses;
    qsizetype largestChunk = 0;
    bool keepOutput = true;
    bool outOfOrder = false;
};

QString testJob()
{
    return QStringLiteral(PIPEWRIGHT_TESTJOB);
}

bool processExists(pid_t pid)
{
    return pid > 0 && ::kill(pid, 0) == 0;
}

pid_t readPid(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    return pid_t(file.readAll().trimmed().toInt());
}

} // namespace

class tst_Executor : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void runsAtMostJobsAtOnce_data();
    void runsAtMostJobsAtOnce();
    void jobWithNeedsWaitsOnlyForThem();
    void jobWithoutNeedsWaitsForEarlierStages();
    void failureStopsNewJobsButLetsRunningOnesFinish();
    void allowedFailureLetsTheRunGoOn();
    void alwaysAndOnFailureJobsRunAfterAFailure();
    void onFailureJobIsSkippedWhenNothingFailed();
    void retriesAFailingJob();
    void firstFailingCommandFailsTheJob();
    void timeoutStopsTheJobAndItsGrandchildren();
    void timeoutKillsAJobThatIgnoresSigterm();
    void cancelStopsEverything();
    void longestRemainingPathStartsFirst();
    void environmentCarriesTheRunContext();
    void largeOutputIsStreamedInPieces();
    void missingShellFailsTheJob();

private:
    RunRecord run(const QByteArray &yaml, int maxParallel,
                  std::function<void(Executor &)> whileRunning = {});

    RecordingSink m_sink;
    QTemporaryDir m_dir;
};

RunRecord tst_Executor::run(const QByteArray &yaml, int maxParallel,
                            std::function<void(Executor &)> whileRunning)
{
    m_sink = RecordingSink();
    const LoadResult loaded = loadPipelineText(yaml, QStringLiteral("test.yml"), m_dir.path());
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        qInfo().noquote() << diagnostic.toString();
    if (!loaded.ok())
        return RunRecord();
    RunContext context;
    context.branch = QStringLiteral("main");
    context.commit = QStringLiteral("abc123");
    const auto plan = makePlan(loaded.pipeline, context);
    if (!plan.ok())
        return RunRecord();

    RunRecord record = makeRunRecord(*plan);
    record.id = 42;
    LocalJobRunner runner;
    ExecutorOptions options;
    options.maxParallel = maxParallel;
    options.killGrace = Milliseconds(500);
    Executor executor(*plan, record, runner, m_sink, options);

    QEventLoop loop;
    connect(&executor, &Executor::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    executor.start();
    if (whileRunning)
        whileRunning(executor);
    if (!executor.isFinished())
        loop.exec();
    return executor.run();
}

namespace {

const JobRecord &job(const RunRecord &run, const QString &name)
{
    static const JobRecord none;
    for (const JobRecord &record : run.jobs) {
        if (record.name == name)
            return record;
    }
    return none;
}

// The largest number of jobs whose [start, finish) intervals overlap.
int peakConcurrency(const RunRecord &run)
{
    QList<std::pair<qint64, int>> edges;
    for (const JobRecord &record : run.jobs) {
        if (!record.startedAt.isValid())
            continue;
        edges.append({record.startedAt.toMSecsSinceEpoch(), 1});
        edges.append({record.finishedAt.toMSecsSinceEpoch(), -1});
    }
    std::sort(edges.begin(), edges.end(), [](auto a, auto b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    int current = 0;
    int peak = 0;
    for (const auto &edge : edges)
        peak = std::max(peak, current += edge.second);
    return peak;
}

QByteArray sleepers(int count, int ms)
{
    QByteArray yaml = "name: sleepers\nstages:\n  - name: all\n    jobs:\n";
    for (int i = 0; i < count; ++i) {
        yaml += "      - name: s" + QByteArray::number(i) + "\n        commands: ['"
                + testJob().toUtf8() + " sleep " + QByteArray::number(ms) + "']\n";
    }
    return yaml;
}

} // namespace

void tst_Executor::runsAtMostJobsAtOnce_data()
{
    QTest::addColumn<int>("workers");
    QTest::newRow("one worker runs jobs one after another") << 1;
    QTest::newRow("two workers run two at a time") << 2;
    QTest::newRow("four workers run four at a time") << 4;
}

void tst_Executor::runsAtMostJobsAtOnce()
{
    QFETCH(int, workers);
    const RunRecord result = run(sleepers(8, 150), workers);

    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(result.jobs.size(), 8);
    QVERIFY(peakConcurrency(result) <= workers);
    // With jobs this long, the pool is used: at least two overlap when it can.
    if (workers > 1)
        QVERIFY(peakConcurrency(result) >= 2);
}

void tst_Executor::jobWithNeedsWaitsOnlyForThem()
{
    const QByteArray tj = testJob().toUtf8();
    const RunRecord result = run("name: dag\nstages:\n"
                                 "  - name: one\n    jobs:\n"
                                 "      - {name: fast, commands: ['"
                                     + tj
                                     + " sleep 50']}\n"
                                       "      - {name: slow, commands: ['"
                                     + tj
                                     + " sleep 1500']}\n"
                                       "  - name: two\n    jobs:\n"
                                       "      - {name: early, needs: [fast], commands: ['"
                                     + tj + " sleep 10']}\n",
                                 4);

    QCOMPARE(result.status, RunStatus::Success);
    const JobRecord &fast = job(result, QStringLiteral("fast"));
    const JobRecord &slow = job(result, QStringLiteral("slow"));
    const JobRecord &early = job(result, QStringLiteral("early"));
    QVERIFY(early.startedAt >= fast.finishedAt);
    // The DAG, not the stage, decides: it starts while the slow job of stage one still runs.
    QVERIFY(early.startedAt < slow.finishedAt);
    QCOMPARE(early.needs, QStringList{QStringLiteral("fast")});
}

void tst_Executor::jobWithoutNeedsWaitsForEarlierStages()
{
    const QByteArray tj = testJob().toUtf8();
    const RunRecord result = run("name: stages\nstages:\n"
                                 "  - name: one\n    jobs:\n"
                                 "      - {name: a, commands: ['"
                                     + tj
                                     + " sleep 100']}\n"
                                       "      - {name: b, commands: ['"
                                     + tj
                                     + " sleep 300']}\n"
                                       "  - name: two\n    jobs:\n"
                                       "      - {name: c, commands: ['"
                                     + tj + " sleep 10']}\n",
                                 4);

    QCOMPARE(result.status, RunStatus::Success);
    const JobRecord &c = job(result, QStringLiteral("c"));
    QVERIFY(c.startedAt >= job(result, QStringLiteral("a")).finishedAt);
    QVERIFY(c.startedAt >= job(result, QStringLiteral("b")).finishedAt);
    QCOMPARE(result.stages[0].status, StageStatus::Success);
    QCOMPARE(result.stages[1].status, StageStatus::Success);
}

void tst_Executor::failureStopsNewJobsButLetsRunningOnesFinish()
{
    const QByteArray tj = testJob().toUtf8();
    const RunRecord result = run("name: failfast\nstages:\n"
                                 "  - name: one\n    jobs:\n"
                                 "      - {name: broken, commands: ['"
                                     + tj
                                     + " exit 3']}\n"
                                       "      - {name: running, commands: ['"
                                     + tj
                                     + " sleep 400']}\n"
                                       "      - {name: later, needs: [running], commands: "
                                       "['true']}\n"
                                       "  - name: two\n    jobs:\n"
                                       "      - {name: next, commands: ['true']}\n",
                                 2);

    QCOMPARE(result.status, RunStatus::Failed);
    QCOMPARE(result.reason, QStringLiteral("job broken failed"));
    const JobRecord &broken = job(result, QStringLiteral("broken"));
    QCOMPARE(broken.status, JobStatus::Failed);
    QCOMPARE(broken.reason, QStringLiteral("exit code 3"));
    QCOMPARE(broken.exitCode, 3);
    QCOMPARE(job(result, QStringLiteral("running")).status, JobStatus::Success);
    QCOMPARE(job(result, QStringLiteral("later")).status, JobStatus::Skipped);
    QCOMPARE(job(result, QStringLiteral("later")).reason,
             QStringLiteral("not started: job broken failed"));
    QCOMPARE(job(result, QStringLiteral("next")).status, JobStatus::Skipped);
    QCOMPARE(result.stages[0].status, StageStatus::Failed);
    QCOMPARE(result.stages[1].status, StageStatus::Skipped);
}

void tst_Executor::allowedFailureLetsTheRunGoOn()
{
    const RunRecord result =
        run("name: allowed\nstages:\n"
            "  - name: one\n    jobs:\n"
            "      - {name: flaky, allow_failure: true, commands: ['exit 1']}\n"
            "  - name: two\n    jobs:\n"
            "      - {name: after, needs: [flaky], commands: ['true']}\n",
            2);

    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(job(result, QStringLiteral("flaky")).status, JobStatus::Failed);
    QCOMPARE(job(result, QStringLiteral("after")).status, JobStatus::Success);
    QCOMPARE(result.stages[0].status, StageStatus::Success);
}

void tst_Executor::alwaysAndOnFailureJobsRunAfterAFailure()
{
    const RunRecord result = run("name: cleanup\nstages:\n"
                                 "  - name: one\n    jobs:\n"
                                 "      - {name: broken, commands: ['exit 1']}\n"
                                 "  - name: two\n    jobs:\n"
                                 "      - {name: deploy, commands: ['true']}\n"
                                 "      - {name: notify, when: always, commands: ['true']}\n"
                                 "      - {name: rollback, when: on_failure, commands: ['true']}\n",
                                 2);

    QCOMPARE(result.status, RunStatus::Failed);
    QCOMPARE(job(result, QStringLiteral("deploy")).status, JobStatus::Skipped);
    QCOMPARE(job(result, QStringLiteral("notify")).status, JobStatus::Success);
    QCOMPARE(job(result, QStringLiteral("rollback")).status, JobStatus::Success);
}

void tst_Executor::onFailureJobIsSkippedWhenNothingFailed()
{
    const RunRecord result = run("name: fine\nstages:\n"
                                 "  - name: one\n    jobs:\n"
                                 "      - {name: good, commands: ['true']}\n"
                                 "  - name: two\n    jobs:\n"
                                 "      - {name: rollback, when: on_failure, commands: ['true']}\n",
                                 2);

    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(job(result, QStringLiteral("rollback")).status, JobStatus::Skipped);
    QCOMPARE(job(result, QStringLiteral("rollback")).reason,
             QStringLiteral("when: on_failure, and nothing failed"));
}

void tst_Executor::retriesAFailingJob()
{
    const QByteArray counter = m_dir.filePath(QStringLiteral("flaky-counter")).toUtf8();
    QFile::remove(QString::fromUtf8(counter));
    const RunRecord result = run("name: retry\nstages:\n  - name: one\n    jobs:\n"
                                 "      - {name: flaky, retry: 2, commands: ['"
                                     + testJob().toUtf8() + " flaky " + counter + " 1']}\n",
                                 1);

    const JobRecord &flaky = job(result, QStringLiteral("flaky"));
    QCOMPARE(flaky.status, JobStatus::Success);
    QCOMPARE(flaky.attempts, 2);
    QCOMPARE(flaky.maxAttempts, 3);
    QCOMPARE(result.status, RunStatus::Success);
    QVERIFY(m_sink.output[flaky.index].contains("run 1 of"));
    QVERIFY(m_sink.output[flaky.index].contains("run 2 of"));
}

void tst_Executor::firstFailingCommandFailsTheJob()
{
    const RunRecord result = run("name: commands\nstages:\n  - name: one\n    jobs:\n"
                                 "      - {name: steps, commands: ['echo one', 'exit 4', "
                                 "'echo three']}\n",
                                 1);

    const JobRecord &steps = job(result, QStringLiteral("steps"));
    QCOMPARE(steps.status, JobStatus::Failed);
    QCOMPARE(steps.exitCode, 4);
    const QByteArray output = m_sink.output[steps.index];
    QVERIFY(output.contains("$ echo one\none\n"));
    QVERIFY(output.contains("$ exit 4\n"));
    QVERIFY(!output.contains("three"));
}

void tst_Executor::timeoutStopsTheJobAndItsGrandchildren()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("grandchild.pid"));
    QFile::remove(pidFile);
    const RunRecord result =
        run("name: timeout\nstages:\n  - name: one\n    jobs:\n"
            "      - {name: hangs, timeout: 1s, commands: ['"
                + testJob().toUtf8() + " grandchild " + pidFile.toUtf8() + "']}\n",
            1);

    const JobRecord &hangs = job(result, QStringLiteral("hangs"));
    QCOMPARE(hangs.status, JobStatus::Failed);
    QCOMPARE(hangs.reason, QStringLiteral("timeout"));
    QVERIFY(hangs.durationMs() < 10000);
    const pid_t grandchild = readPid(pidFile);
    QVERIFY(grandchild > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(grandchild), 5000);
}

void tst_Executor::timeoutKillsAJobThatIgnoresSigterm()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("stubborn.pid"));
    QFile::remove(pidFile);
    const RunRecord result =
        run("name: stubborn\nstages:\n  - name: one\n    jobs:\n"
            "      - {name: stubborn, timeout: 1s, commands: ['exec "
                + testJob().toUtf8() + " ignore-term " + pidFile.toUtf8() + "']}\n",
            1);

    QCOMPARE(job(result, QStringLiteral("stubborn")).reason, QStringLiteral("timeout"));
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(readPid(pidFile)), 5000);
}

void tst_Executor::cancelStopsEverything()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("cancel.pid"));
    QFile::remove(pidFile);
    const QByteArray yaml = "name: cancel\nstages:\n  - name: one\n    jobs:\n"
                            "      - {name: long, commands: ['"
                            + testJob().toUtf8() + " grandchild " + pidFile.toUtf8()
                            + "']}\n"
                              "      - {name: queued, commands: ['true']}\n"
                              "  - name: two\n    jobs:\n"
                              "      - {name: never, commands: ['true']}\n";
    const RunRecord result = run(yaml, 1, [&](Executor &executor) {
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
        executor.cancel();
    });

    QCOMPARE(result.status, RunStatus::Cancelled);
    QCOMPARE(job(result, QStringLiteral("long")).status, JobStatus::Cancelled);
    QCOMPARE(job(result, QStringLiteral("queued")).status, JobStatus::Skipped);
    QCOMPARE(job(result, QStringLiteral("queued")).reason, QStringLiteral("run cancelled"));
    QCOMPARE(job(result, QStringLiteral("never")).status, JobStatus::Skipped);
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(readPid(pidFile)), 5000);
}

void tst_Executor::longestRemainingPathStartsFirst()
{
    // With one worker, the job at the head of the long chain must go before the lone job,
    // although the lone job comes first in the file.
    const RunRecord result = run("name: priority\nstages:\n  - name: one\n    jobs:\n"
                                 "      - {name: lone, commands: ['true']}\n"
                                 "      - {name: head, commands: ['true']}\n"
                                 "      - {name: middle, needs: [head], commands: ['true']}\n"
                                 "      - {name: tail, needs: [middle], commands: ['true']}\n",
                                 1);

    QCOMPARE(result.status, RunStatus::Success);
    QVERIFY(job(result, QStringLiteral("head")).startedAt
            <= job(result, QStringLiteral("lone")).startedAt);
}

void tst_Executor::environmentCarriesTheRunContext()
{
    const RunRecord result = run("name: env\nvariables: {LEVEL: pipeline, KEEP: kept}\n"
                                 "stages:\n  - name: one\n    jobs:\n"
                                 "      - name: show\n        env: {LEVEL: job}\n"
                                 "        commands: ['echo \"$LEVEL $KEEP $PIPEWRIGHT_BRANCH "
                                 "$PIPEWRIGHT_COMMIT $PIPEWRIGHT_RUN_ID $PIPEWRIGHT_JOB_NAME\"']\n",
                                 1);

    QCOMPARE(result.status, RunStatus::Success);
    QVERIFY2(m_sink.output[0].contains("job kept main abc123 42 show\n"),
             m_sink.output[0].constData());
}

void tst_Executor::largeOutputIsStreamedInPieces()
{
    const qint64 size = 50 * 1024 * 1024;
    const QByteArray yaml = "name: big\nstages:\n  - name: one\n    jobs:\n"
                            "      - {name: chatty, commands: ['"
                            + testJob().toUtf8() + " bytes " + QByteArray::number(size) + "']}\n";
    m_sink.keepOutput = false;
    const RunRecord result = run(yaml, 1);

    QCOMPARE(result.status, RunStatus::Success);
    const qsizetype echo = qsizetype(
        QByteArray("$ " + testJob().toUtf8() + " bytes " + QByteArray::number(size) + "\n").size());
    QCOMPARE(m_sink.bytes[0], size + echo);
    QCOMPARE(m_sink.nextLine[std::make_pair(0, 1)], size / 100 + 1);
    QVERIFY(!m_sink.outOfOrder);
    // Never the whole log at once: it goes on in pieces of bounded size.
    QVERIFY(m_sink.largestChunk < 8 * 1024 * 1024);
}

void tst_Executor::missingShellFailsTheJob()
{
    const RunRecord result = run("name: shell\nstages:\n  - name: one\n    jobs:\n"
                                 "      - {name: odd, shell: /nonexistent/shell, commands: "
                                 "['true']}\n",
                                 1);

    const JobRecord &odd = job(result, QStringLiteral("odd"));
    QCOMPARE(odd.status, JobStatus::Failed);
    QVERIFY2(odd.reason.startsWith(QStringLiteral("cannot start '/nonexistent/shell'")),
             qPrintable(odd.reason));
}

QTEST_GUILESS_MAIN(tst_Executor)
#include "tst_executor.moc"
