#include "sqltransaction.h"

#include "sqlvalues.h"
#include "storelog.h"

namespace pw::sql {

QSqlQuery *Statements::prepare(const QString &text, QString *error)
{
    QSqlQuery &query = m_queries.emplace_back(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(text)) {
        *error = errorText(query.lastError());
        return nullptr;
    }
    return &query;
}

Status execPlain(const QSqlDatabase &db, const QString &statement, const QString &what)
{
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Status::failure(what + QStringLiteral(": ") + errorText(query.lastError()));
    return {};
}

Status inWriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, const QString &what,
                          const std::function<Status(Statements &)> &steps)
{
    if (Status begun = execPlain(db, dialect.beginWrite(), what); !begun)
        return begun;

    Statements statements(db);
    Status done = steps(statements);
    if (done)
        done = execPlain(db, QStringLiteral("COMMIT"), what);
    if (done)
        return done;

    // The caller gets the first error; a failed rollback only matters to someone debugging,
    // since the database drops the transaction with the connection anyway.
    if (Status undone = execPlain(db, QStringLiteral("ROLLBACK"), what); !undone)
        qCWarning(lcStore).noquote() << "rolling back failed:" << undone.error().message;
    return done;
}

} // namespace pw::sql
