#include "core/notify/redislocation.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;

class RedisLocationTest : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        test::failOnWarnings();
        qunsetenv(redisPasswordVariable);
    }

    void parsesLocations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("database");
        QTest::addColumn<QString>("display");

        QTest::newRow("a host alone uses port 6379 and database 0")
            << "redis://cache.example"
            << "cache.example" << 6379 << 0 << "redis://cache.example:6379/0";
        QTest::newRow("a port and a database are read")
            << "redis://10.0.0.5:6380/3"
            << "10.0.0.5" << 6380 << 3 << "redis://10.0.0.5:6380/3";
        QTest::newRow("a trailing slash means database 0")
            << "redis://localhost/"
            << "localhost" << 6379 << 0 << "redis://localhost:6379/0";
        QTest::newRow("an IPv6 address goes in brackets")
            << "redis://[::1]:7000/1"
            << "::1" << 7000 << 1 << "redis://[::1]:7000/1";
    }

    void parsesLocations()
    {
        QFETCH(QString, text);
        const Result<RedisLocation> location = parseRedisLocation(text);
        QVERIFY2(location.ok(), qPrintable(location.ok() ? QString() : location.error().message));
        QFETCH(QString, host);
        QCOMPARE(location->host, host);
        QFETCH(int, port);
        QCOMPARE(int(location->port), port);
        QFETCH(int, database);
        QCOMPARE(location->database, database);
        QFETCH(QString, display);
        QCOMPARE(location->display(), display);
        QVERIFY(location->password.isEmpty());
    }

    void refusesBadLocations_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");

        QTest::newRow("a password in the URL points to the variable")
            << "redis://:secret@cache:6379"
            << "invalid Redis location 'redis://:secret@cache:6379': a user or password does "
               "not belong in the URL, where process lists and logs would show it; remove it "
               "and set PIPEWRIGHT_REDIS_PASSWORD instead";
        QTest::newRow("a user in the URL is refused the same way")
            << "redis://anna@cache"
            << "set PIPEWRIGHT_REDIS_PASSWORD instead";
        QTest::newRow("a port that is not a number is named")
            << "redis://cache:sixty"
            << "invalid Redis location 'redis://cache:sixty': the port 'sixty' is not a number "
               "from 1 to 65535; expected redis://host[:port][/db]";
        QTest::newRow("port 0 is refused") << "redis://cache:0"
                                           << "the port '0' is not";
        QTest::newRow("a port above 65535 is refused") << "redis://cache:65536"
                                                       << "the port '65536' is not";
        QTest::newRow("an empty port is refused") << "redis://cache:"
                                                  << "the port '' is not";
        QTest::newRow("another scheme is refused") << "http://cache:6379"
                                                   << "it does not start with redis://";
        QTest::newRow("TLS is refused") << "rediss://cache"
                                        << "TLS (rediss://) is not supported";
        QTest::newRow("an empty text is refused") << ""
                                                  << "it is empty";
        QTest::newRow("a missing host is refused") << "redis://:6379"
                                                   << "the host is missing";
        QTest::newRow("a host with odd characters is refused") << "redis://ca_che!"
                                                               << "'ca_che!' is not a host name";
        QTest::newRow("a database that is not a number is refused")
            << "redis://cache/main"
            << "the database 'main' is not a number";
        QTest::newRow("a query after the database is refused")
            << "redis://cache/0?timeout=1"
            << "the database '0?timeout=1' is not a number";
        QTest::newRow("an unclosed IPv6 bracket is refused") << "redis://[::1:6379"
                                                             << "the host is not a valid address";
    }

    void refusesBadLocations()
    {
        QFETCH(QString, text);
        QFETCH(QString, message);
        const Result<RedisLocation> location = parseRedisLocation(text);
        QVERIFY(!location.ok());
        QVERIFY2(location.error().message.contains(message), qPrintable(location.error().message));
    }

    void takesThePasswordFromTheEnvironment()
    {
        qputenv(redisPasswordVariable, "s3cret");
        const Result<RedisLocation> location = parseRedisLocation(QStringLiteral("redis://cache"));
        qunsetenv(redisPasswordVariable);
        QVERIFY(location.ok());
        QCOMPARE(location->password, QStringLiteral("s3cret"));
        QVERIFY(!location->display().contains(QLatin1String("s3cret")));
    }
};

QTEST_GUILESS_MAIN(RedisLocationTest)
#include "tst_redislocation.moc"
