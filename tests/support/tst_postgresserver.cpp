#include "core/store/runstore.h"
#include "core/store/storepassword.h"
#include "postgresserver.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

// A process that has ended but was not reaped yet (a zombie) counts as gone.
bool processRuns(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = stat.readAll();
    const qsizetype afterName = text.lastIndexOf(')');
    return afterName > 0 && text.mid(afterName + 2, 1) != "Z";
}

// A folder of stand-in initdb and postgres scripts, readable by the server's user.
class FakePrograms
{
public:
    FakePrograms(const QByteArray &initdb, const QByteArray &postgres)
    {
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                | QFile::ReadOther | QFile::ExeOther);
        write(QStringLiteral("initdb"), initdb);
        write(QStringLiteral("postgres"), postgres);
    }

    QString path() const { return m_dir.path(); }

private:
    void write(const QString &name, const QByteArray &body)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.write("#!/bin/sh\n" + body + '\n');
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                            | QFile::ReadOther | QFile::ExeOther);
    }

    QTemporaryDir m_dir;
};

// Sets PIPEWRIGHT_POSTGRES_BIN for as long as it lives.
class ChosenPrograms
{
public:
    explicit ChosenPrograms(const QString &folder)
    {
        qputenv("PIPEWRIGHT_POSTGRES_BIN", folder.toLocal8Bit());
    }
    ~ChosenPrograms() { qunsetenv("PIPEWRIGHT_POSTGRES_BIN"); }
};

} // namespace

class PostgresServerTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void storeOpensOnTheServer();
    void passwordRolesNeedTheirPassword_data();
    void passwordRolesNeedTheirPassword();
    void badNamesAreRefused_data();
    void badNamesAreRefused();
    void refusedRoleHidesItsPassword();
    void stoppedServerRefusesAndRestarts();
    void serverDiesWithItsTest();
    void failedStartIsExplained_data();
    void failedStartIsExplained();
    void missingProgramsAreNamed();

private:
    std::unique_ptr<PostgresServer> m_server;
};

void PostgresServerTest::initTestCase()
{
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));

    PostgresServer::Options options;
    options.passwordRoles = {QStringLiteral("deployer")};
    auto started = PostgresServer::start(options);
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    QVERIFY(m_server->createRole(QStringLiteral("deployer"), QStringLiteral("s3cr'et")));
    QVERIFY(m_server->createRole(QStringLiteral("builder")));
    QVERIFY(m_server->createDatabase(QStringLiteral("builds"), QStringLiteral("builder")));
    QVERIFY(m_server->createDatabase(QStringLiteral("deploys"), QStringLiteral("deployer")));
}

void PostgresServerTest::init()
{
    failOnWarnings();
}

void PostgresServerTest::storeOpensOnTheServer()
{
    const QString location = m_server->url(QStringLiteral("builder"), QStringLiteral("builds"));
    QCOMPARE(location,
             QStringLiteral("postgresql://builder@127.0.0.1:%1/builds").arg(m_server->port()));

    Result<std::unique_ptr<RunStore>> store = openStore(location);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    RunRecord run;
    run.pipeline = QStringLiteral("on-the-server");
    QVERIFY(store.value()->createRun(run));
}

void PostgresServerTest::passwordRolesNeedTheirPassword_data()
{
    QTest::addColumn<QString>("password"); // empty: the provider gives none
    QTest::addColumn<bool>("opens");

    QTest::newRow("a password role logs in with its password") << "s3cr'et" << true;
    QTest::newRow("a password role is refused with a wrong password") << "guess" << false;
    QTest::newRow("a password role is refused without a password") << "" << false;
}

void PostgresServerTest::passwordRolesNeedTheirPassword()
{
    QFETCH(QString, password);
    QFETCH(bool, opens);

    setStorePasswordProvider([&](const StoreLocation &) -> std::optional<QString> {
        return password.isEmpty() ? std::nullopt : std::optional<QString>(password);
    });
    // libpq would otherwise look for a password file in the home folder.
    qputenv("PGPASSFILE", "/nonexistent");
    const QString location = m_server->url(QStringLiteral("deployer"), QStringLiteral("deploys"));
    Result<std::unique_ptr<RunStore>> store = openStore(location);
    setStorePasswordProvider({});
    qunsetenv("PGPASSFILE");

    QCOMPARE(bool(store), opens);
    if (!opens) {
        const QString message = store.error().message;
        QVERIFY2(message.startsWith(
                     QStringLiteral("cannot open the history store at %1: ").arg(location)),
                 qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("password")), qPrintable(message));
    }
}

void PostgresServerTest::badNamesAreRefused_data()
{
    QTest::addColumn<QString>("name");

    QTest::newRow("a role name with a space is refused") << "two words";
    QTest::newRow("a role name with a quote is refused") << "x\"; DROP ROLE postgres; --";
    QTest::newRow("a role name starting with a digit is refused") << "1st";
    QTest::newRow("an empty role name is refused") << "";
    QTest::newRow("a role name of 64 characters is refused") << QString(64, QLatin1Char('r'));
}

void PostgresServerTest::badNamesAreRefused()
{
    QFETCH(QString, name);

    const Status role = m_server->createRole(name);
    QVERIFY(!role);
    QCOMPARE(role.error().message, QStringLiteral("\"%1\" is not a plain role name").arg(name));
    const Status database = m_server->createDatabase(name);
    QVERIFY(!database);
    QCOMPARE(database.error().message,
             QStringLiteral("\"%1\" is not a plain database name").arg(name));
}

void PostgresServerTest::refusedRoleHidesItsPassword()
{
    const Status again =
        m_server->createRole(QStringLiteral("deployer"), QStringLiteral("s3cr'et"));
    QVERIFY(!again);
    QCOMPARE(again.error().message,
             QStringLiteral("the test server on port %1 refused \"CREATE ROLE deployer LOGIN "
                            "PASSWORD '...'\": ERROR: role \"deployer\" already exists (42710)")
                 .arg(m_server->port()));
}

void PostgresServerTest::stoppedServerRefusesAndRestarts()
{
    const int port = m_server->port();
    const QString table = QStringLiteral("CREATE TABLE kept (id INTEGER)");
    QVERIFY(m_server->execAsSuperuser(table));

    QVERIFY(m_server->stop());
    QVERIFY(!m_server->isRunning());
    QCOMPARE(m_server->processId(), 0);
    const Status refused = m_server->execAsSuperuser(QStringLiteral("SELECT 1"));
    QVERIFY(!refused);
    QVERIFY2(refused.error().message.startsWith(
                 QStringLiteral("the test server on port %1 refused \"SELECT 1\": ").arg(port)),
             qPrintable(refused.error().message));

    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(restarted ? QString() : restarted.error().message));
    QCOMPARE(m_server->port(), port);
    const Status again = m_server->execAsSuperuser(table);
    QVERIFY(!again);
    QVERIFY2(again.error().message.contains(QLatin1String("\"kept\" already exists")),
             qPrintable(again.error().message));
}

void PostgresServerTest::serverDiesWithItsTest()
{
    QProcess holder;
    holder.start(QStringLiteral(PIPEWRIGHT_POSTGRES_HOLDER), {});
    QVERIFY(holder.waitForReadyRead(60000));
    const QStringList fields = QString::fromLocal8Bit(holder.readLine()).trimmed().split(u' ');
    QCOMPARE(fields.size(), 3);
    const qint64 server = fields[0].toLongLong();
    const qint64 backend = fields[1].toLongLong();
    QVERIFY(processRuns(server));
    QVERIFY(processRuns(backend));

    holder.kill();
    QVERIFY(holder.waitForFinished());
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(server) && !processRuns(backend), 10000);
    // The holder could not remove its folder; the test that started it does.
    QVERIFY(QDir(fields[2]).removeRecursively());
}

void PostgresServerTest::failedStartIsExplained_data()
{
    QTest::addColumn<QByteArray>("initdb");
    QTest::addColumn<QByteArray>("postgres");
    QTest::addColumn<QStringList>("expected"); // parts of the message, in order

    const QByteArray makeCluster = "mkdir -p \"${1#--pgdata=}\"";
    QTest::newRow("a failing initdb is reported with its output")
        << QByteArray("echo 'initdb: error: disk full'; exit 3") << QByteArray("exit 0")
        << QStringList{"initdb failed (exit code 3):\ninitdb: error: disk full"};
    QTest::newRow("a server that exits is reported with its log")
        << makeCluster << QByteArray("echo 'FATAL:  lock file is damaged' >&2; exit 1")
        << QStringList{"exited with code 1 while starting", "last lines of",
                       "FATAL:  lock file is damaged"};
    QTest::newRow("a server that never gets ready is stopped after the bound")
        << makeCluster << QByteArray("echo 'LOG:  still thinking' >&2; exec sleep 60")
        << QStringList{"did not accept connections within 1 s", "LOG:  still thinking"};
}

void PostgresServerTest::failedStartIsExplained()
{
    QFETCH(QByteArray, initdb);
    QFETCH(QByteArray, postgres);
    QFETCH(QStringList, expected);

    const FakePrograms programs(initdb, postgres);
    const ChosenPrograms chosen(programs.path());
    PostgresServer::Options options;
    options.startTimeoutMs = 1000;
    const auto started = PostgresServer::start(options);

    QVERIFY(!started);
    const QString message = started.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("PostgreSQL test server in ")), qPrintable(message));
    qsizetype from = 0;
    for (const QString &part : expected) {
        from = message.indexOf(part, from);
        QVERIFY2(from >= 0, qPrintable(QStringLiteral("no \"%1\" in: %2").arg(part, message)));
    }
}

void PostgresServerTest::missingProgramsAreNamed()
{
    const ChosenPrograms chosen(QStringLiteral("/nonexistent/bin"));
    const auto started = PostgresServer::start();
    QVERIFY(!started);
    QCOMPARE(started.error().message,
             QStringLiteral("PIPEWRIGHT_POSTGRES_BIN is /nonexistent/bin, which holds no initdb "
                            "and postgres programs"));
}

QTEST_GUILESS_MAIN(PostgresServerTest)
#include "tst_postgresserver.moc"
