#include "writerload.h"

namespace pw::test {

namespace {

const QDateTime start = QDateTime(QDate(2025, 6, 1), QTime(12, 0), Qt::UTC);

QByteArray chunkData(const QString &pipeline, int run, int job, int chunk, const WriterLoad &load)
{
    // Every line names its writer, run, job and number, so that a chunk that went to the
    // wrong place shows; a few bytes are not UTF-8, and one is a NUL.
    static const QByteArray rawBytes("\xff\x00 ", 3);
    QByteArray data;
    for (int line = 0; line < load.linesPerChunk; ++line) {
        const qint64 number = qint64(chunk) * load.linesPerChunk + line;
        data.append(QStringLiteral("%1 run %2 job %3 line %4 ")
                        .arg(pipeline)
                        .arg(run)
                        .arg(job)
                        .arg(number)
                        .toUtf8());
        data.append(rawBytes);
        data.append(QByteArray(40 + line, char('a' + (run + job + line) % 26)));
        data.append('\n');
    }
    return data;
}

JobRecord finished(JobRecord job)
{
    job.status = JobStatus::Success;
    job.exitCode = 0;
    job.attempts = 1;
    job.startedAt = start.addSecs(job.index);
    job.finishedAt = start.addSecs(60 + job.index);
    return job;
}

} // namespace

RunRecord writerRun(const QString &pipeline, int run, const WriterLoad &load)
{
    RunRecord record;
    record.pipeline = pipeline;
    record.status = RunStatus::Running;
    record.event = QStringLiteral("run %1").arg(run);
    record.startedAt = start;
    record.stages = {{0, QStringLiteral("only"), StageStatus::Running, QString(), std::nullopt}};
    for (int job = 0; job < load.jobs; ++job) {
        JobRecord jobRecord;
        jobRecord.index = job;
        jobRecord.stage = 0;
        jobRecord.name = QStringLiteral("job %1").arg(job);
        record.jobs.append(jobRecord);
    }
    return record;
}

StoreBatch writerBatch(const RunRecord &created, int run, int batch, const WriterLoad &load)
{
    StoreBatch changes;
    changes.runId = created.id;
    for (int job = 0; job < load.jobs; ++job) {
        const qint64 firstLine = qint64(batch) * load.linesPerChunk;
        changes.logs.append({0, job, 1, firstLine, load.linesPerChunk,
                             chunkData(created.pipeline, run, job, batch, load)});
    }
    if (batch < load.jobs)
        changes.attempts.append({batch, 1, start.addSecs(batch), {}, std::nullopt, {}});
    if (batch + 1 < load.batchesPerRun)
        return changes;

    const RunRecord result = writerResult(created, load);
    changes.runs = {result};
    changes.stages = result.stages;
    changes.jobs = result.jobs;
    return changes;
}

QByteArray writerLog(const QString &pipeline, int run, int job, const WriterLoad &load)
{
    QByteArray log;
    for (int batch = 0; batch < load.batchesPerRun; ++batch)
        log += chunkData(pipeline, run, job, batch, load);
    return log;
}

RunRecord writerResult(const RunRecord &created, const WriterLoad &load)
{
    RunRecord result = created;
    result.status = RunStatus::Success;
    result.reason = QStringLiteral("every job succeeded");
    result.finishedAt = start.addSecs(120);
    result.stages[0].status = StageStatus::Success;
    for (JobRecord &job : result.jobs)
        job = finished(job);
    return result;
}

} // namespace pw::test
