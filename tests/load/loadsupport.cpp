#include "loadsupport.h"

namespace pw::test {

namespace {

QString jobName(int stage, int job)
{
    return QStringLiteral("s%1j%2").arg(stage).arg(job);
}

QString jobCommand(const QString &name, const PipelineShape &shape)
{
    if (shape.lineDelayMs <= 0)
        return QStringLiteral("seq -f '%1 line %g' 1 %2").arg(name).arg(shape.lines);
    return QStringLiteral("for i in $(seq 1 %1); do echo \"%2 line $i\"; sleep %3; done")
        .arg(shape.lines)
        .arg(name)
        .arg(shape.lineDelayMs / 1000.0);
}

Status failure(qint64 runId, const QString &what)
{
    return Status::failure(QStringLiteral("run %1: %2").arg(runId).arg(what));
}

Status checkJob(RunStore &store, qint64 runId, const JobRecord &job, const PipelineShape &shape)
{
    const QString where = QStringLiteral("job %1 (%2)").arg(job.index).arg(job.name);
    if (job.status != JobStatus::Success || !job.finishedAt.isValid() || job.attempts != 1)
        return failure(runId, QStringLiteral("%1 is %2 with %3 attempts")
                                  .arg(where, keyword(job.status))
                                  .arg(job.attempts));

    const Result<QList<AttemptRecord>> attempts = store.loadAttempts(runId, job.index);
    if (!attempts)
        return Status(attempts.error());
    if (attempts->size() != 1 || attempts->first().exitCode != 0
        || !attempts->first().finishedAt.isValid())
        return failure(runId, QStringLiteral("%1 has %2 attempt records, not one that exited 0")
                                  .arg(where)
                                  .arg(attempts->size()));

    QByteArray log;
    qint64 nextLine = 0;
    QString gap;
    const Status read = store.readLog(runId, job.index, 0, [&](const LogChunk &chunk) {
        if (chunk.firstLine != nextLine && gap.isEmpty())
            gap = QStringLiteral("a chunk starts at line %1, not %2")
                      .arg(chunk.firstLine)
                      .arg(nextLine);
        nextLine = chunk.firstLine + chunk.lineCount;
        log += chunk.data;
        return true;
    });
    if (!read)
        return read;
    if (!gap.isEmpty())
        return failure(runId, QStringLiteral("%1's log: %2").arg(where, gap));
    const QByteArray expected = expectedOutput(job.name, shape);
    if (log != expected)
        return failure(runId, QStringLiteral("%1's log has %2 bytes, not the %3 it printed")
                                  .arg(where)
                                  .arg(log.size())
                                  .arg(expected.size()));
    if (nextLine != shape.lines + 1)
        return failure(runId, QStringLiteral("%1's log counts %2 lines, not %3")
                                  .arg(where)
                                  .arg(nextLine)
                                  .arg(shape.lines + 1));
    return {};
}

} // namespace

QByteArray pipelineText(const PipelineShape &shape)
{
    QByteArray text = "name: " + shape.name.toUtf8() + "\nstages:\n";
    for (int stage = 0; stage < shape.stages; ++stage) {
        text += "  - name: stage" + QByteArray::number(stage) + "\n    jobs:\n";
        for (int job = 0; job < shape.jobsPerStage; ++job) {
            const QString name = jobName(stage, job);
            text += "      - name: " + name.toUtf8() + "\n";
            if (stage > 0) {
                const QString first = jobName(stage - 1, job);
                const QString second = jobName(stage - 1, (job + 1) % shape.jobsPerStage);
                text += "        needs: [" + first.toUtf8();
                if (second != first)
                    text += ", " + second.toUtf8();
                text += "]\n";
            }
            // Single-quoted YAML: the command's own single quotes are doubled.
            QString command = jobCommand(name, shape);
            command.replace(QLatin1Char('\''), QStringLiteral("''"));
            text += "        commands: ['" + command.toUtf8() + "']\n";
        }
    }
    return text;
}

QByteArray expectedOutput(const QString &name, const PipelineShape &shape)
{
    // The log shows each command before its output, as a shell's trace would.
    QByteArray output = "$ " + jobCommand(name, shape).toUtf8() + '\n';
    for (int line = 1; line <= shape.lines; ++line)
        output += name.toUtf8() + " line " + QByteArray::number(line) + '\n';
    return output;
}

Status checkRunIsComplete(RunStore &store, qint64 runId, const PipelineShape &shape)
{
    const Result<RunRecord> run = store.loadRun(runId);
    if (!run)
        return Status(run.error());
    if (run->status != RunStatus::Success || !run->finishedAt.isValid())
        return failure(runId,
                       QStringLiteral("the run is %1 (%2)").arg(keyword(run->status), run->reason));
    if (run->stages.size() != shape.stages)
        return failure(
            runId,
            QStringLiteral("%1 stages recorded, not %2").arg(run->stages.size()).arg(shape.stages));
    for (const StageRecord &stage : run->stages) {
        if (stage.status != StageStatus::Success)
            return failure(runId,
                           QStringLiteral("stage %1 is %2").arg(stage.name, keyword(stage.status)));
    }
    if (run->jobs.size() != shape.jobCount())
        return failure(
            runId,
            QStringLiteral("%1 jobs recorded, not %2").arg(run->jobs.size()).arg(shape.jobCount()));
    for (const JobRecord &job : run->jobs) {
        if (Status checked = checkJob(store, runId, job, shape); !checked)
            return checked;
    }
    return {};
}

Result<QList<qint64>> runsOf(RunStore &store, const QString &pipeline)
{
    QList<qint64> ids;
    RunQuery query;
    query.pipeline = pipeline;
    query.limit = 500;
    query.descending = false;
    for (;;) {
        const Result<QList<RunRecord>> page = store.listRuns(query);
        if (!page)
            return page.error();
        for (const RunRecord &run : *page)
            ids.append(run.id);
        if (page->size() < query.limit)
            return ids;
        query.offset += query.limit;
    }
}

} // namespace pw::test
