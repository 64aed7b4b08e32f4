#include "sqltransaction.h"

#include "sqlvalues.h"
#include "storelog.h"

namespace pw::sql {

namespace {

QString unreachable(const QString &reason)
{
    return QStringLiteral("the server cannot be reached (%1)").arg(reason);
}

Status beginWrite(const QSqlDatabase &db, const SqlDialect &dialect, const QString &what)
{
    if (Status connected = reconnect(db, what); !connected)
        return connected;
    Status begun = execPlain(db, dialect.beginWrite(), what);
    if (begun || !connectionLost(db))
        return begun;

    // The server went away and came back since the last statement.
    if (Status connected = reconnect(db, what); !connected)
        return connected;
    return execPlain(db, dialect.beginWrite(), what);
}

} // namespace

bool connectionLost(const QSqlDatabase &db)
{
    // The PostgreSQL driver reports the state of its libpq connection here.
    return db.driverName() == QLatin1String("QPSQL") && !db.isOpen();
}

Status reconnect(const QSqlDatabase &db, const QString &what)
{
    if (!connectionLost(db))
        return {};

    QSqlDatabase connection = db;
    if (!connection.open())
        return Status::failure(what + QStringLiteral(": ")
                               + unreachable(errorText(connection.lastError())));
    qCInfo(lcStore).noquote() << "connected again:" << what;
    return {};
}

QString failureReason(const QSqlDatabase &db, const QSqlError &error)
{
    return connectionLost(db) ? unreachable(errorText(error)) : errorText(error);
}

QSqlQuery *Statements::prepare(const QString &text, QString *error)
{
    // Qt warns about every statement given to a connection that is gone.
    if (connectionLost(m_db)) {
        *error = unreachable(QStringLiteral("the connection was lost"));
        return nullptr;
    }
    QSqlQuery &query = m_queries.emplace_back(m_db);
    query.setForwardOnly(true);
    if (!query.prepare(text)) {
        *error = failureReason(m_db, query.lastError());
        return nullptr;
    }
    return &query;
}

Status execPlain(const QSqlDatabase &db, const QString &statement, const QString &what)
{
    if (connectionLost(db))
        return Status::failure(what + QStringLiteral(": ")
                               + unreachable(QStringLiteral("the connection was lost")));
    QSqlQuery query(db);
    if (!query.exec(statement))
        return Status::failure(what + QStringLiteral(": ") + failureReason(db, query.lastError()));
    return {};
}

Status inWriteTransaction(const QSqlDatabase &db, const SqlDialect &dialect, const QString &what,
                          const std::function<Status(Statements &)> &steps)
{
    if (Status begun = beginWrite(db, dialect, what); !begun)
        return begun;

    Statements statements(db);
    Status done = steps(statements);
    if (done)
        done = execPlain(db, QStringLiteral("COMMIT"), what);
    if (done)
        return done;

    // The caller gets the first error; a failed rollback only matters to someone debugging,
    // since the database drops the transaction with the connection anyway.
    if (connectionLost(db))
        return done;
    if (Status undone = execPlain(db, QStringLiteral("ROLLBACK"), what); !undone)
        qCWarning(lcStore).noquote() << "rolling back failed:" << undone.error().message;
    return done;
}

} // namespace pw::sql
