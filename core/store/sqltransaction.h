#pragma once

#include "core/util/result.h"
#include "sqldialect.h"

#include <QSqlDatabase>
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

// Runs one statement that carries no values: DDL, a PRAGMA, transaction control. These are
// not prepared because PostgreSQL cannot prepare them. A failure reads "`what`: <reason>".
Status execPlain(const QSqlDatabase &db, const QString &statement, const QString &what);

// Runs `steps` in one write transaction: commits when they succeed, else rolls back and
// returns their error. A failure to begin or commit reads "`what`: <reason>".
Status inWriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, const QString &what,
                          const std::function<Status(Statements &)> &steps);

} // namespace pw::sql
