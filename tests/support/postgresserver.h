#pragma once

#include "core/util/result.h"
#include "serverprocess.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace pw::test {

// A throwaway PostgreSQL cluster for tests: its own temporary folder, its own server on
// 127.0.0.1 and a free port, stopped and removed when the object goes. The server dies with
// the process that started it, also when that process crashes or is killed.
//
// Start, stop and destroy it on the thread that lives longest (the main thread): the server
// is told to quit when the thread that started it ends.
class PostgresServer
{
public:
    struct Options
    {
        // The database start() creates, owned by the superuser.
        QString database = QStringLiteral("pipewright");
        // These roles log in over TCP with a password (scram-sha-256); every other role is
        // trusted. createRole() still has to create them.
        QStringList passwordRoles;
        // How long start() and restart() wait for the server to accept connections.
        int startTimeoutMs = 30000;
    };

    // The folder holding PostgreSQL's initdb and postgres, or why there is none:
    // $PIPEWRIGHT_POSTGRES_BIN, else the newest /usr/lib/postgresql/*/bin, else PATH.
    static Result<QString> binaryDirectory();

    // Creates a cluster, starts its server and creates `options.database`. The error says
    // which step failed and ends with the last lines of the server's log when it has one.
    static Result<std::unique_ptr<PostgresServer>> start(const Options &options);
    static Result<std::unique_ptr<PostgresServer>> start() { return start(Options()); }
    // Starts a server with a history store ready: the database "history", owned by the login
    // role `role`, at historyUrl(`role`).
    static Result<std::unique_ptr<PostgresServer>>
    startWithHistory(const QString &role = QStringLiteral("ci"));

    ~PostgresServer();
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // postgresql://role@127.0.0.1:PORT/database (the options' database when empty).
    QString url(const QString &role, const QString &database = {}) const;
    QString historyUrl(const QString &role = QStringLiteral("ci")) const
    {
        return url(role, QStringLiteral("history"));
    }

    // The bootstrap superuser, trusted over TCP unless listed among the password roles.
    static QString superuser() { return QStringLiteral("postgres"); }

    // Creates a login role. Names are letters, digits and underscores, starting with a letter
    // or underscore; a password is needed for the password roles to log in.
    Status createRole(const QString &role, const QString &password = {}, bool superuser = false);

    // Creates the database `name`, owned by `owner` (the superuser when empty), who may then
    // create tables in its public schema.
    Status createDatabase(const QString &name, const QString &owner = {});

    // Runs the one statement `sql` (no values, not in a transaction) as the superuser in
    // `database` (the options' database when empty).
    Status execAsSuperuser(const QString &sql, const QString &database = {});

    // Stops the server (fast shutdown: open connections are cut) and keeps its files.
    Status stop();
    // Starts the stopped server again on the same port and folder.
    Status restart();
    bool isRunning() const;

    int port() const { return m_port; }
    // The server's process id while it runs, else 0.
    qint64 processId() const;
    QString dataDirectory() const;
    QString logFile() const;

private:
    PostgresServer(const QString &binaries, const Options &options, const ServerAccount &account);

    Status prepareFolder();
    Status initializeCluster();
    Status writeAccessRules() const;
    Status launchOnFreePort();
    Status launch();
    Status waitUntilReady();
    bool serverIsReady() const;
    Error failure(const QString &what) const;
    QString logTail() const;
    QString program(const QString &name) const;

    QString m_binaries;
    Options m_options;
    ServerAccount m_account;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_server;
    int m_port = 0;
};

} // namespace pw::test
