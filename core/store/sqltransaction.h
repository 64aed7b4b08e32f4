#pragma once

#include "core/util/result.h"
#include "sqldialect.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <deque>
#include <functional>

namespace pw::sql {

// The prepared statements of one transaction. They are freed only once it has ended:
// PostgreSQL refuses to free a statement inside a failed transaction, and Qt warns then.
class Statements
{
public:
    explicit Statements(const QSqlDatabase &db)
        : m_db(db)
    {}

    // A statement prepared from `text` (forward only), or null with the reason in `error`.
    QSqlQuery *prepare(const QString &text, QString *error);

private:
    QSqlDatabase m_db;
    std::deque<QSqlQuery> m_queries; // a deque keeps the addresses handed out valid
};

// Whether `db` has lost its connection to its server. PostgreSQL notices a server that went
// away at the next statement; an SQLite file is never lost.
bool connectionLost(const QSqlDatabase &db);

// Connects `db` again when it has lost its connection, so that a store outlives a restart of
// its server. A failure reads "`what`: the server cannot be reached (<reason>)".
Status reconnect(const QSqlDatabase &db, const QString &what);

// Why a statement on `db` failed, in the database's words; when the connection was lost,
// "the server cannot be reached (<its words>)".
QString failureReason(const QSqlDatabase &db, const QSqlError &error);

// Runs one statement that carries no values: DDL, a PRAGMA, transaction control. These are
// not prepared because PostgreSQL cannot prepare them. A failure reads "`what`: <reason>".
Status execPlain(const QSqlDatabase &db, const QString &statement, const QString &what);

// Runs `steps` in one write transaction: commits when they succeed, else rolls back and
// returns their error. A failure to begin or commit reads "`what`: <reason>". A connection
// found lost when the transaction begins is made again once, since nothing was written yet.
Status inWriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, const QString &what,
                          const std::function<Status(Statements &)> &steps);

} // namespace pw::sql
