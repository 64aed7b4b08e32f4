#include "sqlstore.h"
#include "sqltransaction.h"
#include "sqlvalues.h"
#include "storelog.h"

#include <QSysInfo>

#include <cerrno>
#include <csignal>

namespace pw {

namespace {

const QString tidying = QStringLiteral("mark abandoned runs in");

struct OwnedRun
{
    qint64 id = 0;
    QString host;
    qint64 pid = 0;
    QDateTime heartbeatAt;
};

// Gone for sure on this host; elsewhere only silence tells.
bool isAbandoned(const OwnedRun &run, const QDateTime &now, Milliseconds lifetime)
{
    if (run.host == QSysInfo::machineHostName())
        return run.pid > 0 && ::kill(pid_t(run.pid), 0) != 0 && errno == ESRCH;
    return !run.heartbeatAt.isValid() || run.heartbeatAt.msecsTo(now) > lifetime.count();
}

} // namespace

Status SqlStore::renewRun(qint64 runId)
{
    const Result<QDateTime> now = storeNow();
    if (!now)
        return now.error();
    return sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(tidying), [&](sql::Statements &statements) -> Status {
            Result<QSqlQuery *> update = prepareWrite(
                statements, QStringLiteral("UPDATE runs SET heartbeat_at = ? WHERE id = ?"));
            if (!update)
                return update.error();
            sql::bind(*update.value(), {sql::time(*now), runId});
            if (!update.value()->exec())
                return failure(tidying, *update.value());
            return {};
        });
}

Result<QList<qint64>> SqlStore::interruptAbandonedRuns(Milliseconds lifetime)
{
    const Result<QDateTime> now = storeNow();
    if (!now)
        return now.error();

    // Looked for outside a write transaction: every open asks, and nearly always finds
    // nothing, which must not wait for (or hold up) the writers of running runs.
    Result<QSqlQuery> select =
        prepare(QStringLiteral("SELECT id, owner_host, owner_pid, heartbeat_at FROM runs"
                               " WHERE status IN ('pending', 'running', 'waiting_approval')"
                               " AND owner_host <> ''"),
                tidying);
    if (!select)
        return select.error();
    if (Status done = execute(select.value(), tidying); !done)
        return done.error();
    QList<OwnedRun> abandoned;
    while (select.value().next()) {
        sql::Row row(select.value());
        const OwnedRun run{row.int64(), row.text(), row.int64(), row.time()};
        if (isAbandoned(run, *now, lifetime))
            abandoned.append(run);
    }
    select.value().finish();
    if (abandoned.isEmpty())
        return QList<qint64>();

    // Marked only if still unfinished: the run may have ended since it was read.
    QList<qint64> marked;
    const Status done = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(tidying), [&](sql::Statements &statements) -> Status {
            for (const OwnedRun &run : abandoned) {
                if (Status closed = markInterrupted(statements, run.id, run.host, run.pid, *now);
                    !closed)
                    return closed;
                marked.append(run.id);
            }
            return {};
        });
    if (!done)
        return done.error();
    for (qint64 id : marked)
        qCInfo(lcStore) << "run" << id << "was abandoned by its process; marked interrupted";
    return marked;
}

Status SqlStore::markInterrupted(sql::Statements &statements, qint64 runId, const QString &host,
                                 qint64 pid, const QDateTime &now)
{
    const QString reason =
        QStringLiteral("the process running it (pid %1 on %2) ended before the run did")
            .arg(pid)
            .arg(host);
    const QString cut = QStringLiteral("the run was interrupted");
    // The run, its unfinished stages and jobs, and what it still claimed; its gates then stop
    // being listed, since only gates of unfinished runs are.
    const QList<std::pair<QString, QVariantList>> steps = {
        {QStringLiteral("UPDATE runs SET status = 'interrupted', reason = ?, finished_at = ?"
                        " WHERE id = ? AND status IN ('pending', 'running', 'waiting_approval')"),
         {reason, sql::time(now), runId}},
        {QStringLiteral("UPDATE jobs SET status = 'interrupted', reason = ?, finished_at = ?"
                        " WHERE run_id = ? AND status IN ('running', 'waiting_resource')"),
         {cut, sql::time(now), runId}},
        {QStringLiteral("UPDATE jobs SET status = 'skipped', reason = ? WHERE run_id = ?"
                        " AND status = 'pending'"),
         {cut, runId}},
        {QStringLiteral("UPDATE stages SET status = 'cancelled', reason = ? WHERE run_id = ?"
                        " AND status IN ('pending', 'running', 'waiting')"),
         {cut, runId}},
        {QStringLiteral("DELETE FROM resource_claims WHERE run_id = ?"), {runId}},
    };
    for (const auto &[text, values] : steps) {
        Result<QSqlQuery *> step = prepareWrite(statements, text);
        if (!step)
            return step.error();
        for (int position = 0; position < values.size(); ++position)
            step.value()->bindValue(position, values[position]);
        if (!step.value()->exec())
            return failure(tidying, *step.value());
    }
    return {};
}

} // namespace pw
