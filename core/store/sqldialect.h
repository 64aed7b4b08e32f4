#pragma once

#include "storelocation.h"

#include <QString>
#include <QStringList>

namespace pw {

// The few places where SQLite and PostgreSQL need different SQL. Everything else the store
// writes is plain SQL that both run.
struct SqlDialect
{
    StoreLocation::Kind kind = StoreLocation::Kind::Sqlite;

    static SqlDialect of(const StoreLocation &location) { return SqlDialect{location.kind}; }

    // The Qt SQL driver that talks to this kind of database.
    QString driverName() const;

    // `ddl` with {id} replaced by the type of a key the database numbers itself and {blob}
    // by the type of raw bytes.
    QString expand(const QString &ddl) const;

    // The statement that opens a transaction that will write. SQLite takes its write lock at
    // once, so that a second writer waits for it here (busy_timeout) instead of failing at
    // its first write with a snapshot that is already stale.
    QString beginWrite() const;

    // Statements run first in the migration transaction. On PostgreSQL they make two
    // processes opening a new store migrate one after the other (SQLite's BEGIN IMMEDIATE
    // already does), and keep the server's notices about existing tables off stderr.
    QStringList migrationSetup() const;
};

} // namespace pw
