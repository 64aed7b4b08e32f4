#pragma once

#include "core/util/duration.h"
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

// What a run list is ordered by; runs that tie (and runs without a value, which come first
// in ascending order) are ordered by id in the same direction.
enum class RunOrder { Created, Pipeline, Branch, Status, Duration, Started };

struct RunQuery
{
    QString pipeline; // empty: every pipeline
    QString status;   // empty: any status
    int limit = 50;
    int offset = 0;
    QString branch; // empty: every branch
    // Empty: any run; else runs whose commit starts with it or whose trigger or event
    // contains it, ignoring case.
    QString text;
    RunOrder order = RunOrder::Created;
    bool descending = true;
};

// What charts of a pipeline's history need of one run.
struct RunTrendPoint
{
    qint64 runId = 0;
    RunStatus status = RunStatus::Pending;
    QDateTime startedAt;
    QDateTime finishedAt;
    int cachedJobs = 0; // jobs that looked up a cache
    int cacheHits = 0;  // of those, the ones whose exact key had an entry

    qint64 durationMs() const;
};

// What a run records when it reaches a stage's gate.
struct GateOpening
{
    qint64 runId = 0;
    int stage = -1;
    QString stageName;
    QStringList approvers;
    int required = 1;
    bool allowSelfApproval = false;
    bool onTimeoutApprove = false;
    std::optional<qint64> timeoutMs;
};

// A gate that waits for decisions, with what a person deciding it needs to know.
struct WaitingGate
{
    qint64 runId = 0;
    QString pipeline;
    QString branch;
    int stage = -1;
    QString stageName;
    GateRecord gate;
};

// A wish of one run to hold a resource (a deployment target) alone.
struct ResourceClaim
{
    QString resource;
    qint64 runId = 0;
    QString pipeline;
    QString holder; // what in the run wants it: "stage deploy", "job migrate"
};

// Where a claim stands: held, or behind the claim that holds the resource now.
struct ClaimState
{
    bool granted = false;
    int ahead = 0; // claims before this one, the holder included
    qint64 holderRun = 0;
    QString holderPipeline;
    QString holder;
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
    // Records several new runs (at most maxCreatedRuns) as createRun does, all in one
    // transaction (all or none), and returns their ids in order: for filling a history
    // quickly, as imports, benchmarks and load tests do.
    virtual Result<QList<qint64>> createRuns(const QList<RunRecord> &runs) = 0;
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
    // The newest `limit` (1 to 10000) runs of `pipeline`, oldest first, for charts.
    virtual Result<QList<RunTrendPoint>> runTrend(const QString &pipeline, int limit) = 0;

    // Gates. Times are the store's clock, so that every workstation judges a deadline alike.
    // The login that decisions through this store are recorded under: the database login on
    // PostgreSQL, the operating-system user on SQLite.
    virtual Result<QString> login() = 0;
    // Records that the run reached the gate; a gate already recorded comes back as it is.
    virtual Result<GateRecord> openGate(const GateOpening &opening) = 0;
    // The gate with its decisions and its status as of now.
    virtual Result<GateRecord> loadGate(qint64 runId, int stage) = 0;
    // Adds this login's decision, or says why it may not decide; exactly one of several
    // decisions made at once closes a gate.
    virtual Result<GateRecord> decideGate(qint64 runId, int stage, bool approve,
                                          const QString &comment) = 0;
    // Records how the gate ended; refused unless the decisions (or the deadline) say so, or,
    // for Cancelled, unless the gate still waits.
    virtual Result<GateRecord> closeGate(qint64 runId, int stage, GateStatus outcome) = 0;
    // Gates of unfinished runs that still wait, oldest first.
    virtual Result<QList<WaitingGate>> waitingGates() = 0;

    // Liveness of runs. The process running a run renews it; a run whose process is gone
    // (judged on its own host) or that was not renewed within `lifetime` is marked
    // interrupted, its unfinished jobs with it. Returns the runs it marked. Runs of an older
    // Pipewright, which did not say who ran them, are left alone.
    virtual Status renewRun(qint64 runId) = 0;
    virtual Result<QList<qint64>> interruptAbandonedRuns(Milliseconds lifetime) = 0;

    // Resource locks: each resource is held by its oldest live claim, across every process
    // that uses the store. A claim is dead once released, once its process is gone (judged on
    // its own host), or when it was not renewed within `lifetime`.
    virtual Result<qint64> claimResource(const ResourceClaim &claim) = 0;
    virtual Result<ClaimState> claimState(qint64 claim, Milliseconds lifetime) = 0;
    virtual Status renewClaims(const QList<qint64> &claims) = 0;
    virtual Status releaseClaim(qint64 claim) = 0;
};

// The most runs one createRuns() records.
inline constexpr int maxCreatedRuns = 10000;

// How long a run may go without renewal before another process takes it for abandoned.
inline constexpr Milliseconds runLifetime{120000};

// Opens the store at `location`: a plain path names an SQLite file (created with its folder
// when missing); `postgresql://user@host:port/db` a PostgreSQL database. The schema is
// created or upgraded on open.
Result<std::unique_ptr<RunStore>> openStore(const QString &location);

// The default store: an SQLite file in the user's data folder, or $PIPEWRIGHT_DB.
QString defaultStoreLocation();

} // namespace pw
