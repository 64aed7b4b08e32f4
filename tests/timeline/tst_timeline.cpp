#include "core/timeline/timeline.h"
#include "runsketch.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;
using namespace pw::test;
using namespace pw::timeline;

namespace {

RunStatus runStatusOf(const QString &text)
{
    const auto status = runStatusFromString(text);
    if (!status)
        qFatal("no run status %s", qPrintable(text));
    return *status;
}

QString basisName(EstimateBasis basis)
{
    switch (basis) {
    case EstimateBasis::Finished:
        return QStringLiteral("finished");
    case EstimateBasis::History:
        return QStringLiteral("history");
    case EstimateBasis::Partial:
        return QStringLiteral("partial");
    case EstimateBasis::Unknown:
        return QStringLiteral("unknown");
    }
    return QString();
}

TimelineInputs inputsAt(double nowSeconds, const QString &history = {}, int workers = 0)
{
    TimelineInputs inputs;
    inputs.now = secondsIn(nowSeconds);
    inputs.pastDurationsMs = durationsOf(history);
    inputs.workers = workers;
    return inputs;
}

AttemptRecord attempt(int job, int number, double start, double end = -1)
{
    AttemptRecord record;
    record.job = job;
    record.number = number;
    record.startedAt = secondsIn(start);
    if (end >= 0)
        record.finishedAt = secondsIn(end);
    return record;
}

// "1 0-4 | 2 5-7 running"
QString attemptsOf(const JobBar &bar)
{
    QStringList attempts;
    for (const AttemptBar &attempt : bar.attempts) {
        attempts.append(QStringLiteral("%1 %2-%3%4")
                            .arg(attempt.number)
                            .arg(double(attempt.startMs) / 1000)
                            .arg(double(attempt.endMs) / 1000)
                            .arg(attempt.running ? QStringLiteral(" running") : QString()));
    }
    return attempts.join(QStringLiteral(" | "));
}

} // namespace

class TimelineTest : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void barsAndCriticalPath_data();
    void barsAndCriticalPath();
    void finishEstimate_data();
    void finishEstimate();
    void attemptsOfARetriedJob();
    void clockSkewIsAdjustedAndSaid_data();
    void clockSkewIsAdjustedAndSaid();
    void badNeedsAreLeftOutAndSaid_data();
    void badNeedsAreLeftOutAndSaid();
    void pastDurationOfAJob_data();
    void pastDurationOfAJob();
    void hugeRunsArePlacedWhole_data();
    void hugeRunsArePlacedWhole();
    void absurdValuesStayInRange();
    void manyProblemsAreSummed();
};

void TimelineTest::init()
{
    failOnWarnings();
}

void TimelineTest::barsAndCriticalPath_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("runStatus");
    QTest::addColumn<QString>("history");
    QTest::addColumn<double>("now");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("bars");
    QTest::addColumn<QString>("criticalPath");

    QTest::newRow("a finished chain keeps its times and is critical from end to end")
        << "a 0 success 0 10 | b 1 success 10 25 | c 2 success 25 30"
        << "success"
        << "" << 40.0 << 0 << "a 0-10 | b 10-25 | c 25-30"
        << "a > b > c";
    QTest::newRow("the longer branch of a diamond is critical")
        << "top 0 success 0 5 | left 1 success 5 20 < top | right 1 success 5 8 < top"
           " | bottom 2 success 20 22 < left, right"
        << "success"
        << "" << 22.0 << 0 << "top 0-5 | left 5-20 | right 5-8 | bottom 20-22"
        << "top > left > bottom";
    QTest::newRow("a later stage waits for the slowest job of the earlier one")
        << "quick 0 success 0 3 | slow 0 success 0 12 | next 1 success 12 14"
        << "success"
        << "" << 14.0 << 0 << "quick 0-3 | slow 0-12 | next 12-14"
        << "slow > next";
    QTest::newRow("a job with needs does not wait for the rest of the earlier stage")
        << "slow 0 running 0 | quick 0 success 0 2 | deploy 1 pending < quick"
        << "running"
        << "slow=10 deploy=3" << 6.0 << 0 << "slow 0-6~10 | quick 0-2 | deploy 6-9"
        << "slow";
    QTest::newRow("jobs still to run follow what they wait for with their past durations")
        << "build 0 running 0 | test 1 pending | ship 2 pending"
        << "running"
        << "build=10 test=5 ship=2" << 4.0 << 0 << "build 0-4~10 | test 10-15 | ship 15-17"
        << "build > test > ship";
    QTest::newRow("a running job past its past duration is expected to end now")
        << "build 0 running 0 | test 1 pending"
        << "running"
        << "build=10 test=5" << 20.0 << 0 << "build 0-20 | test 20-25"
        << "build > test";
    QTest::newRow("a skipped job takes no time and is not on the critical path")
        << "a 0 failed 0 8 | b 1 skipped - - < a | c 2 success 8 9"
        << "failed"
        << "" << 9.0 << 0 << "a 0-8 | b - | c 8-9"
        << "a > c";
    QTest::newRow("jobs left pending when the run ended did not run")
        << "a 0 failed 0 8 | b 1 pending"
        << "failed"
        << "b=5" << 9.0 << 0 << "a 0-8 | b -"
        << "a";
    QTest::newRow("one worker runs ready jobs one by one, longest remaining path first")
        << "short 0 pending | long 0 pending | after 1 pending < long"
        << "running"
        << "short=2 long=5 after=1" << 0.0 << 1 << "short 5-7 | long 0-5 | after 7-8"
        << "long > after";
    QTest::newRow("with both workers busy the next job waits for the first to end")
        << "a 0 running 0 | b 0 running 1 | c 0 pending"
        << "running"
        << "a=4 b=10 c=3" << 1.0 << 2 << "a 0-1~4 | b 1-1~11 | c 4-7"
        << "b";
    QTest::newRow("without a limit on workers ready jobs start at once")
        << "a 0 running 0 | b 0 running 1 | c 0 pending"
        << "running"
        << "a=4 b=10 c=3" << 1.0 << 0 << "a 0-1~4 | b 1-1~11 | c 1-4"
        << "b";
    QTest::newRow("with more jobs running than workers the next waits for enough of them")
        << "a 0 running 0 | b 0 running 0 | c 0 pending"
        << "running"
        << "a=2 b=6 c=1" << 0.0 << 1 << "a 0-0~2 | b 0-0~6 | c 6-7"
        << "b";
    QTest::newRow("a job waiting for a resource is placed like one still to run")
        << "a 0 success 0 2 | b 1 waiting_resource"
        << "running"
        << "b=4" << 3.0 << 0 << "a 0-2 | b 3-7"
        << "a > b";
}

void TimelineTest::barsAndCriticalPath()
{
    QFETCH(QString, sketch);
    QFETCH(QString, runStatus);
    QFETCH(QString, history);
    QFETCH(double, now);
    QFETCH(int, workers);

    const RunStatus status = runStatusOf(runStatus);
    const RunRecord run = sketchRun(sketch, status, isFinished(status) ? now : -1);
    const Timeline timeline = computeTimeline(run, inputsAt(now, history, workers));

    QTEST(barsOf(run, timeline), "bars");
    QTEST(namesOf(run, timeline.criticalPath), "criticalPath");
    for (const JobBar &bar : timeline.bars)
        QCOMPARE(bar.critical, timeline.criticalPath.contains(bar.job));
    QVERIFY(timeline.problems.isEmpty());
}

void TimelineTest::finishEstimate_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("runStatus");
    QTest::addColumn<QString>("history");
    QTest::addColumn<double>("now");
    QTest::addColumn<int>("workers");
    QTest::addColumn<QString>("basis");
    QTest::addColumn<double>("finish"); // seconds; negative: none
    QTest::addColumn<int>("guessedJobs");
    QTest::addColumn<bool>("waitsForApproval");

    QTest::newRow("a finished run's finish is the recorded one")
        << "a 0 success 0 10 | b 1 success 10 25"
        << "success"
        << "" << 30.0 << 0 << "finished" << 30.0 << 0 << false;
    QTest::newRow("with history for every job still to run the estimate rests on it")
        << "build 0 running 0 | test 1 pending | ship 2 pending"
        << "running"
        << "build=10 test=5 ship=2" << 4.0 << 0 << "history" << 17.0 << 0 << false;
    QTest::newRow("without any duration to go by nothing is estimated")
        << "a 0 running 0 | b 1 pending"
        << "running"
        << "" << 3.0 << 0 << "unknown" << -1.0 << 2 << false;
    QTest::newRow("jobs without history are guessed from the durations that are known")
        << "a 0 success 0 4 | b 0 success 0 8 | c 1 pending | d 2 pending"
        << "running"
        << "d=10" << 8.0 << 0 << "partial" << 26.0 << 1 << false;
    QTest::newRow("a job running past its history makes the finish now")
        << "a 0 running 0"
        << "running"
        << "a=5" << 9.0 << 0 << "history" << 9.0 << 0 << false;
    QTest::newRow("two workers for four jobs of equal length take twice as long")
        << "a 0 pending | b 0 pending | c 0 pending | d 0 pending"
        << "running"
        << "a=3 b=3 c=3 d=3" << 0.0 << 2 << "history" << 6.0 << 0 << false;
    QTest::newRow("a run waiting at a gate is estimated as if approved now")
        << "a 0 success 0 2 | b 1 pending"
        << "waiting_approval"
        << "b=5" << 10.0 << 0 << "history" << 15.0 << 0 << true;
}

void TimelineTest::finishEstimate()
{
    QFETCH(QString, sketch);
    QFETCH(QString, runStatus);
    QFETCH(QString, history);
    QFETCH(double, now);
    QFETCH(int, workers);
    QFETCH(double, finish);

    const RunStatus status = runStatusOf(runStatus);
    const RunRecord run = sketchRun(sketch, status, isFinished(status) ? now : -1);
    const Timeline timeline = computeTimeline(run, inputsAt(now, history, workers));
    const FinishEstimate &estimate = timeline.estimate;

    QTEST(basisName(estimate.basis), "basis");
    QTEST(estimate.guessedJobs, "guessedJobs");
    QTEST(estimate.waitsForApproval, "waitsForApproval");
    if (finish < 0) {
        QVERIFY(estimate.finish.isNull());
        return;
    }
    QCOMPARE(estimate.finish, secondsIn(finish));
    if (!isFinished(status))
        QCOMPARE(estimate.remainingMs, qint64((finish - now) * 1000));
}

void TimelineTest::attemptsOfARetriedJob()
{
    RunRecord run = sketchRun(QStringLiteral("flaky 0 running 0 | steady 0 success 0 3"
                                             " | fresh 0 success 1 2"));
    run.jobs[0].attempts = 2;
    run.jobs[2].attempts = 3;

    TimelineInputs inputs = inputsAt(7);
    inputs.attempts = {attempt(0, 2, 5), attempt(0, 1, 0, 4), attempt(1, 1, 0, 3),
                       attempt(99, 1, 0, 1)};
    const Timeline timeline = computeTimeline(run, inputs);

    // Attempts are in order, the last one of a running job ends at now; a job without
    // attempt records gets one bar for its last attempt; attempts of no job are dropped.
    QCOMPARE(attemptsOf(timeline.bars.at(0)), QStringLiteral("1 0-4 | 2 5-7 running"));
    QCOMPARE(attemptsOf(timeline.bars.at(1)), QStringLiteral("1 0-3"));
    QCOMPARE(attemptsOf(timeline.bars.at(2)), QStringLiteral("3 1-2"));
    QCOMPARE(timeline.bars.at(0).startMs, qint64(0));
    QCOMPARE(timeline.bars.at(0).endMs, qint64(7000));
}

void TimelineTest::clockSkewIsAdjustedAndSaid_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("runStatus");
    QTest::addColumn<double>("now");
    QTest::addColumn<QString>("bars");
    QTest::addColumn<QStringList>("problems");
    QTest::addColumn<bool>("skewedFirstJob");

    QTest::newRow("a job that finished before it started has no length")
        << "a 0 success 10 4"
        << "success" << 10.0 << "a 10-10"
        << QStringList{"job 'a' finished 6.00s before it started; its bar has no length"} << true;
    QTest::newRow("a job that started before its run starts with it")
        << "a 0 success -3 5"
        << "success" << 5.0 << "a 0-5"
        << QStringList{"job 'a' started 3.00s before its run; its bar starts with the run"} << true;
    QTest::newRow("recorded times ahead of this clock make now the latest of them")
        << "a 0 success 0 8 | b 1 running 8"
        << "running" << 5.0 << "a 0-8 | b 8-8~16"
        << QStringList{"recorded times lie up to 3.00s ahead of this computer's clock; now is "
                       "taken as the latest of them"}
        << false;
}

void TimelineTest::clockSkewIsAdjustedAndSaid()
{
    QFETCH(QString, sketch);
    QFETCH(QString, runStatus);
    QFETCH(double, now);

    const RunStatus status = runStatusOf(runStatus);
    const RunRecord run = sketchRun(sketch, status, isFinished(status) ? now : -1);
    const Timeline timeline = computeTimeline(run, inputsAt(now));

    QTEST(barsOf(run, timeline), "bars");
    QTEST(timeline.problems, "problems");
    QTEST(timeline.bars.at(0).clockSkew, "skewedFirstJob");
    for (const JobBar &bar : timeline.bars)
        QVERIFY(bar.endMs >= bar.startMs && bar.startMs >= 0);
}

void TimelineTest::badNeedsAreLeftOutAndSaid_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("history");
    QTest::addColumn<QString>("bars");
    QTest::addColumn<QString>("criticalPath");
    QTest::addColumn<QStringList>("problems");

    QTest::newRow("a need on a job not in the run is left out")
        << "a 0 success 0 2 | b 1 pending < ghost"
        << "b=3"
        << "a 0-2 | b 4-7"
        << "b" << QStringList{"job 'b' needs 'ghost', which is not a job of this run"};
    QTest::newRow("a job that needs itself waits for nothing")
        << "a 0 pending < a"
        << "a=2"
        << "a 4-6"
        << "a" << QStringList{"job 'a' needs itself"};
    QTest::newRow("needs in a cycle are broken where the cycle closes")
        << "a 0 pending < b | b 0 pending < a"
        << "a=1 b=2"
        << "a 4-5 | b 5-7"
        << "a > b"
        << QStringList{"the needs of 'b', 'a' form a cycle; the needs closing it are left out"};
    QTest::newRow("a need on a job of a later stage closes a cycle through the stages")
        << "a 0 pending < b | b 1 pending"
        << "a=1 b=1"
        << "a 4-5 | b 5-6"
        << "a > b"
        << QStringList{"the needs of 'b', 'a' form a cycle; the needs closing it are left out"};
    QTest::newRow("needs on a name two jobs share wait for the first of them")
        << "x 0 success 0 2 | x 0 success 0 4 | y 1 pending < x"
        << "y=1"
        << "x 0-2 | x 0-4 | y 4-5"
        << "x" << QStringList{"jobs 1 and 2 are both named 'x'; needs on it wait for the first"};
}

void TimelineTest::badNeedsAreLeftOutAndSaid()
{
    QFETCH(QString, sketch);
    QFETCH(QString, history);

    const RunRecord run = sketchRun(sketch);
    const Timeline timeline = computeTimeline(run, inputsAt(4, history));

    QTEST(barsOf(run, timeline), "bars");
    QTEST(namesOf(run, timeline.criticalPath), "criticalPath");
    QTEST(timeline.problems, "problems");
}

void TimelineTest::pastDurationOfAJob_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("history");
    QTest::addColumn<qint64>("expected"); // -1: none

    QTest::newRow("a job's own name comes first") << "e2e: [chrome]"
                                                  << "e2e=5|e2e: [chrome]=2" << qint64(2000);
    QTest::newRow("a matrix instance goes by its job's name") << "e2e: [chrome, linux]"
                                                              << "e2e=5" << qint64(5000);
    QTest::newRow("a colon alone does not make a matrix instance") << "deploy: eu"
                                                                   << "deploy=5" << qint64(-1);
    QTest::newRow("a job without history has no past duration") << "a"
                                                                << "b=5" << qint64(-1);
    QTest::newRow("a negative duration is no duration") << "a"
                                                        << "a=-4" << qint64(-1);
    QTest::newRow("an absurd duration is capped") << "a"
                                                  << "a=1e15" << (qint64(1) << 40);
}

void TimelineTest::pastDurationOfAJob()
{
    QFETCH(QString, name);
    QFETCH(QString, history);
    QFETCH(qint64, expected);

    // Names here may hold spaces, so entries are separated by "|".
    QHash<QString, qint64> durations;
    for (const QString &entry : history.split(QLatin1Char('|'))) {
        const qsizetype equals = entry.lastIndexOf(QLatin1Char('='));
        durations.insert(entry.left(equals), qint64(entry.mid(equals + 1).toDouble() * 1000));
    }
    const std::optional<qint64> duration = pastDurationOf(name, durations);
    QCOMPARE(duration.value_or(-1), expected);
}

void TimelineTest::hugeRunsArePlacedWhole_data()
{
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("workers");
    QTest::addColumn<double>("finish");
    QTest::addColumn<int>("criticalJobs");

    QTest::newRow("2,000 jobs in one chain of needs") << "chain" << 0 << 2000.0 << 2000;
    QTest::newRow("2,000 jobs in 100 stages without needs") << "stages" << 0 << 100.0 << 100;
    QTest::newRow("2,000 jobs in 100 stages on 4 workers") << "stages" << 4 << 500.0 << 100;
    QTest::newRow("2,000 jobs each needing the 20 before it") << "dense" << 2 << 2000.0 << 2000;
}

void TimelineTest::hugeRunsArePlacedWhole()
{
    QFETCH(QString, shape);
    QFETCH(int, workers);

    RunRecord run = sketchRun(QString());
    TimelineInputs inputs = inputsAt(0, QString(), workers);
    for (int job = 0; job < 2000; ++job) {
        JobRecord record;
        record.index = job;
        record.name = QStringLiteral("job%1").arg(job);
        record.stage = shape == QLatin1String("stages") ? job / 20 : 0;
        if (shape == QLatin1String("chain") && job > 0)
            record.needs = {QStringLiteral("job%1").arg(job - 1)};
        for (int before = std::max(0, job - 20); shape == QLatin1String("dense") && before < job;
             ++before)
            record.needs.append(QStringLiteral("job%1").arg(before));
        run.jobs.append(record);
        inputs.pastDurationsMs.insert(record.name, 1000);
    }

    const Timeline timeline = computeTimeline(run, inputs);

    QCOMPARE(timeline.bars.size(), qsizetype(2000));
    QCOMPARE(timeline.estimate.basis, EstimateBasis::History);
    QTEST(double(timeline.estimate.remainingMs) / 1000, "finish");
    QTEST(int(timeline.criticalPath.size()), "criticalJobs");
    QVERIFY(timeline.problems.isEmpty());
}

void TimelineTest::absurdValuesStayInRange()
{
    RunRecord run = sketchRun(QStringLiteral("a -7 success 0 1 | b 1000000 running 1"
                                             " | c 2147483647 pending | d 5 pending < a, a, c"));
    run.jobs[0].startedAt = QDateTime(QDate(1, 1, 1), QTime(0, 0), Qt::UTC);
    run.jobs[0].finishedAt = QDateTime(QDate(9999, 1, 1), QTime(0, 0), Qt::UTC);
    TimelineInputs inputs = inputsAt(2, QStringLiteral("c=1e18 d=1e18"), 3);
    inputs.pastDurationsMs.insert(QStringLiteral("b"), std::numeric_limits<qint64>::max());

    const Timeline timeline = computeTimeline(run, inputs);

    for (const JobBar &bar : timeline.bars) {
        QVERIFY(bar.startMs >= 0);
        QVERIFY(bar.endMs >= bar.startMs);
        QVERIFY(bar.expectedEndMs >= bar.endMs);
    }
    QVERIFY(timeline.spanMs > 0);
    QVERIFY(timeline.estimate.finish.isValid());
    QCOMPARE(timeline.problems.size(), qsizetype(3));
    QVERIFY(timeline.problems.at(0).startsWith(QLatin1String("recorded times lie up to ")));
    QVERIFY(timeline.problems.at(1).startsWith(QLatin1String("job 'a' started ")));
    QCOMPARE(timeline.problems.at(2),
             QStringLiteral("the needs of 'd' form a cycle; the needs closing it are left out"));
}

void TimelineTest::manyProblemsAreSummed()
{
    QString sketch;
    for (int job = 0; job < 30; ++job)
        sketch += QStringLiteral("j%1 0 success 5 1 | ").arg(job);
    const Timeline timeline =
        computeTimeline(sketchRun(sketch, RunStatus::Success, 5), inputsAt(5));

    QCOMPARE(timeline.problems.size(), qsizetype(21));
    QCOMPARE(timeline.problems.last(), QStringLiteral("and 10 more problems like these"));
}

QTEST_GUILESS_MAIN(TimelineTest)

#include "tst_timeline.moc"
