#include "sqldialect.h"

namespace pw {

QString SqlDialect::driverName() const
{
    return kind == StoreLocation::Kind::Sqlite ? QStringLiteral("QSQLITE")
                                               : QStringLiteral("QPSQL");
}

QString SqlDialect::expand(const QString &ddl) const
{
    const bool sqlite = kind == StoreLocation::Kind::Sqlite;

    // AUTOINCREMENT keeps SQLite from handing out the id of a deleted run again.
    QString text = ddl;
    text.replace(QStringLiteral("{id}"), sqlite
                                             ? QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")
                                             : QStringLiteral("BIGSERIAL PRIMARY KEY"));
    text.replace(QStringLiteral("{blob}"),
                 sqlite ? QStringLiteral("BLOB") : QStringLiteral("BYTEA"));
    return text;
}

QString SqlDialect::beginWrite() const
{
    return kind == StoreLocation::Kind::Sqlite ? QStringLiteral("BEGIN IMMEDIATE")
                                               : QStringLiteral("BEGIN");
}

QStringList SqlDialect::migrationSetup() const
{
    if (kind == StoreLocation::Kind::Sqlite)
        return {};

    // Any constant works as the lock key, as long as every Pipewright uses the same one.
    return {QStringLiteral("SET LOCAL client_min_messages = warning"),
            QStringLiteral("SELECT pg_advisory_xact_lock(7031)")};
}

} // namespace pw
