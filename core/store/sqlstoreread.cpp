#include "sqlstore.h"
#include "sqlvalues.h"

#include <QSqlError>

namespace pw {

namespace {

const QString reading = QStringLiteral("read");

// Longer than any commit id or login; keeps a pasted log out of the query.
constexpr qsizetype maxRunSearchText = 200;

// The columns each reader below expects, in its order.
const QString runColumns = QStringLiteral("id, pipeline, pipeline_file, status, reason, branch,"
                                          " commit_sha, event, triggered_by, started_at,"
                                          " finished_at, tag, variables, file_format,"
                                          " retry_of");

Error unknownStatus(const QString &what, const QString &status)
{
    return Error{QStringLiteral("%1 has the unknown status \"%2\"").arg(what, status)};
}

Result<RunRecord> runFromRow(const QSqlQuery &query)
{
    sql::Row row(query);
    RunRecord run;
    run.id = row.int64();
    run.pipeline = row.text();
    run.pipelineFile = row.text();
    const QString status = row.text();
    run.reason = row.text();
    run.branch = row.text();
    run.commit = row.text();
    run.event = row.text();
    run.triggeredBy = row.text();
    run.startedAt = row.time();
    run.finishedAt = row.time();
    run.tag = row.text();
    run.variables = sql::readVariables(row.text());
    run.format = row.text();
    run.retryOf = row.int64();

    const std::optional<RunStatus> parsed = runStatusFromString(status);
    if (!parsed)
        return unknownStatus(QStringLiteral("run %1").arg(run.id), status);
    run.status = *parsed;
    return run;
}

Result<StageRecord> stageFromRow(const QSqlQuery &query, qint64 runId)
{
    sql::Row row(query);
    StageRecord stage;
    stage.index = row.integer();
    stage.name = row.text();
    const QString status = row.text();
    stage.reason = row.text();

    const std::optional<StageStatus> parsed = stageStatusFromString(status);
    if (!parsed)
        return unknownStatus(QStringLiteral("stage %1 of run %2").arg(stage.index).arg(runId),
                             status);
    stage.status = *parsed;
    return stage;
}

Result<JobRecord> jobFromRow(const QSqlQuery &query, qint64 runId)
{
    sql::Row row(query);
    JobRecord job;
    job.index = row.integer();
    job.stage = row.integer();
    job.name = row.text();
    const QString status = row.text();
    job.reason = row.text();
    job.exitCode = row.optionalNumber();
    job.attempts = row.integer();
    job.startedAt = row.time();
    job.finishedAt = row.time();
    job.allowFailure = row.flag();
    job.cacheHit = row.flag();
    job.needs = row.names();
    sql::readJobFiles(row.text(), job);
    job.maxAttempts = row.integer();

    const std::optional<JobStatus> parsed = jobStatusFromString(status);
    if (!parsed)
        return unknownStatus(QStringLiteral("job %1 of run %2").arg(job.index).arg(runId), status);
    job.status = *parsed;
    return job;
}

AttemptRecord attemptFromRow(const QSqlQuery &query)
{
    sql::Row row(query);
    AttemptRecord attempt;
    attempt.job = row.integer();
    attempt.number = row.integer();
    attempt.startedAt = row.time();
    attempt.finishedAt = row.time();
    attempt.exitCode = row.optionalNumber();
    attempt.reason = row.text();
    return attempt;
}

LogChunk chunkFromRow(const QSqlQuery &query)
{
    sql::Row row(query);
    LogChunk chunk;
    chunk.runId = row.int64();
    chunk.job = row.integer();
    chunk.attempt = row.integer();
    chunk.firstLine = row.int64();
    chunk.lineCount = row.integer();
    chunk.data = row.bytes();
    return chunk;
}

// `text` as a LIKE pattern that matches it literally, with a backslash as the escape character.
QString likeLiteral(QString text)
{
    text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    text.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    text.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return text.toLower();
}

// The conditions of a run list, with the values they bind in order. The filters only choose
// fixed pieces of SQL; their values are bound.
QString runConditions(const RunQuery &filter, QList<QVariant> &values)
{
    QStringList conditions;
    if (!filter.pipeline.isEmpty()) {
        conditions.append(QStringLiteral("pipeline = ?"));
        values.append(filter.pipeline);
    }
    if (!filter.status.isEmpty()) {
        conditions.append(QStringLiteral("status = ?"));
        values.append(filter.status);
    }
    if (!filter.branch.isEmpty()) {
        conditions.append(QStringLiteral("branch = ?"));
        values.append(filter.branch);
    }
    if (!filter.text.isEmpty()) {
        // LOWER on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        conditions.append(QStringLiteral("(LOWER(commit_sha) LIKE ? ESCAPE '\\'"
                                         " OR LOWER(triggered_by) LIKE ? ESCAPE '\\'"
                                         " OR LOWER(event) LIKE ? ESCAPE '\\')"));
        const QString literal = likeLiteral(filter.text);
        const QString inside = QLatin1Char('%') + literal + QLatin1Char('%');
        values << QString(literal + QLatin1Char('%')) << inside << inside;
    }
    if (conditions.isEmpty())
        return {};
    return QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

// The ORDER BY of a run list. NULLs come first going up and last going down on both
// databases, which is SQLite's own order, so that its indexes serve every direction.
QString runOrder(const RunQuery &filter)
{
    const QString direction =
        filter.descending ? QStringLiteral(" DESC NULLS LAST") : QStringLiteral(" ASC NULLS FIRST");
    // Ids grow with every new run, so they order runs by when they were created even while
    // a run has no start time yet.
    const QString byId = QStringLiteral("id")
                         + (filter.descending ? QStringLiteral(" DESC") : QStringLiteral(" ASC"));
    QString column;
    switch (filter.order) {
    case RunOrder::Created:
        return QStringLiteral(" ORDER BY ") + byId;
    case RunOrder::Pipeline:
        column = QStringLiteral("pipeline");
        break;
    case RunOrder::Branch:
        column = QStringLiteral("branch");
        break;
    case RunOrder::Status:
        column = QStringLiteral("status");
        break;
    case RunOrder::Duration:
        column = QStringLiteral("(finished_at - started_at)");
        break;
    case RunOrder::Started:
        column = QStringLiteral("started_at");
        break;
    }
    return QStringLiteral(" ORDER BY ") + column + direction + QStringLiteral(", ") + byId;
}

QString knownRunStatuses()
{
    QStringList names;
    for (int status = 0; status <= int(RunStatus::Interrupted); ++status)
        names.append(keyword(RunStatus(status)));
    return names.join(QStringLiteral(", "));
}

} // namespace

Result<RunRecord> SqlStore::loadRun(qint64 id)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM runs WHERE id = ?"),
                reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();

    sql::bind(query, {id});
    if (Status done = execute(query, reading); !done)
        return done.error();
    if (!query.next()) {
        if (query.lastError().isValid())
            return failure(reading, query);
        return failure(reading, QStringLiteral("there is no run %1").arg(id));
    }
    Result<RunRecord> run = runFromRow(query);
    query.finish();
    if (!run)
        return failure(reading, run.error().message);

    Result<QSqlQuery> stageQuery = prepare(QStringLiteral("SELECT idx, name, status, reason"
                                                          " FROM stages WHERE run_id = ?"
                                                          " ORDER BY idx"),
                                           reading);
    if (!stageQuery)
        return stageQuery.error();
    Result<QList<StageRecord>> stages = loadStages(stageQuery.value(), id);
    if (!stages)
        return stages.error();
    Result<QList<JobRecord>> jobs = loadJobs(id);
    if (!jobs)
        return jobs.error();
    if (Status gates = attachGates(id, stages.value()); !gates)
        return gates.error();

    run.value().stages = std::move(stages.value());
    run.value().jobs = std::move(jobs.value());
    return run;
}

Status SqlStore::attachGates(qint64 runId, QList<StageRecord> &stages)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT stage_idx FROM gates WHERE run_id = ?"), reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {runId});
    if (Status done = execute(query, reading); !done)
        return done;
    QList<int> gated;
    while (query.next())
        gated.append(query.value(0).toInt());
    query.finish();

    for (int stage : gated) {
        Result<GateRow> row = readGate(runId, stage, false);
        if (!row)
            return row.error();
        if (stage >= 0 && stage < stages.size())
            stages[stage].gate = row.value().gate;
    }
    return {};
}

Result<QList<RunRecord>> SqlStore::listRuns(const RunQuery &filter)
{
    if (filter.limit < 0 || filter.offset < 0) {
        return failure(reading, QStringLiteral("a run list needs a limit and an offset of 0 or "
                                               "more, not %1 and %2")
                                    .arg(filter.limit)
                                    .arg(filter.offset));
    }
    if (!filter.status.isEmpty() && !runStatusFromString(filter.status)) {
        return failure(reading, QStringLiteral("there is no run status \"%1\" (known: %2)")
                                    .arg(filter.status, knownRunStatuses()));
    }
    if (filter.text.size() > maxRunSearchText) {
        return failure(reading, QStringLiteral("a run search text may have at most %1 characters,"
                                               " not %2")
                                    .arg(maxRunSearchText)
                                    .arg(filter.text.size()));
    }

    QList<QVariant> values;
    const QString statement = QStringLiteral("SELECT ") + runColumns + QStringLiteral(" FROM runs")
                              + runConditions(filter, values) + runOrder(filter)
                              + QStringLiteral(" LIMIT ? OFFSET ?");
    values << filter.limit << filter.offset;

    Result<QSqlQuery> prepared = prepare(statement, reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    for (int position = 0; position < values.size(); ++position)
        query.bindValue(position, values.at(position));
    if (Status done = execute(query, reading); !done)
        return done.error();

    QList<RunRecord> runs;
    while (query.next()) {
        Result<RunRecord> run = runFromRow(query);
        if (!run)
            return failure(reading, run.error().message);
        runs.append(std::move(run.value()));
    }
    if (query.lastError().isValid())
        return failure(reading, query);
    query.finish();

    Result<QSqlQuery> stageQuery = prepare(QStringLiteral("SELECT idx, name, status, reason"
                                                          " FROM stages WHERE run_id = ?"
                                                          " ORDER BY idx"),
                                           reading);
    if (!stageQuery)
        return stageQuery.error();
    for (RunRecord &run : runs) {
        Result<QList<StageRecord>> stages = loadStages(stageQuery.value(), run.id);
        if (!stages)
            return stages.error();
        run.stages = std::move(stages.value());
    }
    return runs;
}

Result<QList<StageRecord>> SqlStore::loadStages(QSqlQuery &query, qint64 runId)
{
    sql::bind(query, {runId});
    if (Status done = execute(query, reading); !done)
        return done.error();

    QList<StageRecord> stages;
    while (query.next()) {
        Result<StageRecord> stage = stageFromRow(query, runId);
        if (!stage)
            return failure(reading, stage.error().message);
        stages.append(std::move(stage.value()));
    }
    if (query.lastError().isValid())
        return failure(reading, query);
    query.finish();
    return stages;
}

Result<QList<JobRecord>> SqlStore::loadJobs(qint64 runId)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT idx, stage_idx, name, status, reason, exit_code, attempts,"
                               " started_at, finished_at, allow_failure, cache_hit, needs,"
                               " files, max_attempts FROM jobs WHERE run_id = ? ORDER BY idx"),
                reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();

    sql::bind(query, {runId});
    if (Status done = execute(query, reading); !done)
        return done.error();
    QList<JobRecord> jobs;
    while (query.next()) {
        Result<JobRecord> job = jobFromRow(query, runId);
        if (!job)
            return failure(reading, job.error().message);
        jobs.append(std::move(job.value()));
    }
    if (query.lastError().isValid())
        return failure(reading, query);
    return jobs;
}

Result<QList<AttemptRecord>> SqlStore::loadAttempts(qint64 runId, int job)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT job_idx, number, started_at, finished_at, exit_code,"
                               " reason FROM attempts WHERE run_id = ? AND job_idx = ?"
                               " ORDER BY number"),
                reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();

    sql::bind(query, {runId, job});
    if (Status done = execute(query, reading); !done)
        return done.error();
    QList<AttemptRecord> attempts;
    while (query.next())
        attempts.append(attemptFromRow(query));
    if (query.lastError().isValid())
        return failure(reading, query);
    return attempts;
}

Status SqlStore::readLog(qint64 runId, int job, int attempt,
                         const std::function<bool(const LogChunk &)> &consume)
{
    if (attempt < 0) {
        return failure(reading, QStringLiteral("there is no attempt %1: attempts are numbered "
                                               "from 1, and 0 reads them all")
                                    .arg(attempt));
    }

    QString statement = QStringLiteral("SELECT run_id, job_idx, attempt, first_line, line_count,"
                                       " data FROM log_chunks WHERE run_id = ? AND job_idx = ?");
    if (attempt > 0)
        statement += QStringLiteral(" AND attempt = ?");
    statement += QStringLiteral(" ORDER BY attempt, first_line");

    // A forward-only query hands over one row at a time (single-row mode on PostgreSQL), so
    // a long log is never held in memory whole.
    Result<QSqlQuery> prepared = prepare(statement, reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {runId, job});
    if (attempt > 0)
        query.bindValue(2, attempt);
    if (Status done = execute(query, reading); !done)
        return done;

    while (query.next()) {
        if (!consume(chunkFromRow(query)))
            return {};
    }
    if (query.lastError().isValid())
        return failure(reading, query);
    return {};
}

Result<QHash<QString, qint64>> SqlStore::lastJobDurations(const QString &pipeline)
{
    // The latest success of each job name, by when it finished; the window keeps the choice
    // in the database instead of reading every job the pipeline ever ran.
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT name, finished_at - started_at FROM ("
                               " SELECT j.name, j.started_at, j.finished_at, ROW_NUMBER() OVER ("
                               "  PARTITION BY j.name ORDER BY j.finished_at DESC, j.run_id DESC"
                               " ) AS recency"
                               " FROM jobs j JOIN runs r ON r.id = j.run_id"
                               " WHERE r.pipeline = ? AND j.status = ?"
                               " AND j.started_at IS NOT NULL AND j.finished_at IS NOT NULL"
                               ") AS latest WHERE recency = 1"),
                reading);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();

    sql::bind(query, {sql::text(pipeline), keyword(JobStatus::Success)});
    if (Status done = execute(query, reading); !done)
        return done.error();
    QHash<QString, qint64> durations;
    while (query.next())
        durations.insert(query.value(0).toString(), query.value(1).toLongLong());
    if (query.lastError().isValid())
        return failure(reading, query);
    return durations;
}

} // namespace pw
