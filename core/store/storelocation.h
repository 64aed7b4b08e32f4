#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringList>

namespace pw {

// Where a history store lives, as read from a location string.
struct StoreLocation
{
    enum class Kind { Sqlite, Postgres };

    Kind kind = Kind::Sqlite;
    QString path;        // SQLite: the absolute path of the file
    QString host;        // PostgreSQL: empty for the server on this machine's socket
    int port = -1;       // -1: the server's default port
    QString user;        // empty: the login name
    QString database;    // PostgreSQL: the database name
    QStringList options; // PostgreSQL connection options, each "key=value"

    // For messages and logs: the file path, or the server and database, never a password.
    QString display() const;
    // The same for everyone who uses the same database, whatever their login: how events
    // name the store.
    QString identity() const;
    // The location as parseStoreLocation() reads it back, options included.
    QString text() const;
};

// Reads `location`: a plain file path, sqlite:///absolute/path, sqlite:relative/path or
// postgresql://user@host:port/database[?option=value&...]. Relative paths are taken from
// the current folder. A location that carries a password is refused.
Result<StoreLocation> parseStoreLocation(const QString &location);

} // namespace pw
