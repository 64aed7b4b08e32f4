#include "core/util/currentuser.h"
#include "gaterules.h"
#include "sqlstore.h"
#include "sqltransaction.h"
#include "sqlvalues.h"

#include <QRegularExpression>
#include <QSqlError>

namespace pw {

namespace {

const QString readingAction = QStringLiteral("read");
const QString writingAction = QStringLiteral("write to");
const QString deciding = QStringLiteral("record a decision in");
const QString gateColumns = QStringLiteral("stage, approvers, required, allow_self,"
                                           " on_timeout_approve, started_by, opened_at,"
                                           " deadline, outcome");
const QChar approverSeparator = QLatin1Char('\n');

Result<SqlStore::GateRow> gateFromRow(const QSqlQuery &query)
{
    sql::Row row(query);
    SqlStore::GateRow read;
    read.stageName = row.text();
    read.gate.approvers = row.text().split(approverSeparator, Qt::SkipEmptyParts);
    read.gate.required = row.integer();
    read.gate.allowSelfApproval = row.flag();
    read.gate.onTimeoutApprove = row.flag();
    read.gate.startedBy = row.text();
    read.gate.openedAt = row.time();
    read.gate.deadline = row.time();
    const QString outcome = row.text();
    if (outcome.isEmpty())
        return read;
    read.closed = true;

    const std::optional<GateStatus> status = gateStatusFromString(outcome);
    if (!status) {
        return Error{QStringLiteral("the gate of stage \"%1\" has the unknown outcome \"%2\"")
                         .arg(read.stageName, outcome)};
    }
    read.gate.status = *status;
    return read;
}

// The message a trigger raised, without libpq's "ERROR:" and the error code around it.
QString refusalText(const QSqlError &error)
{
    QString text = sql::errorText(error);
    text.remove(QRegularExpression(QStringLiteral("^ERROR:\\s*")));
    text.remove(QRegularExpression(QStringLiteral("\\s*\\(P0001\\)\\s*$")));
    return text;
}

} // namespace

Result<QDateTime> SqlStore::storeNow()
{
    if (m_location.kind == StoreLocation::Kind::Sqlite)
        return QDateTime::currentDateTimeUtc();

    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT pipewright_now_ms()"), readingAction);
    if (!prepared)
        return prepared.error();
    if (Status done = execute(prepared.value(), readingAction); !done)
        return done.error();
    if (!prepared.value().next())
        return failure(readingAction, prepared.value());
    return QDateTime::fromMSecsSinceEpoch(prepared.value().value(0).toLongLong(), Qt::UTC);
}

Result<QString> SqlStore::login()
{
    if (m_location.kind == StoreLocation::Kind::Sqlite)
        return currentUser();

    Result<QSqlQuery> prepared = prepare(QStringLiteral("SELECT session_user"), readingAction);
    if (!prepared)
        return prepared.error();
    if (Status done = execute(prepared.value(), readingAction); !done)
        return done.error();
    if (!prepared.value().next())
        return failure(readingAction, prepared.value());
    return prepared.value().value(0).toString();
}

Result<GateRecord> SqlStore::openGate(const GateOpening &opening)
{
    const Result<QString> who = login();
    if (!who)
        return who.error();
    const QDateTime openedAt = QDateTime::currentDateTimeUtc();
    QDateTime deadline;
    if (opening.timeoutMs)
        deadline = openedAt.addMSecs(*opening.timeoutMs);

    // ON CONFLICT keeps a gate recorded before (a run that reached it again after a restart).
    const Status opened = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(writingAction), [&](sql::Statements &statements) -> Status {
            Result<QSqlQuery *> insert = prepareWrite(
                statements,
                QStringLiteral("INSERT INTO gates (run_id, stage_idx, stage, approvers, required,"
                               " allow_self, on_timeout_approve, started_by, opened_at, deadline)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                               " ON CONFLICT (run_id, stage_idx) DO NOTHING"));
            if (!insert)
                return insert.error();
            sql::bind(*insert.value(),
                      {opening.runId, opening.stage, sql::text(opening.stageName),
                       sql::text(opening.approvers.join(approverSeparator)), opening.required,
                       sql::flag(opening.allowSelfApproval), sql::flag(opening.onTimeoutApprove),
                       sql::text(*who), sql::time(openedAt), sql::time(deadline)});
            if (!insert.value()->exec())
                return failure(writingAction, *insert.value());
            return {};
        });
    if (!opened)
        return opened.error();
    return loadGate(opening.runId, opening.stage);
}

Result<GateRecord> SqlStore::loadGate(qint64 runId, int stage)
{
    Result<GateRow> row = readGate(runId, stage, false);
    if (!row)
        return row.error();
    return row.value().gate;
}

Result<SqlStore::GateRow> SqlStore::readGate(qint64 runId, int stage, bool lock)
{
    // FOR UPDATE holds other deciders back until this transaction ends; SQLite's write
    // transaction already does.
    QString statement = QStringLiteral("SELECT ") + gateColumns
                        + QStringLiteral(" FROM gates WHERE run_id = ? AND stage_idx = ?");
    if (lock && m_location.kind == StoreLocation::Kind::Postgres)
        statement += QStringLiteral(" FOR UPDATE");

    Result<QSqlQuery> prepared = prepare(statement, readingAction);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {runId, stage});
    if (Status done = execute(query, readingAction); !done)
        return done.error();
    if (!query.next()) {
        if (query.lastError().isValid())
            return failure(readingAction, query);
        return Error{QStringLiteral("run %1 has no gate at stage %2").arg(runId).arg(stage)};
    }
    Result<GateRow> row = gateFromRow(query);
    query.finish();
    if (!row)
        return failure(readingAction, row.error().message);

    Result<QList<GateDecision>> decisions = readDecisions(runId, stage);
    if (!decisions)
        return decisions.error();
    row.value().gate.decisions = decisions.value();

    if (row.value().gate.status == GateStatus::Waiting) {
        const Result<QDateTime> now = storeNow();
        if (!now)
            return now.error();
        row.value().gate.status = gateStatusAt(row.value().gate, now.value());
    }
    return row;
}

Result<QList<GateDecision>> SqlStore::readDecisions(qint64 runId, int stage)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT decided_by, decided_at, approve, comment"
                               " FROM gate_decisions WHERE run_id = ? AND stage_idx = ?"
                               " ORDER BY decided_at, decided_by"),
                readingAction);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {runId, stage});
    if (Status done = execute(query, readingAction); !done)
        return done.error();

    QList<GateDecision> decisions;
    while (query.next()) {
        sql::Row row(query);
        GateDecision decision;
        decision.by = row.text();
        decision.at = row.time();
        decision.approve = row.flag();
        decision.comment = row.text();
        decisions.append(decision);
    }
    if (query.lastError().isValid())
        return failure(readingAction, query);
    return decisions;
}

Result<GateRecord> SqlStore::decideGate(qint64 runId, int stage, bool approve,
                                        const QString &comment)
{
    const Result<QString> who = login();
    if (!who)
        return who.error();

    std::optional<Error> refusal;
    const Status decided = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(deciding), [&](sql::Statements &statements) -> Status {
            Result<GateRow> row = readGate(runId, stage, true);
            if (!row)
                return row.error();
            const Result<QDateTime> now = storeNow();
            if (!now)
                return now.error();

            // checkDecision tells a closed gate from one the decisions have just decided.
            GateRecord gate = row.value().gate;
            if (!row.value().closed)
                gate.status = GateStatus::Waiting;
            if (Status allowed = checkDecision(gate, runId, row.value().stageName, *who, *now);
                !allowed) {
                refusal = allowed.error();
                return allowed;
            }
            if (Status open = checkRunGoes(runId); !open) {
                refusal = open.error();
                return open;
            }
            return insertDecision(statements, {runId, stage, approve, comment, *who, *now},
                                  &refusal);
        });
    if (refusal)
        return *refusal;
    if (!decided)
        return decided.error();
    return loadGate(runId, stage);
}

Status SqlStore::checkRunGoes(qint64 runId)
{
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT status FROM runs WHERE id = ?"), readingAction);
    if (!prepared)
        return prepared.error();
    sql::bind(prepared.value(), {runId});
    if (Status done = execute(prepared.value(), readingAction); !done)
        return done;
    if (!prepared.value().next())
        return Status::failure(QStringLiteral("there is no run %1").arg(runId));
    const QString status = prepared.value().value(0).toString();
    const std::optional<RunStatus> parsed = runStatusFromString(status);
    if (parsed && isFinished(*parsed)) {
        return Status::failure(
            QStringLiteral("run %1 has ended (%2): its gates can no longer be decided")
                .arg(runId)
                .arg(status));
    }
    return {};
}

Status SqlStore::insertDecision(sql::Statements &statements, const DecisionRow &decision,
                                std::optional<Error> *refusal)
{
    Result<QSqlQuery *> insert = prepareWrite(
        statements, QStringLiteral("INSERT INTO gate_decisions (run_id, stage_idx, decided_by,"
                                   " decided_at, approve, comment) VALUES (?, ?, ?, ?, ?, ?)"));
    if (!insert)
        return insert.error();
    sql::bind(*insert.value(),
              {decision.runId, decision.stage, sql::text(decision.by), sql::time(decision.at),
               sql::flag(decision.approve), sql::text(decision.comment)});
    if (insert.value()->exec())
        return {};

    // On PostgreSQL the database checks the decision again; its refusal is the answer.
    const QSqlError error = insert.value()->lastError();
    if (m_location.kind == StoreLocation::Kind::Postgres
        && error.nativeErrorCode() == QLatin1String("P0001")) {
        *refusal = Error{refusalText(error)};
        return Status(**refusal);
    }
    return failure(deciding, *insert.value());
}

Result<GateRecord> SqlStore::closeGate(qint64 runId, int stage, GateStatus outcome)
{
    const Status closed = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(writingAction), [&](sql::Statements &statements) -> Status {
            Result<QSqlQuery *> update = prepareWrite(
                statements, QStringLiteral("UPDATE gates SET outcome = ?, closed_at = ?"
                                           " WHERE run_id = ? AND stage_idx = ? AND outcome = ''"));
            if (!update)
                return update.error();
            sql::bind(*update.value(),
                      {keyword(outcome), sql::time(QDateTime::currentDateTimeUtc()), runId, stage});
            if (!update.value()->exec())
                return Error{failurePrefix(writingAction) + QStringLiteral(": ")
                             + refusalText(update.value()->lastError())};
            return {};
        });
    if (!closed)
        return closed.error();
    return loadGate(runId, stage);
}

Result<QList<WaitingGate>> SqlStore::waitingGates()
{
    Result<QSqlQuery> prepared = prepare(
        QStringLiteral("SELECT g.run_id, g.stage_idx, r.pipeline, r.branch FROM gates g"
                       " JOIN runs r ON r.id = g.run_id"
                       " WHERE g.outcome = '' AND r.status IN ('running', 'waiting_approval')"
                       " ORDER BY g.opened_at, g.run_id, g.stage_idx"),
        readingAction);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    if (Status done = execute(query, readingAction); !done)
        return done.error();

    QList<WaitingGate> found;
    while (query.next()) {
        sql::Row row(query);
        WaitingGate waiting;
        waiting.runId = row.int64();
        waiting.stage = row.integer();
        waiting.pipeline = row.text();
        waiting.branch = row.text();
        found.append(waiting);
    }
    if (query.lastError().isValid())
        return failure(readingAction, query);
    query.finish();

    QList<WaitingGate> stillWaiting;
    for (WaitingGate &waiting : found) {
        Result<GateRow> gate = readGate(waiting.runId, waiting.stage, false);
        if (!gate)
            return gate.error();
        if (gate.value().gate.status != GateStatus::Waiting)
            continue;
        waiting.stageName = gate.value().stageName;
        waiting.gate = gate.value().gate;
        stillWaiting.append(waiting);
    }
    return stillWaiting;
}

} // namespace pw
