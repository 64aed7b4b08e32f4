#include "sqlstore.h"
#include "sqltransaction.h"
#include "sqlvalues.h"

#include <QSysInfo>

#include <unistd.h>

namespace pw {

namespace {

const QString writing = QStringLiteral("write to");

qint64 runOf(qint64 own, qint64 batchRun)
{
    return own > 0 ? own : batchRun;
}

} // namespace

Result<qint64> SqlStore::createRun(const RunRecord &run)
{
    qint64 id = 0;
    const Status created = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(writing), [&](sql::Statements &statements) -> Status {
            const Result<qint64> inserted = insertRun(statements, run);
            if (!inserted)
                return inserted.error();
            id = inserted.value();

            if (Status stages = upsertStages(statements, id, run.stages); !stages)
                return stages;
            return upsertJobs(statements, id, run.jobs);
        });
    if (!created)
        return created.error();
    return id;
}

Status SqlStore::write(const StoreBatch &batch)
{
    if (batch.isEmpty())
        return {};
    if (Status valid = checkBatch(batch); !valid)
        return valid;

    // Every step is an update, an upsert or an insert that ignores a row it already has, so
    // the same batch can be given again after a failure without doubling anything.
    return sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(writing), [&](sql::Statements &statements) -> Status {
            if (Status runs = updateRuns(statements, batch); !runs)
                return runs;
            if (Status stages = upsertStages(statements, batch.runId, batch.stages); !stages)
                return stages;
            if (Status jobs = upsertJobs(statements, batch.runId, batch.jobs); !jobs)
                return jobs;
            if (Status attempts = upsertAttempts(statements, batch.runId, batch.attempts);
                !attempts)
                return attempts;
            return appendLogs(statements, batch);
        });
}

Status SqlStore::checkBatch(const StoreBatch &batch) const
{
    const bool ofRun =
        !batch.stages.isEmpty() || !batch.jobs.isEmpty() || !batch.attempts.isEmpty();
    if (ofRun && batch.runId <= 0)
        return failure(writing, QStringLiteral("the batch changes stages, jobs or attempts "
                                               "but names no run"));
    for (const RunRecord &run : batch.runs) {
        if (runOf(run.id, batch.runId) <= 0)
            return failure(writing, QStringLiteral("a run in the batch has no id"));
    }
    for (const LogChunk &chunk : batch.logs) {
        if (runOf(chunk.runId, batch.runId) <= 0)
            return failure(writing, QStringLiteral("a log chunk in the batch names no run"));
    }
    return {};
}

Result<qint64> SqlStore::insertRun(sql::Statements &statements, const RunRecord &run)
{
    // RETURNING gives the new id the same way on SQLite (3.35 and later) and PostgreSQL.
    Result<QSqlQuery *> prepared = prepareWrite(
        statements,
        QStringLiteral("INSERT INTO runs (pipeline, pipeline_file, status, reason, branch,"
                       " commit_sha, event, triggered_by, started_at, finished_at,"
                       " owner_host, owner_pid, heartbeat_at, tag, variables, file_format,"
                       " retry_of)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " RETURNING id"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    sql::bind(query, {sql::text(run.pipeline), sql::text(run.pipelineFile),
                      sql::text(keyword(run.status)), sql::text(run.reason), sql::text(run.branch),
                      sql::text(run.commit), sql::text(run.event), sql::text(run.triggeredBy),
                      sql::time(run.startedAt), sql::time(run.finishedAt),
                      // Who runs it: another process that finds this one gone marks the run
                      // interrupted (see interruptAbandonedRuns).
                      sql::text(QSysInfo::machineHostName()), qint64(::getpid()),
                      sql::time(QDateTime::currentDateTimeUtc()), sql::text(run.tag),
                      sql::variables(run.variables), sql::text(run.format), run.retryOf});
    if (Status done = execute(query, writing); !done)
        return done.error();
    if (!query.next())
        return failure(writing, QStringLiteral("the database gave no id for the new run"));

    const qint64 id = query.value(0).toLongLong();
    // SQLite refuses to commit while a statement has not been reset.
    query.finish();
    return id;
}

Status SqlStore::updateRuns(sql::Statements &statements, const StoreBatch &batch)
{
    if (batch.runs.isEmpty())
        return {};
    Result<QSqlQuery *> prepared =
        prepareWrite(statements, QStringLiteral("UPDATE runs SET status = ?, reason = ?,"
                                                " started_at = ?, finished_at = ?"
                                                " WHERE id = ?"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    for (const RunRecord &run : batch.runs) {
        const qint64 id = runOf(run.id, batch.runId);
        sql::bind(query, {sql::text(keyword(run.status)), sql::text(run.reason),
                          sql::time(run.startedAt), sql::time(run.finishedAt), id});
        if (Status done = execute(query, writing); !done)
            return done;
        if (query.numRowsAffected() == 0)
            return failure(writing, QStringLiteral("there is no run %1").arg(id));
    }
    return {};
}

Status SqlStore::upsertStages(sql::Statements &statements, qint64 runId,
                              const QList<StageRecord> &stages)
{
    if (stages.isEmpty())
        return {};
    Result<QSqlQuery *> prepared = prepareWrite(
        statements, QStringLiteral("INSERT INTO stages (run_id, idx, name, status, reason)"
                                   " VALUES (?, ?, ?, ?, ?)"
                                   " ON CONFLICT (run_id, idx) DO UPDATE SET name = excluded.name,"
                                   " status = excluded.status, reason = excluded.reason"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    for (const StageRecord &stage : stages) {
        sql::bind(query, {runId, stage.index, sql::text(stage.name),
                          sql::text(keyword(stage.status)), sql::text(stage.reason)});
        if (Status done = execute(query, writing); !done)
            return done;
    }
    return {};
}

Status SqlStore::upsertJobs(sql::Statements &statements, qint64 runId, const QList<JobRecord> &jobs)
{
    if (jobs.isEmpty())
        return {};
    Result<QSqlQuery *> prepared = prepareWrite(
        statements,
        QStringLiteral("INSERT INTO jobs (run_id, idx, stage_idx, name, status, reason,"
                       " exit_code, attempts, started_at, finished_at, allow_failure,"
                       " cache_hit, needs, files, max_attempts)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (run_id, idx) DO UPDATE SET"
                       " stage_idx = excluded.stage_idx, name = excluded.name,"
                       " status = excluded.status, reason = excluded.reason,"
                       " exit_code = excluded.exit_code, attempts = excluded.attempts,"
                       " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                       " allow_failure = excluded.allow_failure, cache_hit = excluded.cache_hit,"
                       " needs = excluded.needs, files = excluded.files,"
                       " max_attempts = excluded.max_attempts"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    for (const JobRecord &job : jobs) {
        sql::bind(query,
                  {runId, job.index, job.stage, sql::text(job.name), sql::text(keyword(job.status)),
                   sql::text(job.reason), sql::number(job.exitCode), job.attempts,
                   sql::time(job.startedAt), sql::time(job.finishedAt), sql::flag(job.allowFailure),
                   sql::flag(job.cacheHit), sql::names(job.needs), sql::jobFiles(job),
                   job.maxAttempts});
        if (Status done = execute(query, writing); !done)
            return done;
    }
    return {};
}

Status SqlStore::upsertAttempts(sql::Statements &statements, qint64 runId,
                                const QList<AttemptRecord> &attempts)
{
    if (attempts.isEmpty())
        return {};
    Result<QSqlQuery *> prepared = prepareWrite(
        statements,
        QStringLiteral("INSERT INTO attempts (run_id, job_idx, number, started_at, finished_at,"
                       " exit_code, reason) VALUES (?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (run_id, job_idx, number) DO UPDATE SET"
                       " started_at = excluded.started_at, finished_at = excluded.finished_at,"
                       " exit_code = excluded.exit_code, reason = excluded.reason"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    for (const AttemptRecord &attempt : attempts) {
        sql::bind(query, {runId, attempt.job, attempt.number, sql::time(attempt.startedAt),
                          sql::time(attempt.finishedAt), sql::number(attempt.exitCode),
                          sql::text(attempt.reason)});
        if (Status done = execute(query, writing); !done)
            return done;
    }
    return {};
}

Status SqlStore::appendLogs(sql::Statements &statements, const StoreBatch &batch)
{
    if (batch.logs.isEmpty())
        return {};
    Result<QSqlQuery *> prepared = prepareWrite(
        statements,
        QStringLiteral("INSERT INTO log_chunks (run_id, job_idx, attempt, first_line,"
                       " line_count, data) VALUES (?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (run_id, job_idx, attempt, first_line) DO NOTHING"));
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = *prepared.value();

    for (const LogChunk &chunk : batch.logs) {
        sql::bind(query, {runOf(chunk.runId, batch.runId), chunk.job, chunk.attempt,
                          chunk.firstLine, chunk.lineCount, sql::bytes(chunk.data)});
        if (Status done = execute(query, writing); !done)
            return done;
    }
    return {};
}

Result<QSqlQuery *> SqlStore::prepareWrite(sql::Statements &statements, const QString &statement)
{
    QString problem;
    QSqlQuery *query = statements.prepare(statement, &problem);
    if (!query)
        return failure(writing, problem);
    return query;
}

} // namespace pw
