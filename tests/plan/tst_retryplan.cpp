#include "core/exec/executor.h"
#include "core/exec/retryrecord.h"
#include "core/plan/planner.h"
#include "core/plan/retryplan.h"
#include "plansketch.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

Plan planOf(const QString &sketch)
{
    auto pipeline = sketchPipeline(sketch);
    pipeline->filePath = QStringLiteral("/work/pipeline.yml");
    Result<Plan> plan = makePlan(pipeline, RunContext());
    if (!plan)
        qFatal("cannot plan %s: %s", qPrintable(sketch), qPrintable(plan.error().message));
    return std::move(plan).value();
}

// A finished run of `plan` whose jobs ended as `outcomes` says: "a=failed b=cancelled"; the
// others succeeded, or stayed skipped when the plan skips them.
RunRecord finishedRun(const Plan &plan, const QString &outcomes)
{
    RunRecord run = makeRunRecord(plan);
    run.id = 12;
    run.status = RunStatus::Failed;
    for (JobRecord &job : run.jobs) {
        if (job.status == JobStatus::Pending) {
            job.status = JobStatus::Success;
            job.attempts = 1;
            job.exitCode = 0;
        }
    }
    for (const QString &outcome : outcomes.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const QStringList parts = outcome.split(QLatin1Char('='));
        run.jobs[plan.findJob(parts[0])].status = *jobStatusFromString(parts[1]);
    }
    return run;
}

// "a b" for the jobs that run again, in plan order.
QString rerunOf(const Plan &plan, const RetryPlan &retry)
{
    QStringList names;
    for (const PlannedJob &job : plan.jobs) {
        if (!retry.reused[job.index] && !job.skipped)
            names.append(job.name);
    }
    return names.join(QLatin1Char(' '));
}

} // namespace

class tst_RetryPlan : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void runsAgainWhatDidNotSucceedAndWhatFollows_data();
    void runsAgainWhatDidNotSucceedAndWhatFollows();
    void expiredArtifactsRunTheirJobAgain();
    void allRunsEveryJob();
    void refusesWhatCannotBeRetried_data();
    void refusesWhatCannotBeRetried();
    void manyChangedJobsAreNamedInShort();
    void retryRecordCopiesReusedJobsHonestly();
};

void tst_RetryPlan::runsAgainWhatDidNotSucceedAndWhatFollows_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("outcomes");
    QTest::addColumn<QString>("rerun");

    const QString stages = QStringLiteral("build: compile; docs | test: unit; lint | ship: pack");
    QTest::newRow("a failed job of the last stage runs alone again") << stages << "pack=failed"
                                                                     << "pack";
    QTest::newRow("a failed first stage runs every later stage again")
        << stages << "docs=failed unit=skipped lint=skipped pack=skipped"
        << "docs unit lint pack";
    QTest::newRow("a cancelled job runs again with the stages after it")
        << stages << "lint=cancelled pack=skipped"
        << "lint pack";
    QTest::newRow("an interrupted job runs again")
        << stages << "unit=interrupted lint=interrupted pack=pending"
        << "unit lint pack";

    const QString needs =
        QStringLiteral("build: api; web | test: apitest < api; webtest < web | ship: all < "
                       "apitest, webtest; docs <");
    QTest::newRow("only the needs chain of a failed job runs again")
        << needs << "web=failed webtest=skipped all=skipped"
        << "web webtest all";
    QTest::newRow("a job with needs: [] is reused after a failure elsewhere")
        << needs << "apitest=failed all=skipped"
        << "apitest all";
    QTest::newRow("a job the plan skips stays skipped")
        << QStringLiteral("build: compile; !extra | test: unit") << "unit=failed"
        << "unit";
}

void tst_RetryPlan::runsAgainWhatDidNotSucceedAndWhatFollows()
{
    QFETCH(QString, sketch);
    QFETCH(QString, outcomes);
    QFETCH(QString, rerun);

    const Plan plan = planOf(sketch);
    const Result<RetryPlan> retry = planRetry(plan, finishedRun(plan, outcomes));
    QVERIFY2(retry.ok(), retry.ok() ? "" : qPrintable(retry.error().message));
    QCOMPARE(rerunOf(plan, *retry), rerun);
    QCOMPARE(retry->retryOf, 12);
    QCOMPARE(retry->rerun, int(rerun.split(QLatin1Char(' ')).size()));
    QVERIFY(retry->notes.isEmpty());
}

void tst_RetryPlan::expiredArtifactsRunTheirJobAgain()
{
    const Plan plan = planOf(QStringLiteral("build: compile; docs | test: unit < compile"));
    RetryOptions options;
    options.expiredArtifacts = {plan.findJob(QStringLiteral("compile"))};
    const Result<RetryPlan> retry =
        planRetry(plan, finishedRun(plan, QStringLiteral("unit=failed")), options);

    QVERIFY(retry.ok());
    QCOMPARE(rerunOf(plan, *retry), QStringLiteral("compile unit"));
    QCOMPARE(retry->notes,
             QStringList{QStringLiteral("compile runs again: its artifacts of run 12 have "
                                        "expired")});
}

void tst_RetryPlan::allRunsEveryJob()
{
    const Plan plan = planOf(QStringLiteral("build: compile; docs | test: unit"));
    RetryOptions options;
    options.all = true;
    const Result<RetryPlan> retry = planRetry(plan, finishedRun(plan, QString()), options);

    QVERIFY(retry.ok());
    QCOMPARE(rerunOf(plan, *retry), QStringLiteral("compile docs unit"));
    QCOMPARE(retry->reusedCount(), 0);
}

void tst_RetryPlan::refusesWhatCannotBeRetried_data()
{
    QTest::addColumn<QString>("recorded");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("message");

    const QString sketch = QStringLiteral("build: compile | test: unit");
    QTest::newRow("a run that still goes")
        << sketch << sketch << "running"
        << "run 12 is still running; it can be retried once it has ended (wait for it, or "
           "cancel it first)";
    QTest::newRow("a run that waits at a gate") << sketch << sketch << "waiting_approval"
                                                << "run 12 is still waiting for approval;";
    QTest::newRow("a file whose jobs were renamed")
        << sketch << QStringLiteral("build: compile | test: unit-tests; lint") << "failed"
        << "the pipeline file /work/pipeline.yml has changed since run 12, so its jobs no "
           "longer match the run's (no longer in the file: unit; new in the file: "
           "unit-tests, lint); start a new run instead";
    QTest::newRow("a run where every job succeeded")
        << sketch << sketch << "success"
        << "run 12 has no job to run again: every job that runs succeeded; use --all to run "
           "them all again";
}

void tst_RetryPlan::refusesWhatCannotBeRetried()
{
    QFETCH(QString, recorded);
    QFETCH(QString, now);
    QFETCH(QString, status);
    QFETCH(QString, message);

    const Plan before = planOf(recorded);
    RunRecord run = finishedRun(before, QString());
    const std::optional<RunStatus> parsed = runStatusFromString(status);
    QVERIFY(parsed);
    run.status = *parsed;
    const Result<RetryPlan> retry = planRetry(planOf(now), run);

    QVERIFY(!retry.ok());
    QVERIFY2(retry.error().message.startsWith(message), qPrintable(retry.error().message));
}

void tst_RetryPlan::manyChangedJobsAreNamedInShort()
{
    QStringList jobs;
    for (int i = 0; i < 30; ++i)
        jobs.append(QStringLiteral("j%1").arg(i));
    const Plan before = planOf(QStringLiteral("one: ") + jobs.join(QStringLiteral("; ")));
    const Plan now = planOf(QStringLiteral("one: other"));
    const Result<RetryPlan> retry =
        planRetry(now, finishedRun(before, QStringLiteral("j0=failed")));

    QVERIFY(!retry.ok());
    QVERIFY2(retry.error().message.contains(
                 QStringLiteral("no longer in the file: j0, j1, j2, j3, j4, j5, j6, j7, j8, j9 "
                                "and 20 more; new in the file: other")),
             qPrintable(retry.error().message));
}

void tst_RetryPlan::retryRecordCopiesReusedJobsHonestly()
{
    // The file now lists the test stage's jobs in another order: jobs match by name.
    const Plan before = planOf(QStringLiteral("build: compile | test: unit; lint"));
    const Plan now = planOf(QStringLiteral("build: compile | test: lint; unit"));
    RunRecord previous = finishedRun(before, QStringLiteral("unit=failed"));
    JobRecord &compile = previous.jobs[before.findJob(QStringLiteral("compile"))];
    compile.startedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
    compile.finishedAt = compile.startedAt.addSecs(42);
    compile.attempts = 2;
    compile.artifacts = {{QStringLiteral("out/app"), 1234}};
    const Result<RetryPlan> retry = planRetry(now, previous);
    QVERIFY(retry.ok());

    const RunRecord run = makeRetryRecord(now, previous, *retry);
    QCOMPARE(run.retryOf, 12);
    const JobRecord &reused = run.jobs[now.findJob(QStringLiteral("compile"))];
    QCOMPARE(reused.status, JobStatus::Success);
    QCOMPARE(reused.reason, QStringLiteral("reused from run 12"));
    QCOMPARE(reused.durationMs(), 42000);
    QCOMPARE(reused.attempts, 2);
    QCOMPARE(reused.artifacts.size(), 1);
    QCOMPARE(reused.index, now.findJob(QStringLiteral("compile")));
    QCOMPARE(run.stages[0].status, StageStatus::Success);
    QCOMPARE(run.stages[0].reason, QStringLiteral("reused from run 12"));

    // Lint succeeded but follows nothing that failed in its own stage: it is reused too.
    const JobRecord &lint = run.jobs[now.findJob(QStringLiteral("lint"))];
    QCOMPARE(lint.status, JobStatus::Success);
    QCOMPARE(lint.index, now.findJob(QStringLiteral("lint")));
    QCOMPARE(run.jobs[now.findJob(QStringLiteral("unit"))].status, JobStatus::Pending);
    QCOMPARE(run.stages[1].status, StageStatus::Pending);
}

QTEST_GUILESS_MAIN(tst_RetryPlan)
#include "tst_retryplan.moc"
