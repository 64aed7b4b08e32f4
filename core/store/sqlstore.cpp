#include "sqlstore.h"

#include "schema.h"
#include "sqltransaction.h"
#include "sqlvalues.h"
#include "storelog.h"
#include "storepassword.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>
#include <QUuid>

namespace pw {

namespace {

const QString opening = QStringLiteral("open");

// A second process writing the same file waits this long for its turn before giving up.
constexpr int sqliteBusyTimeoutMs = 10000;

// A server that does not answer must not leave the orchestrator hanging; a connect_timeout
// option in the location overrides this, since libpq keeps the last value of a key.
const QString postgresConnectTimeout = QStringLiteral("connect_timeout=10");

} // namespace

SqlStore::SqlStore(const StoreLocation &location)
    : m_location(location)
    , m_dialect(SqlDialect::of(location))
    , m_connectionName(QStringLiteral("pipewright-store-")
                       + QUuid::createUuid().toString(QUuid::WithoutBraces))
{}

SqlStore::~SqlStore()
{
    // Queries only live inside calls, so once this last handle is gone the connection can
    // be removed without Qt warning that it is still in use.
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<SqlStore>> SqlStore::open(const StoreLocation &location)
{
    std::unique_ptr<SqlStore> store(new SqlStore(location));
    if (Status connected = store->connect(); !connected)
        return connected.error();

    qCInfo(lcStore).noquote() << "opened the history store at" << store->location();
    return store;
}

QString SqlStore::location() const
{
    return m_location.display();
}

Status SqlStore::connect()
{
    const QString driver = m_dialect.driverName();
    if (!QSqlDatabase::isDriverAvailable(driver))
        return failure(opening,
                       QStringLiteral("the Qt SQL driver %1 is not installed").arg(driver));

    if (m_location.kind == StoreLocation::Kind::Sqlite) {
        if (Status ready = prepareSqliteFile(); !ready)
            return ready;
    }

    m_db = QSqlDatabase::addDatabase(driver, m_connectionName);
    describeConnection();
    if (!m_db.open())
        return failure(opening, sql::errorText(m_db.lastError()));
    if (m_location.kind == StoreLocation::Kind::Sqlite) {
        if (Status configured = configureSqlite(); !configured)
            return configured;
    }
    return migrateSchema(m_db, m_dialect, location());
}

void SqlStore::describeConnection()
{
    if (m_location.kind == StoreLocation::Kind::Sqlite) {
        m_db.setDatabaseName(m_location.path);
        // Set on the connection before its first statement, which may already have to wait.
        m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(sqliteBusyTimeoutMs));
        return;
    }

    m_db.setHostName(m_location.host);
    m_db.setPort(m_location.port);
    m_db.setUserName(m_location.user);
    m_db.setDatabaseName(m_location.database);
    if (const std::optional<QString> password = storePassword(m_location))
        m_db.setPassword(*password);
    const QStringList options = QStringList{postgresConnectTimeout} + m_location.options;
    m_db.setConnectOptions(options.join(QLatin1Char(';')));
}

Status SqlStore::prepareSqliteFile() const
{
    // SQLite's own message for these is "unable to open database file", which names neither
    // the file nor what is wrong with it.
    const QFileInfo file(m_location.path);
    if (file.isDir())
        return failure(opening, QStringLiteral("it is a folder, not a file"));

    const QString folder = file.absolutePath();
    if (!QDir().mkpath(folder))
        return failure(opening, QStringLiteral("cannot create the folder %1").arg(folder));

    // The write-ahead log lives beside the file, so the folder must be writable even when
    // the file exists.
    if (!QFileInfo(folder).isWritable())
        return failure(opening, QStringLiteral("the folder %1 is not writable").arg(folder));
    return {};
}

Status SqlStore::configureSqlite()
{
    // The write-ahead log lets readers go on while one process writes, and several processes
    // (the orchestrator, pwctl, the GUI) share one file; NORMAL is durable enough with it.
    {
        // Switching a new file to the log needs it alone for a moment, and SQLite does not
        // wait for that on its own: two processes opening one new store would fail here.
        QSqlQuery journal(m_db);
        QDeadlineTimer deadline(sqliteBusyTimeoutMs);
        while (!journal.exec(QStringLiteral("PRAGMA journal_mode=WAL")) || !journal.next()) {
            const bool busy = journal.lastError().nativeErrorCode() == QLatin1String("5");
            if (!busy || deadline.hasExpired()) {
                return failure(opening, journal);
            }
            QThread::msleep(20);
        }
        const QString mode = journal.value(0).toString();
        if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
            qCWarning(lcStore).noquote() << "the history store at" << location()
                                         << "cannot use a write-ahead log; it uses" << mode;
        }
    }

    const QString settings[] = {QStringLiteral("PRAGMA synchronous=NORMAL"),
                                QStringLiteral("PRAGMA foreign_keys=ON")};
    for (const QString &setting : settings) {
        if (Status done = sql::execPlain(m_db, setting, failurePrefix(opening)); !done)
            return done;
    }
    return {};
}

Result<QSqlQuery> SqlStore::prepare(const QString &statement, const QString &action)
{
    // A server that went away since the last call may be back: connect again first, and once
    // more if the first statement finds the old connection gone, since nothing ran yet.
    for (int attempt = 0;; ++attempt) {
        if (Status connected = sql::reconnect(m_db, failurePrefix(action)); !connected)
            return connected.error();
        QSqlQuery query(m_db);
        query.setForwardOnly(true);
        if (query.prepare(statement))
            return query;
        if (attempt > 0 || !sql::connectionLost(m_db))
            return failure(action, query);
    }
}

Status SqlStore::execute(QSqlQuery &query, const QString &action) const
{
    if (!query.exec())
        return failure(action, query);
    return {};
}

QString SqlStore::failurePrefix(const QString &action) const
{
    return QStringLiteral("cannot %1 the history store at %2").arg(action, location());
}

Error SqlStore::failure(const QString &action, const QString &reason) const
{
    return Error{failurePrefix(action) + QStringLiteral(": ") + reason};
}

Error SqlStore::failure(const QString &action, const QSqlQuery &query) const
{
    return failure(action, sql::failureReason(m_db, query.lastError()));
}

} // namespace pw
