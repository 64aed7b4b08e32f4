#pragma once

#include "core/util/result.h"
#include "records.h"

#include <QHash>

#include <functional>
#include <memory>

namespace pw {

// A set of changes to the history that is written all at once or not at all, so that a
// store that went away mid-write can be given the same batch again later.
struct StoreBatch
{
    QList<RunRecord> runs;     // run-level fields only (status, reason, times)
    QList<StageRecord> stages; // of runId
    QList<JobRecord> jobs;     // of runId
    QList<AttemptRecord> attempts;
    QList<LogChunk> logs;
    qint64 runId = 0;

    bool isEmpty() const;
};

struct RunQuery
{
    QString pipeline; // empty: every pipeline
    QString status;   // empty: any status
    int limit = 50;
    int offset = 0;
};

// The history of runs: the one interface every backend (SQLite, PostgreSQL) implements.
// A store belongs to the thread that opened it; use one store per thread.
class RunStore
{
public:
    virtual ~RunStore() = default;

    // A description for messages: the file path or the server, never a password.
    virtual QString location() const = 0;

    // Records a new run with its stages and jobs, and returns the id the store gave it.
    virtual Result<qint64> createRun(const RunRecord &run) = 0;
    // Applies every change of `batch` in one transaction.
    virtual Status write(const StoreBatch &batch) = 0;

    virtual Result<RunRecord> loadRun(qint64 id) = 0;
    // Runs newest first, with stages but without jobs.
    virtual Result<QList<RunRecord>> listRuns(const RunQuery &query) = 0;
    virtual Result<QList<AttemptRecord>> loadAttempts(qint64 runId, int job) = 0;
    // Calls `consume` with each stored chunk of the job's output, in order, for every
    // attempt (attempt = 0) or one; stops early when `consume` returns false.
    virtual Status readLog(qint64 runId, int job, int attempt,
                           const std::function<bool(const LogChunk &)> &consume) = 0;
    // The duration of each job's last successful attempt, by job name, for planning.
    virtual Result<QHash<QString, qint64>> lastJobDurations(const QString &pipeline) = 0;
};

// Opens the store at `location`: a plain path names an SQLite file (created with its folder
// when missing); `postgresql://user@host:port/db` a PostgreSQL database. The schema is
// created or upgraded on open.
Result<std::unique_ptr<RunStore>> openStore(const QString &location);

// The default store: an SQLite file in the user's data folder, or $PIPEWRIGHT_DB.
QString defaultStoreLocation();

} // namespace pw
