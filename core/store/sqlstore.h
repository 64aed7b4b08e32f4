#pragma once

#include "runstore.h"
#include "sqldialect.h"
#include "storelocation.h"

#include <QSqlDatabase>
#include <QSqlQuery>

namespace pw {

namespace sql {
class Statements;
}

// The history store on an SQL database through QtSql: SQLite (QSQLITE) or PostgreSQL
// (QPSQL), with the same SQL but for what SqlDialect keeps apart. Each instance has a
// connection of its own, used only on the thread that opened it.
class SqlStore : public RunStore
{
public:
    // Connects to the database `location` names, sets it up for several writers and creates
    // or upgrades its schema.
    static Result<std::unique_ptr<SqlStore>> open(const StoreLocation &location);
    ~SqlStore() override;

    SqlStore(const SqlStore &) = delete;
    SqlStore &operator=(const SqlStore &) = delete;

    QString location() const override;

    Result<qint64> createRun(const RunRecord &run) override;
    Result<QList<qint64>> createRuns(const QList<RunRecord> &runs) override;
    Status write(const StoreBatch &batch) override;

    Result<RunRecord> loadRun(qint64 id) override;
    Result<QList<RunRecord>> listRuns(const RunQuery &query) override;
    Result<QList<AttemptRecord>> loadAttempts(qint64 runId, int job) override;
    Status readLog(qint64 runId, int job, int attempt,
                   const std::function<bool(const LogChunk &)> &consume) override;
    Result<QHash<QString, qint64>> lastJobDurations(const QString &pipeline) override;
    Result<QList<RunTrendPoint>> runTrend(const QString &pipeline, int limit) override;

    Result<QString> login() override;
    Result<GateRecord> openGate(const GateOpening &opening) override;
    Result<GateRecord> loadGate(qint64 runId, int stage) override;
    Result<GateRecord> decideGate(qint64 runId, int stage, bool approve,
                                  const QString &comment) override;
    Result<GateRecord> closeGate(qint64 runId, int stage, GateStatus outcome) override;
    Result<QList<WaitingGate>> waitingGates() override;

    Status renewRun(qint64 runId) override;
    Result<QList<qint64>> interruptAbandonedRuns(Milliseconds lifetime) override;

    Result<qint64> claimResource(const ResourceClaim &claim) override;
    Result<ClaimState> claimState(qint64 claim, Milliseconds lifetime) override;
    Status renewClaims(const QList<qint64> &claims) override;
    Status releaseClaim(qint64 claim) override;

    // A gate as its table holds it; `closed` when its outcome is recorded.
    struct GateRow
    {
        QString stageName;
        GateRecord gate;
        bool closed = false;
    };

    // The connection and its dialect, for modules that keep their own tables in the same
    // database (artifacts, cache entries) and use them on this store's thread.
    QSqlDatabase database() const { return m_db; }
    const SqlDialect &dialect() const { return m_dialect; }

private:
    explicit SqlStore(const StoreLocation &location);

    // Opening (sqlstore.cpp)
    Status connect();
    void describeConnection();
    Status prepareSqliteFile() const;
    Status configureSqlite();

    // Writing (sqlstorewrite.cpp)
    Status checkBatch(const StoreBatch &batch) const;
    Result<qint64> insertRun(sql::Statements &statements, const RunRecord &run);
    Status updateRuns(sql::Statements &statements, const StoreBatch &batch);
    Status upsertStages(sql::Statements &statements, qint64 runId,
                        const QList<StageRecord> &stages);
    Status upsertJobs(sql::Statements &statements, qint64 runId, const QList<JobRecord> &jobs);
    Status upsertAttempts(sql::Statements &statements, qint64 runId,
                          const QList<AttemptRecord> &attempts);
    Status appendLogs(sql::Statements &statements, const StoreBatch &batch);

    // Reading (sqlstoreread.cpp)
    Result<QList<StageRecord>> loadStages(QSqlQuery &query, qint64 runId);
    Result<QList<JobRecord>> loadJobs(qint64 runId);
    Status attachGates(qint64 runId, QList<StageRecord> &stages);
    Status countCaches(QList<RunTrendPoint> &points);

    // Gates (sqlstoregates.cpp)
    struct DecisionRow
    {
        qint64 runId = 0;
        int stage = -1;
        bool approve = false;
        QString comment;
        QString by;
        QDateTime at;
    };
    // The store's clock: the server's on PostgreSQL.
    Result<QDateTime> storeNow();
    // With `lock`, holds the gate's row until the transaction ends.
    Result<GateRow> readGate(qint64 runId, int stage, bool lock);
    Result<QList<GateDecision>> readDecisions(qint64 runId, int stage);
    // Refuses a decision on a run that has ended.
    Status checkRunGoes(qint64 runId);
    Status insertDecision(sql::Statements &statements, const DecisionRow &decision,
                          std::optional<Error> *refusal);

    // Liveness (sqlstoreliveness.cpp)
    Status markInterrupted(sql::Statements &statements, qint64 runId, const QString &host,
                           qint64 pid, const QDateTime &now);

    // Resources (sqlstoreresources.cpp): on PostgreSQL, waits for the lock of the resource
    // that the SQL expression `resourceOf` (with `value` bound) names.
    Status lockResource(sql::Statements &statements, const QString &resourceOf,
                        const QVariant &value);

    // Each statement is prepared once and then run for every row it writes or reads.
    // Statements that write belong to their transaction (see sql::Statements).
    Result<QSqlQuery *> prepareWrite(sql::Statements &statements, const QString &statement);
    // `action` says what failed in messages: "open", "read" or "write to".
    Result<QSqlQuery> prepare(const QString &statement, const QString &action);
    Status execute(QSqlQuery &query, const QString &action) const;
    // "cannot <action> the history store at <location>"
    QString failurePrefix(const QString &action) const;
    Error failure(const QString &action, const QString &reason) const;
    Error failure(const QString &action, const QSqlQuery &query) const;

    StoreLocation m_location;
    SqlDialect m_dialect;
    QString m_connectionName;
    QSqlDatabase m_db;
};

} // namespace pw
