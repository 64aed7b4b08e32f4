#include "postgresserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QUuid>
#include <QVersionNumber>

#include <functional>
#include <signal.h>

namespace pw::test {

namespace {

const QString host = QStringLiteral("127.0.0.1");

// Another program may take the port between picking it and the server binding it.
constexpr int portAttempts = 8;
constexpr int initdbTimeoutMs = 120000;
constexpr int logTailLines = 25;

// A fast shutdown cuts open connections; a smart one (SIGTERM) would wait for them.
constexpr int fastShutdownMs = 15000;
constexpr int immediateShutdownMs = 10000;

bool hasServerPrograms(const QString &folder)
{
    return QFileInfo(folder + QStringLiteral("/initdb")).isExecutable()
           && QFileInfo(folder + QStringLiteral("/postgres")).isExecutable();
}

// Debian keeps each major version's programs apart; the newest one wins.
QString newestDebianFolder()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString found;
    for (const QString &version : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString folder = root.filePath(version) + QStringLiteral("/bin");
        const QVersionNumber number = QVersionNumber::fromString(version);
        if (hasServerPrograms(folder) && (found.isEmpty() || number > best)) {
            best = number;
            found = folder;
        }
    }
    return found;
}

int pickFreePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress(host), 0))
        return 0;
    return probe.serverPort();
}

bool isRoleName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    return pattern.match(name).hasMatch();
}

QString quoteLiteral(QString text)
{
    text.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

// The server's own words on one line when it gave some: Qt's add only "unable to create
// query".
QString errorText(const QSqlError &error)
{
    const QString text = error.databaseText().simplified();
    return text.isEmpty() ? error.text().simplified() : text;
}

// Runs `program` to its end and gives its output, or why it failed with that output.
Result<QByteArray> runToEnd(QProcess &process, const QString &program, const QStringList &args)
{
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, args);
    if (!process.waitForStarted())
        return Error{QStringLiteral("cannot run %1: %2").arg(program, process.errorString())};

    if (!process.waitForFinished(initdbTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error{QStringLiteral("%1 did not finish within %2 s")
                         .arg(program)
                         .arg(initdbTimeoutMs / 1000)};
    }
    const QByteArray output = process.readAll();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        return Error{QStringLiteral("%1 failed (exit code %2):\n%3")
                         .arg(program)
                         .arg(process.exitCode())
                         .arg(QString::fromLocal8Bit(output).trimmed())};
    }
    return output;
}

} // namespace

Result<QString> PostgresServer::binaryDirectory()
{
    const QString chosen = qEnvironmentVariable("PIPEWRIGHT_POSTGRES_BIN");
    if (!chosen.isEmpty()) {
        if (hasServerPrograms(chosen))
            return chosen;
        return Error{QStringLiteral("PIPEWRIGHT_POSTGRES_BIN is %1, which holds no initdb and "
                                    "postgres programs")
                         .arg(chosen)};
    }
    if (const QString debian = newestDebianFolder(); !debian.isEmpty())
        return debian;

    const QString initdb = QStandardPaths::findExecutable(QStringLiteral("initdb"));
    if (!initdb.isEmpty() && hasServerPrograms(QFileInfo(initdb).absolutePath()))
        return QFileInfo(initdb).absolutePath();
    return Error{QStringLiteral("PostgreSQL's initdb and postgres programs are not installed "
                                "(looked in /usr/lib/postgresql/*/bin and on PATH; "
                                "PIPEWRIGHT_POSTGRES_BIN names another folder)")};
}

PostgresServer::PostgresServer(const QString &binaries, const Options &options,
                               const ServerAccount &account)
    : m_binaries(binaries)
    , m_options(options)
    , m_account(account)
    , m_dir(QDir::tempPath() + QStringLiteral("/pipewright-postgres-XXXXXX"))
{}

Result<std::unique_ptr<PostgresServer>> PostgresServer::start(const Options &options)
{
    const Result<QString> binaries = binaryDirectory();
    if (!binaries)
        return binaries.error();
    const Result<ServerAccount> account = ServerAccount::forServer(QStringLiteral("postgres"));
    if (!account)
        return account.error();
    for (const QString &role : options.passwordRoles) {
        if (!isRoleName(role) || role == superuser())
            return Error{QStringLiteral("\"%1\" cannot be a password role").arg(role)};
    }

    std::unique_ptr<PostgresServer> server(new PostgresServer(*binaries, options, *account));
    const std::function<Status()> steps[] = {
        [&] { return server->prepareFolder(); },
        [&] { return server->initializeCluster(); },
        [&] { return server->writeAccessRules(); },
        [&] { return server->launchOnFreePort(); },
        [&] { return server->createDatabase(options.database); },
    };
    for (const auto &step : steps) {
        if (Status done = step(); !done)
            return done.error();
    }
    return server;
}

Result<std::unique_ptr<PostgresServer>> PostgresServer::startWithHistory(const QString &role)
{
    Result<std::unique_ptr<PostgresServer>> started = start();
    if (!started)
        return started;
    PostgresServer &server = **started;
    if (Status created = server.createRole(role); !created)
        return created.error();
    if (Status created = server.createDatabase(QStringLiteral("history"), role); !created)
        return created.error();
    return started;
}

PostgresServer::~PostgresServer()
{
    if (Status stopped = stop(); !stopped)
        qWarning("%s", qPrintable(stopped.error().message));
}

QString PostgresServer::url(const QString &role, const QString &database) const
{
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(role, host)
        .arg(m_port)
        .arg(database.isEmpty() ? m_options.database : database);
}

Status PostgresServer::createRole(const QString &role, const QString &password, bool superuser)
{
    if (!isRoleName(role))
        return Error{QStringLiteral("\"%1\" is not a plain role name").arg(role)};

    QString statement = QStringLiteral("CREATE ROLE %1 LOGIN").arg(role);
    if (superuser)
        statement += QStringLiteral(" SUPERUSER");
    if (!password.isEmpty())
        statement += QStringLiteral(" PASSWORD ") + quoteLiteral(password);
    Status created = execAsSuperuser(statement, QStringLiteral("postgres"));
    if (created || password.isEmpty())
        return created;

    // The message repeats the statement, which must not show the password.
    QString message = created.error().message;
    return Error{message.replace(quoteLiteral(password), QStringLiteral("'...'"))};
}

Status PostgresServer::createDatabase(const QString &name, const QString &owner)
{
    if (!isRoleName(name))
        return Error{QStringLiteral("\"%1\" is not a plain database name").arg(name)};
    if (!owner.isEmpty() && !isRoleName(owner))
        return Error{QStringLiteral("\"%1\" is not a plain role name").arg(owner)};

    QString statement = QStringLiteral("CREATE DATABASE %1").arg(name);
    if (!owner.isEmpty())
        statement += QStringLiteral(" OWNER ") + owner;
    return execAsSuperuser(statement, QStringLiteral("postgres"));
}

Status PostgresServer::execAsSuperuser(const QString &sql, const QString &database)
{
    const QString connection =
        QStringLiteral("pipewright-test-superuser-") + QUuid::createUuid().toString();
    QString problem;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(host);
        db.setPort(m_port);
        db.setUserName(superuser());
        db.setDatabaseName(database.isEmpty() ? m_options.database : database);
        db.setConnectOptions(QStringLiteral("connect_timeout=10"));
        if (!db.open()) {
            problem = errorText(db.lastError());
        } else {
            QSqlQuery query(db);
            if (!query.exec(sql))
                problem = errorText(query.lastError());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);

    if (!problem.isEmpty())
        return Error{QStringLiteral("the test server on port %1 refused \"%2\": %3")
                         .arg(QString::number(m_port), sql, problem)};
    return {};
}

Status PostgresServer::stop()
{
    if (!m_server)
        return {};

    // Fast shutdown first; an immediate one and then a kill only if the server hangs.
    const qint64 pid = m_server->processId();
    const std::pair<int, int> signalsAndWaits[] = {
        {SIGINT, fastShutdownMs}, {SIGQUIT, immediateShutdownMs}, {SIGKILL, immediateShutdownMs}};
    bool ended = m_server->state() == QProcess::NotRunning;
    for (const auto &[signal, waitMs] : signalsAndWaits) {
        if (ended)
            break;
        ::kill(pid_t(pid), signal);
        ended = m_server->waitForFinished(waitMs);
    }
    m_server.reset();
    if (!ended)
        return failure(QStringLiteral("the server (process %1) does not stop").arg(pid));
    return {};
}

Status PostgresServer::restart()
{
    if (m_server)
        return {};
    return launch();
}

bool PostgresServer::isRunning() const
{
    return m_server && m_server->state() != QProcess::NotRunning;
}

qint64 PostgresServer::processId() const
{
    return isRunning() ? m_server->processId() : 0;
}

QString PostgresServer::dataDirectory() const
{
    return m_dir.filePath(QStringLiteral("data"));
}

QString PostgresServer::logFile() const
{
    return m_dir.filePath(QStringLiteral("server.log"));
}

Status PostgresServer::prepareFolder()
{
    if (!m_dir.isValid())
        return Error{QStringLiteral("cannot create a temporary folder for a PostgreSQL test "
                                    "server: %1")
                         .arg(m_dir.errorString())};

    // The server's user must reach the folder, and write its cluster and socket into it.
    QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                            | QFile::ReadGroup | QFile::ExeGroup | QFile::ReadOther
                                            | QFile::ExeOther);
    return m_account.own(m_dir.path());
}

Status PostgresServer::initializeCluster()
{
    // A C locale and no syncing: the cluster is thrown away, and must not depend on the
    // locales a machine happens to have.
    QProcess initdb;
    initdb.setWorkingDirectory(m_dir.path());
    runAsServer(initdb, m_account, SIGKILL);
    const Result<QByteArray> output = runToEnd(
        initdb, program(QStringLiteral("initdb")),
        {QStringLiteral("--pgdata=") + dataDirectory(), QStringLiteral("--username=") + superuser(),
         QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
         QStringLiteral("--locale=C"), QStringLiteral("--no-sync")});
    if (!output)
        return failure(output.error().message);
    return {};
}

Status PostgresServer::writeAccessRules() const
{
    // The first line that matches decides, so the password roles come before the rule that
    // trusts everyone else; the superuser is always trusted so that tests can set up.
    QString rules = QStringLiteral("local all all trust\n"
                                   "host all %1 127.0.0.1/32 trust\n")
                        .arg(superuser());
    if (!m_options.passwordRoles.isEmpty()) {
        rules += QStringLiteral("host all %1 127.0.0.1/32 scram-sha-256\n")
                     .arg(m_options.passwordRoles.join(QLatin1Char(',')));
    }
    rules += QStringLiteral("host all all 127.0.0.1/32 trust\n");

    const QString path = dataDirectory() + QStringLiteral("/pg_hba.conf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(rules.toUtf8()) < 0)
        return failure(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    file.close();
    return m_account.own(path);
}

Status PostgresServer::launchOnFreePort()
{
    Status launched;
    for (int attempt = 0; attempt < portAttempts; ++attempt) {
        m_port = pickFreePort();
        if (m_port == 0)
            return failure(QStringLiteral("there is no free port on %1").arg(host));

        const qint64 logBefore = QFileInfo(logFile()).size();
        launched = launch();
        if (launched)
            return launched;

        // Only a port someone else took is worth another try.
        QFile log(logFile());
        const bool portTaken = log.open(QIODevice::ReadOnly) && log.seek(logBefore)
                               && log.readAll().contains("could not bind");
        if (!portTaken)
            return launched;
    }
    return launched;
}

Status PostgresServer::launch()
{
    m_server = std::make_unique<QProcess>();
    m_server->setWorkingDirectory(m_dir.path());
    m_server->setStandardInputFile(QProcess::nullDevice());
    m_server->setStandardOutputFile(logFile(), QIODevice::Append);
    m_server->setStandardErrorFile(logFile(), QIODevice::Append);
    // SIGQUIT is an immediate shutdown: the server stops its own backends before it exits.
    runAsServer(*m_server, m_account, SIGQUIT);

    // Durability is pointless for a cluster that is thrown away, and costs seconds per test.
    const QStringList args = {
        QStringLiteral("-D"), dataDirectory(),
        QStringLiteral("-p"), QString::number(m_port),
        QStringLiteral("-k"), m_dir.path(),
        QStringLiteral("-c"), QStringLiteral("listen_addresses=") + host,
        QStringLiteral("-c"), QStringLiteral("fsync=off"),
        QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"),
        QStringLiteral("-c"), QStringLiteral("full_page_writes=off"),
    };
    m_server->start(program(QStringLiteral("postgres")), args);
    if (!m_server->waitForStarted()) {
        const QString why = m_server->errorString();
        m_server.reset();
        return failure(QStringLiteral("cannot run postgres: %1").arg(why));
    }
    return waitUntilReady();
}

Status PostgresServer::waitUntilReady()
{
    QElapsedTimer waited;
    waited.start();
    while (!serverIsReady()) {
        // Waiting for the process to finish doubles as the pause between looks.
        if (m_server->waitForFinished(50)) {
            const int code = m_server->exitCode();
            m_server.reset();
            return failure(QStringLiteral("the server on port %1 exited with code %2 while "
                                          "starting")
                               .arg(m_port)
                               .arg(code));
        }
        if (waited.hasExpired(m_options.startTimeoutMs)) {
            stop();
            return failure(QStringLiteral("the server on port %1 did not accept connections "
                                          "within %2 s")
                               .arg(m_port)
                               .arg(m_options.startTimeoutMs / 1000));
        }
    }
    return {};
}

bool PostgresServer::serverIsReady() const
{
    // The server marks its lock file "ready" once it accepts connections.
    QFile lock(dataDirectory() + QStringLiteral("/postmaster.pid"));
    if (!lock.open(QIODevice::ReadOnly))
        return false;
    const QList<QByteArray> lines = lock.readAll().split('\n');
    return lines.size() > 7 && lines.at(7).trimmed() == "ready";
}

Error PostgresServer::failure(const QString &what) const
{
    QString message = QStringLiteral("PostgreSQL test server in %1: %2").arg(m_dir.path(), what);
    if (const QString tail = logTail(); !tail.isEmpty())
        message += QStringLiteral("\nlast lines of %1:\n%2").arg(logFile(), tail);
    return Error{message};
}

QString PostgresServer::logTail() const
{
    QFile log(logFile());
    if (!log.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromLocal8Bit(log.readAll()).trimmed().split(u'\n');
    return lines.mid(qMax(0, lines.size() - logTailLines)).join(QLatin1Char('\n'));
}

QString PostgresServer::program(const QString &name) const
{
    return m_binaries + QLatin1Char('/') + name;
}

} // namespace pw::test
