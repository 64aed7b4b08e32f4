#include "sqlstore.h"
#include "sqltransaction.h"
#include "sqlvalues.h"
#include "storelog.h"

#include <QSqlError>
#include <QSysInfo>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace pw {

namespace {

const QString claiming = QStringLiteral("claim a resource in");

struct ClaimRow
{
    qint64 id = 0;
    qint64 runId = 0;
    QString pipeline;
    QString holder;
    QString ownerHost;
    qint64 ownerPid = 0;
    QDateTime heartbeatAt;
};

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

// A claim whose process is known to be gone, or that nobody renewed in time, holds nothing.
bool isDead(const ClaimRow &claim, const QDateTime &now, Milliseconds lifetime)
{
    if (claim.heartbeatAt.msecsTo(now) > lifetime.count())
        return true;
    return claim.ownerHost == QSysInfo::machineHostName() && !processAlive(claim.ownerPid);
}

} // namespace

Status SqlStore::lockResource(sql::Statements &statements, const QString &resourceOf,
                              const QVariant &value)
{
    // PostgreSQL gives out ids before commit, so without this a claim judged while an older
    // one is not yet visible could be granted beside it. SQLite's write lock already orders
    // every claim.
    if (m_location.kind != StoreLocation::Kind::Postgres)
        return {};
    Result<QSqlQuery *> lock =
        prepareWrite(statements, QStringLiteral("SELECT pg_advisory_xact_lock(7032, hashtext(")
                                     + resourceOf + QStringLiteral("))"));
    if (!lock)
        return lock.error();
    sql::bind(*lock.value(), {value});
    if (!lock.value()->exec())
        return failure(claiming, *lock.value());
    return {};
}

Result<qint64> SqlStore::claimResource(const ResourceClaim &claim)
{
    const Result<QDateTime> now = storeNow();
    if (!now)
        return now.error();

    qint64 id = 0;
    const Status claimed = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(claiming), [&](sql::Statements &statements) -> Status {
            if (Status locked = lockResource(statements, QStringLiteral("?"), claim.resource);
                !locked)
                return locked;
            Result<QSqlQuery *> insert = prepareWrite(
                statements,
                QStringLiteral("INSERT INTO resource_claims (resource, run_id, pipeline, holder,"
                               " owner_host, owner_pid, claimed_at, heartbeat_at)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
            if (!insert)
                return insert.error();
            QSqlQuery &query = *insert.value();
            sql::bind(query, {sql::text(claim.resource), claim.runId, sql::text(claim.pipeline),
                              sql::text(claim.holder), sql::text(QSysInfo::machineHostName()),
                              qint64(::getpid()), sql::time(*now), sql::time(*now)});
            if (!query.exec() || !query.next())
                return failure(claiming, query);
            id = query.value(0).toLongLong();
            query.finish();
            return {};
        });
    if (!claimed)
        return claimed.error();
    return id;
}

Result<ClaimState> SqlStore::claimState(qint64 claim, Milliseconds lifetime)
{
    const Result<QDateTime> now = storeNow();
    if (!now)
        return now.error();

    ClaimState state;
    const Status judged = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(claiming), [&](sql::Statements &statements) -> Status {
            const QString resourceOf =
                QStringLiteral("(SELECT resource FROM resource_claims WHERE id = ?)");
            if (Status locked = lockResource(statements, resourceOf, claim); !locked)
                return locked;

            // Every claim of the resource up to this one, oldest first.
            Result<QSqlQuery *> select = prepareWrite(
                statements,
                QStringLiteral("SELECT c.id, c.run_id, c.pipeline, c.holder, c.owner_host,"
                               " c.owner_pid, c.heartbeat_at FROM resource_claims c"
                               " JOIN resource_claims mine ON mine.resource = c.resource"
                               " WHERE mine.id = ? AND c.id <= mine.id ORDER BY c.id"));
            if (!select)
                return select.error();
            QSqlQuery &query = *select.value();
            sql::bind(query, {claim});
            if (!query.exec())
                return failure(claiming, query);

            QList<ClaimRow> rows;
            while (query.next()) {
                sql::Row row(query);
                rows.append({row.int64(), row.int64(), row.text(), row.text(), row.text(),
                             row.int64(), row.time()});
            }
            query.finish();
            if (rows.isEmpty() || rows.last().id != claim) {
                return Error{QStringLiteral("the claim %1 is gone: it was released, or it was "
                                            "taken for dead after %2 ms without renewal")
                                 .arg(claim)
                                 .arg(lifetime.count())};
            }

            Result<QSqlQuery *> remove = prepareWrite(
                statements, QStringLiteral("DELETE FROM resource_claims WHERE id = ?"));
            if (!remove)
                return remove.error();
            QList<ClaimRow> live;
            for (const ClaimRow &row : rows) {
                if (row.id == claim || !isDead(row, *now, lifetime)) {
                    live.append(row);
                    continue;
                }
                qCInfo(lcStore) << "releasing the dead claim of run" << row.runId << "on"
                                << row.ownerHost << "pid" << row.ownerPid;
                sql::bind(*remove.value(), {row.id});
                if (!remove.value()->exec())
                    return failure(claiming, *remove.value());
            }

            state.granted = live.first().id == claim;
            state.ahead = int(live.size()) - 1;
            state.holderRun = live.first().runId;
            state.holderPipeline = live.first().pipeline;
            state.holder = live.first().holder;
            return {};
        });
    if (!judged)
        return judged.error();
    return state;
}

Status SqlStore::renewClaims(const QList<qint64> &claims)
{
    if (claims.isEmpty())
        return {};
    const Result<QDateTime> now = storeNow();
    if (!now)
        return now.error();

    return sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(claiming), [&](sql::Statements &statements) -> Status {
            Result<QSqlQuery *> update = prepareWrite(
                statements,
                QStringLiteral("UPDATE resource_claims SET heartbeat_at = ? WHERE id = ?"));
            if (!update)
                return update.error();
            for (qint64 claim : claims) {
                sql::bind(*update.value(), {sql::time(*now), claim});
                if (!update.value()->exec())
                    return failure(claiming, *update.value());
            }
            return {};
        });
}

Status SqlStore::releaseClaim(qint64 claim)
{
    return sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(claiming), [&](sql::Statements &statements) -> Status {
            Result<QSqlQuery *> remove = prepareWrite(
                statements, QStringLiteral("DELETE FROM resource_claims WHERE id = ?"));
            if (!remove)
                return remove.error();
            sql::bind(*remove.value(), {claim});
            if (!remove.value()->exec())
                return failure(claiming, *remove.value());
            return {};
        });
}

} // namespace pw
