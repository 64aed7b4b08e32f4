#include "schema.h"

#include "gateschema.h"
#include "sqltransaction.h"
#include "sqlvalues.h"
#include "storelog.h"

#include <QDateTime>
#include <QList>
#include <QSqlQuery>
#include <QStringList>

namespace pw {

namespace {

// One step of the schema's history. Steps are only ever appended: a store records the
// number of the last step it has, and a newer build applies the ones that follow.
struct Migration
{
    const char *purpose;
    QStringList statements; // DDL; {id} and {blob} are filled in by the dialect
    // Statements that differ between the databases, run after `statements`.
    QStringList (*dialectStatements)(const SqlDialect &) = nullptr;
};

// Times are integer milliseconds since the epoch (UTC); text columns hold '' for none.
Migration firstSchema()
{
    return {"runs, stages, jobs, attempts and log chunks",
            {
                QStringLiteral("CREATE TABLE runs ("
                               " id {id},"
                               " pipeline TEXT NOT NULL,"
                               " pipeline_file TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " reason TEXT NOT NULL,"
                               " branch TEXT NOT NULL,"
                               " commit_sha TEXT NOT NULL,"
                               " event TEXT NOT NULL,"
                               " triggered_by TEXT NOT NULL,"
                               " started_at BIGINT,"
                               " finished_at BIGINT)"),
                // Run lists are newest first, most often of one pipeline.
                QStringLiteral("CREATE INDEX runs_by_pipeline ON runs (pipeline, id)"),
                QStringLiteral("CREATE TABLE stages ("
                               " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " idx INTEGER NOT NULL,"
                               " name TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " reason TEXT NOT NULL,"
                               " PRIMARY KEY (run_id, idx))"),
                QStringLiteral("CREATE TABLE jobs ("
                               " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " idx INTEGER NOT NULL,"
                               " stage_idx INTEGER NOT NULL,"
                               " name TEXT NOT NULL,"
                               " status TEXT NOT NULL,"
                               " reason TEXT NOT NULL,"
                               " exit_code INTEGER,"
                               " attempts INTEGER NOT NULL,"
                               " started_at BIGINT,"
                               " finished_at BIGINT,"
                               " allow_failure INTEGER NOT NULL,"
                               " cache_hit INTEGER NOT NULL,"
                               " needs TEXT NOT NULL,"
                               " PRIMARY KEY (run_id, idx))"),
                QStringLiteral("CREATE TABLE attempts ("
                               " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " job_idx INTEGER NOT NULL,"
                               " number INTEGER NOT NULL,"
                               " started_at BIGINT,"
                               " finished_at BIGINT,"
                               " exit_code INTEGER,"
                               " reason TEXT NOT NULL,"
                               " PRIMARY KEY (run_id, job_idx, number))"),
                // The key is also the order a job's log is read in, and it makes appending
                // the same chunk twice (a batch given again) a no-op.
                QStringLiteral("CREATE TABLE log_chunks ("
                               " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " job_idx INTEGER NOT NULL,"
                               " attempt INTEGER NOT NULL,"
                               " first_line BIGINT NOT NULL,"
                               " line_count INTEGER NOT NULL,"
                               " data {blob} NOT NULL,"
                               " PRIMARY KEY (run_id, job_idx, attempt, first_line))"),
            }};
}

Migration runsByStatus()
{
    return {"an index for listing runs of one status",
            {QStringLiteral("CREATE INDEX runs_by_status ON runs (status, id)")}};
}

// Files are kept once by content in a blob folder beside the database; these tables say which
// blobs make up each job's artifacts and each cache entry. Blobs are named by their digest.
Migration artifactsAndCaches()
{
    return {"artifacts, cache entries and cache lookups",
            {
                QStringLiteral("CREATE TABLE artifacts ("
                               " run_id BIGINT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,"
                               " job_idx INTEGER NOT NULL,"
                               " path TEXT NOT NULL,"
                               " size BIGINT NOT NULL,"
                               " digest TEXT NOT NULL,"
                               " executable INTEGER NOT NULL,"
                               " link_target TEXT NOT NULL,"
                               " expires_at BIGINT,"
                               " PRIMARY KEY (run_id, job_idx, path))"),
                QStringLiteral("CREATE INDEX artifacts_by_expiry ON artifacts (expires_at)"),
                // One entry per key: two jobs saving the same key at once leave the first.
                QStringLiteral("CREATE TABLE cache_entries ("
                               " id {id},"
                               " cache_key TEXT NOT NULL UNIQUE,"
                               " created_at BIGINT NOT NULL,"
                               " last_used_at BIGINT NOT NULL,"
                               " size BIGINT NOT NULL,"
                               " file_count INTEGER NOT NULL,"
                               " hits INTEGER NOT NULL,"
                               " run_id BIGINT NOT NULL,"
                               " job_idx INTEGER NOT NULL)"),
                QStringLiteral("CREATE TABLE cache_files ("
                               " entry_id BIGINT NOT NULL"
                               " REFERENCES cache_entries (id) ON DELETE CASCADE,"
                               " path TEXT NOT NULL,"
                               " size BIGINT NOT NULL,"
                               " digest TEXT NOT NULL,"
                               " executable INTEGER NOT NULL,"
                               " link_target TEXT NOT NULL,"
                               " PRIMARY KEY (entry_id, path))"),
                QStringLiteral("CREATE INDEX cache_files_by_digest ON cache_files (digest)"),
                QStringLiteral("CREATE INDEX artifacts_by_digest ON artifacts (digest)"),
                // Every lookup, so that the hit rate covers misses too.
                QStringLiteral("CREATE TABLE cache_lookups ("
                               " looked_at BIGINT NOT NULL,"
                               " cache_key TEXT NOT NULL,"
                               " hit INTEGER NOT NULL,"
                               " restored_from TEXT NOT NULL)"),
            }};
}

// A job's artifacts and cache use as the live run reported them, so that a run read back
// shows what it showed while it ran.
Migration jobFiles()
{
    return {"the artifacts and cache use of each job",
            {QStringLiteral("ALTER TABLE jobs ADD COLUMN files TEXT NOT NULL DEFAULT ''")}};
}

Migration gates()
{
    return {"deployment gates, their decisions and resource claims", {}, gateSchema};
}

// The process that runs each run, so that a run whose process died can be told from one that
// still goes.
Migration runOwners()
{
    return {"the process that runs each run",
            {QStringLiteral("ALTER TABLE runs ADD COLUMN owner_host TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE runs ADD COLUMN owner_pid BIGINT NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE runs ADD COLUMN heartbeat_at BIGINT")}};
}

// The history can be ordered by any of these columns; the indexes let a page of 100,000
// runs come from walking an index instead of sorting them all. Pipeline and status have
// theirs already.
Migration historyOrders()
{
    return {
        "indexes for ordering the history by branch, start and duration",
        {QStringLiteral("CREATE INDEX runs_by_branch ON runs (branch, id)"),
         QStringLiteral("CREATE INDEX runs_by_start ON runs (started_at, id)"),
         QStringLiteral("CREATE INDEX runs_by_duration ON runs ((finished_at - started_at), id)")}};
}

// What a run was started with, so that `pwctl retry` can run it again alike, and the run a
// retry retries.
Migration runStarts()
{
    return {"the tag, variables and file format of each run, and the run it retries",
            {QStringLiteral("ALTER TABLE runs ADD COLUMN tag TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE runs ADD COLUMN variables TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE runs ADD COLUMN file_format TEXT NOT NULL DEFAULT ''"),
             QStringLiteral("ALTER TABLE runs ADD COLUMN retry_of BIGINT NOT NULL DEFAULT 0")}};
}

// How many tries each job was allowed, so that a view can say "attempt 2 of 3".
Migration jobRetries()
{
    return {"the attempts each job was allowed",
            {QStringLiteral("ALTER TABLE jobs ADD COLUMN max_attempts INTEGER NOT NULL"
                            " DEFAULT 1")}};
}

const QList<Migration> &migrations()
{
    static const QList<Migration> all = {firstSchema(),   runsByStatus(), artifactsAndCaches(),
                                         jobFiles(),      gates(),        runOwners(),
                                         historyOrders(), runStarts(),    jobRetries()};
    return all;
}

QString openFailure(const QString &where)
{
    return QStringLiteral("cannot open the history store at %1").arg(where);
}

Status applyMigration(const QSqlDatabase &db, const SqlDialect &dialect, const QString &where,
                      int version, sql::Statements &recording)
{
    const Migration &migration = migrations().at(version - 1);
    const QString what = QStringLiteral("cannot upgrade the history store at %1 to schema %2")
                             .arg(where)
                             .arg(version);
    QStringList statements = migration.statements;
    if (migration.dialectStatements)
        statements += migration.dialectStatements(dialect);
    for (const QString &statement : statements) {
        if (Status done = sql::execPlain(db, dialect.expand(statement), what); !done)
            return done;
    }

    QString problem;
    QSqlQuery *record = recording.prepare(
        QStringLiteral("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)"), &problem);
    if (record) {
        sql::bind(*record, {version, QDateTime::currentMSecsSinceEpoch()});
        if (!record->exec())
            problem = sql::errorText(record->lastError());
    }
    if (!problem.isEmpty())
        return Status::failure(what + QStringLiteral(": ") + problem);

    qCInfo(lcStore).noquote() << "upgraded" << where << "to schema" << version << "with"
                              << migration.purpose;
    return {};
}

Status migrateInTransaction(const QSqlDatabase &db, const SqlDialect &dialect, const QString &where,
                            int target, sql::Statements &statements)
{
    for (const QString &setup : dialect.migrationSetup()) {
        if (Status done = sql::execPlain(db, setup, openFailure(where)); !done)
            return done;
    }
    // A store that is up to date is not touched: on a shared PostgreSQL database most
    // logins may use the tables but not create any.
    if (const Result<int> found = readSchemaVersion(db, where); found && *found >= target) {
        if (*found <= latestSchemaVersion())
            return {};
    }
    const QString versions = QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                            " version INTEGER PRIMARY KEY,"
                                            " applied_at BIGINT NOT NULL)");
    if (Status created = sql::execPlain(db, versions, openFailure(where)); !created)
        return created;

    const Result<int> current = readSchemaVersion(db, where);
    if (!current)
        return current.error();
    if (*current > latestSchemaVersion()) {
        return Status::failure(QStringLiteral("the history store at %1 was written by a newer "
                                              "Pipewright (schema %2, this build knows %3)")
                                   .arg(where)
                                   .arg(*current)
                                   .arg(latestSchemaVersion()));
    }

    for (int version = *current + 1; version <= target; ++version) {
        if (Status applied = applyMigration(db, dialect, where, version, statements); !applied)
            return applied;
    }
    return {};
}

} // namespace

int latestSchemaVersion()
{
    return int(migrations().size());
}

Result<int> readSchemaVersion(const QSqlDatabase &db, const QString &where)
{
    if (!db.tables().contains(QStringLiteral("schema_version")))
        return 0;

    // Not prepared: it carries no values, and it runs inside the migration transaction,
    // where a prepared statement could not be freed after a failure.
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_version"))
        || !query.next()) {
        return Error{openFailure(where) + QStringLiteral(": ") + sql::errorText(query.lastError())};
    }
    return query.value(0).toInt();
}

Status migrateSchema(const QSqlDatabase &db, const SqlDialect &dialect, const QString &where,
                     int target)
{
    target = qMin(target, latestSchemaVersion());
    return sql::inWriteTransaction(
        db, dialect, openFailure(where), [&](sql::Statements &statements) {
            return migrateInTransaction(db, dialect, where, target, statements);
        });
}

} // namespace pw
