#include "core/store/runstore.h"
#include "core/store/storelocation.h"
#include "storefixture.h"
#include "testsupport.h"

#include <QDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

Q_DECLARE_METATYPE(pw::StoreLocation::Kind)

namespace {

const QString acceptedForms =
    QStringLiteral("; use a file path, sqlite:///absolute/path, sqlite:relative/path or "
                   "postgresql://user@host:port/database");

} // namespace

// How the history store's location is read from what a user types, the settings and the
// environment; refused locations never reach a database.
class StoreLocationTest : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void malformedLocationIsRefused_data();
    void malformedLocationIsRefused();
    void locationFormsAreRead_data();
    void locationFormsAreRead();
    void defaultLocationFollowsEnvironment_data();
    void defaultLocationFollowsEnvironment();
};

void StoreLocationTest::malformedLocationIsRefused_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<QString>("message");

    const auto refused = [](const QString &shown, const QString &why) -> QString {
        return QStringLiteral("the history store location \"%1\" %2").arg(shown, why)
               + acceptedForms;
    };
    QTest::newRow("an empty location is refused")
        << "" << QStringLiteral("the history store location is empty") + acceptedForms;
    QTest::newRow("a blank location is refused")
        << "  \t" << QStringLiteral("the history store location is empty") + acceptedForms;
    QTest::newRow("an unknown scheme is refused with the accepted forms")
        << "mysql://db.example/history"
        << refused("mysql://db.example/history", "has the unknown scheme \"mysql:\"");
    QTest::newRow("a port that is not a number is refused")
        << "postgresql://ci@db.example:port/history"
        << refused("postgresql://ci@db.example:port/history",
                   "is not a valid URL (Invalid port or port number out of range)");
    QTest::newRow("a server without a database is refused")
        << "postgresql://ci@db.example:5432/"
        << refused("postgresql://ci@db.example:5432/",
                   "names no database (one path part is expected)");
    QTest::newRow("a database path of two parts is refused")
        << "postgres://db.example/a/b"
        << refused("postgres://db.example/a/b", "names no database (one path part is expected)");
    QTest::newRow("a password is refused without repeating it")
        << "postgresql://ci:s3cret@db.example/history"
        << refused("postgresql://ci@db.example/history",
                   "contains a password; give it in PGPASSWORD or ~/.pgpass instead");
    QTest::newRow("an unknown option is refused with the known ones")
        << "postgresql://db.example/history?password=x"
        << refused("postgresql://db.example/history?password=x",
                   "has the unknown option \"password\" (known: application_name, "
                   "connect_timeout, passfile, sslcert, sslkey, sslmode, sslrootcert)");
    QTest::newRow("an option value that would need quoting is refused")
        << "postgresql://db.example/history?sslmode=re%20quire"
        << refused("postgresql://db.example/history?sslmode=re quire",
                   "has a value for \"sslmode\" with characters other than letters, digits and "
                   "._/:@+-");
    QTest::newRow("an SQLite URL with a server is refused")
        << "sqlite://host/history.sqlite"
        << refused("sqlite://host/history.sqlite", "names a server, but an SQLite store is a file");
    QTest::newRow("an SQLite URL without a path is refused")
        << "sqlite:" << refused("sqlite:", "names no file");
    QTest::newRow("an SQLite URL with a query is refused")
        << "sqlite:///tmp/h.sqlite?mode=ro"
        << refused("sqlite:///tmp/h.sqlite?mode=ro",
                   "has a '?' or '#' part an SQLite file cannot use");
    QTest::newRow("a path with a NUL character is refused")
        << QStringLiteral("/tmp/a") + QChar(0) + QStringLiteral("b")
        << refused(QStringLiteral("/tmp/a") + QChar(0) + QStringLiteral("b"),
                   "contains a NUL character");
    QTest::newRow("a very long location is refused")
        << QString(5000, QLatin1Char('x'))
        << "the history store location is longer than 4096 characters";
}

void StoreLocationTest::malformedLocationIsRefused()
{
    QFETCH(QString, location);
    QFETCH(QString, message);

    QCOMPARE(openError(location), message);
}

void StoreLocationTest::locationFormsAreRead_data()
{
    QTest::addColumn<QString>("location");
    QTest::addColumn<StoreLocation::Kind>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("database");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("display");

    const auto sqlite = StoreLocation::Kind::Sqlite;
    const auto postgres = StoreLocation::Kind::Postgres;
    const QString here = QDir::currentPath();
    QTest::newRow("a plain absolute path is an SQLite file")
        << "/var/tmp/../tmp/h.sqlite" << sqlite << "/var/tmp/h.sqlite"
        << "" << -1 << ""
        << "" << QStringList() << "/var/tmp/h.sqlite";
    QTest::newRow("a plain relative path is taken from the current folder")
        << "data/h.sqlite" << sqlite << here + "/data/h.sqlite"
        << "" << -1 << ""
        << "" << QStringList() << here + "/data/h.sqlite";
    QTest::newRow("an sqlite URL with three slashes names an absolute path")
        << "sqlite:///srv/my%20ci/h.sqlite" << sqlite << "/srv/my ci/h.sqlite"
        << "" << -1 << ""
        << "" << QStringList() << "/srv/my ci/h.sqlite";
    QTest::newRow("an sqlite URL without slashes names a relative path")
        << "sqlite:h.sqlite" << sqlite << here + "/h.sqlite"
        << "" << -1 << ""
        << "" << QStringList() << here + "/h.sqlite";
    QTest::newRow("a postgresql URL names the user, server, port and database")
        << "postgresql://ci@db.example:5433/pipewright" << postgres << ""
        << "db.example" << 5433 << "ci"
        << "pipewright" << QStringList() << "postgresql://ci@db.example:5433/pipewright";
    QTest::newRow("a postgres URL may leave out the user and port and add options")
        << "postgres://db.example/history?sslmode=require&connect_timeout=3" << postgres << ""
        << "db.example" << -1 << ""
        << "history" << QStringList{"sslmode=require", "connect_timeout=3"}
        << "postgresql://db.example/history";
    QTest::newRow("a postgresql URL without a server uses the local socket")
        << "postgresql://anna@/history" << postgres << ""
        << "" << -1 << "anna"
        << "history" << QStringList() << "postgresql://anna@/history";
    QTest::newRow("a postgresql URL may name neither login nor server")
        << "postgresql:///history" << postgres << ""
        << "" << -1 << ""
        << "history" << QStringList() << "postgresql:///history";
}

void StoreLocationTest::locationFormsAreRead()
{
    QFETCH(QString, location);
    QFETCH(StoreLocation::Kind, kind);
    QFETCH(QString, path);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, user);
    QFETCH(QString, database);
    QFETCH(QStringList, options);
    QFETCH(QString, display);

    const Result<StoreLocation> parsed = parseStoreLocation(location);
    QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
    QCOMPARE(parsed->kind, kind);
    QCOMPARE(parsed->path, path);
    QCOMPARE(parsed->host, host);
    QCOMPARE(parsed->port, port);
    QCOMPARE(parsed->user, user);
    QCOMPARE(parsed->database, database);
    QCOMPARE(parsed->options, options);
    QCOMPARE(parsed->display(), display);

    // What the settings write back reads as the same location.
    const Result<StoreLocation> again = parseStoreLocation(parsed->text());
    QVERIFY2(again, qPrintable(parsed->text()));
    QCOMPARE(again->kind, kind);
    QCOMPARE(again->path, path);
    QCOMPARE(again->host, host);
    QCOMPARE(again->port, port);
    QCOMPARE(again->user, user);
    QCOMPARE(again->database, database);
    QCOMPARE(again->options, options);
}

void StoreLocationTest::defaultLocationFollowsEnvironment_data()
{
    QTest::addColumn<QString>("database");
    QTest::addColumn<QString>("dataHome");
    QTest::addColumn<QString>("expected");

    QTest::newRow("PIPEWRIGHT_DB names the store when set") << "postgresql://ci@db/history"
                                                            << "/tmp/xdg-data"
                                                            << "postgresql://ci@db/history";
    QTest::newRow("otherwise the store is in the user's data folder")
        << ""
        << "/tmp/xdg-data"
        << "/tmp/xdg-data/pipewright/history.sqlite";
}

void StoreLocationTest::defaultLocationFollowsEnvironment()
{
    QFETCH(QString, database);
    QFETCH(QString, dataHome);
    QFETCH(QString, expected);

    const QByteArray savedDatabase = qgetenv("PIPEWRIGHT_DB");
    const QByteArray savedDataHome = qgetenv("XDG_DATA_HOME");
    const bool hadDatabase = qEnvironmentVariableIsSet("PIPEWRIGHT_DB");
    const bool hadDataHome = qEnvironmentVariableIsSet("XDG_DATA_HOME");
    qputenv("PIPEWRIGHT_DB", database.toUtf8());
    qputenv("XDG_DATA_HOME", dataHome.toUtf8());

    const QString location = defaultStoreLocation();

    hadDatabase ? qputenv("PIPEWRIGHT_DB", savedDatabase) : qunsetenv("PIPEWRIGHT_DB");
    hadDataHome ? qputenv("XDG_DATA_HOME", savedDataHome) : qunsetenv("XDG_DATA_HOME");
    QCOMPARE(location, expected);
}

QTEST_GUILESS_MAIN(StoreLocationTest)
#include "tst_storelocation.moc"
