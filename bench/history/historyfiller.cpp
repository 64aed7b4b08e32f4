#include "historyfiller.h"

#include <QElapsedTimer>

namespace pw::bench {

namespace {

// Runs recorded in one transaction: large enough that a transaction's cost vanishes, small
// enough that one batch's records stay a few megabytes.
constexpr int runsPerBatch = 1000;

RunStatus statusOf(int number)
{
    static const RunStatus statuses[] = {RunStatus::Success,   RunStatus::Success,
                                         RunStatus::Success,   RunStatus::Failed,
                                         RunStatus::Cancelled, RunStatus::Success};
    return statuses[number % 6];
}

QString pipelineOf(int number)
{
    return QStringLiteral("pipeline-%1").arg(number % 20);
}

QString branchOf(int number)
{
    return number % 3 == 0 ? QStringLiteral("main") : QStringLiteral("topic/%1").arg(number % 50);
}

} // namespace

QDateTime historyStart()
{
    return QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
}

RunRecord sampleHistoryRun(int number)
{
    RunRecord run;
    run.pipeline = pipelineOf(number);
    run.pipelineFile = run.pipeline + QStringLiteral("/pipewright.yml");
    run.status = statusOf(number);
    run.branch = branchOf(number);
    run.commit = QStringLiteral("%1").arg(quint64(number) * 2654435761u, 40, 16, QLatin1Char('0'));
    run.event = number % 4 == 0 ? QStringLiteral("merge_request") : QStringLiteral("push");
    run.triggeredBy = QStringLiteral("user%1").arg(number % 7);
    run.startedAt = historyStart().addSecs(qint64(number) * 300);
    run.finishedAt = run.startedAt.addSecs(30 + (number * 37) % 900);
    run.stages = {{0, QStringLiteral("build"), StageStatus::Success, {}, std::nullopt},
                  {1, QStringLiteral("test"), StageStatus::Success, {}, std::nullopt}};
    for (int job = 0; job < 3; ++job) {
        JobRecord record;
        record.index = job;
        record.stage = job == 0 ? 0 : 1;
        record.name = QStringLiteral("job%1").arg(job);
        record.status = JobStatus::Success;
        record.startedAt = run.startedAt;
        record.finishedAt = run.finishedAt;
        run.jobs.append(record);
    }
    return run;
}

int sampleRunsMatching(int runs, const QString &pipeline, const QString &status,
                       const QString &branch)
{
    int count = 0;
    for (int number = 0; number < runs; ++number) {
        if ((pipeline.isEmpty() || pipelineOf(number) == pipeline)
            && (status.isEmpty() || keyword(statusOf(number)) == status)
            && (branch.isEmpty() || branchOf(number) == branch))
            ++count;
    }
    return count;
}

Result<double> fillHistory(RunStore &store, int runs)
{
    RunQuery last;
    last.limit = 1;
    const auto newest = store.listRuns(last);
    if (!newest)
        return newest.error();
    const qint64 have = newest->isEmpty() ? 0 : newest->first().id;
    if (have >= runs)
        return 0.0;

    QElapsedTimer timer;
    timer.start();
    for (int number = int(have); number < runs;) {
        QList<RunRecord> batch;
        for (; number < runs && batch.size() < runsPerBatch; ++number)
            batch.append(sampleHistoryRun(number));
        const Result<QList<qint64>> created = store.createRuns(batch);
        if (!created)
            return Error{QStringLiteral("cannot fill the store: %1").arg(created.error().message)};
    }
    return timer.nsecsElapsed() / 1e9;
}

} // namespace pw::bench
