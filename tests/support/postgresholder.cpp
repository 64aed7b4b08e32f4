// Starts a throwaway PostgreSQL server, holds one connection to it open and waits to be
// killed, so that a test can check that the server does not outlive a crashed test.
// Prints one line: "<server pid> <backend pid> <server folder>".
#include "postgresserver.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);

    auto server = pw::test::PostgresServer::start();
    if (!server) {
        std::fprintf(stderr, "%s\n", qPrintable(server.error().message));
        return 1;
    }

    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"));
    db.setHostName(QStringLiteral("127.0.0.1"));
    db.setPort(server.value()->port());
    db.setUserName(pw::test::PostgresServer::superuser());
    db.setDatabaseName(QStringLiteral("postgres"));
    QSqlQuery query(db);
    if (!db.open() || !query.exec(QStringLiteral("SELECT pg_backend_pid()")) || !query.next()) {
        std::fprintf(stderr, "cannot ask the server for a backend: %s\n",
                     qPrintable(db.lastError().text() + query.lastError().text()));
        return 1;
    }

    const QString folder = QFileInfo(server.value()->dataDirectory()).absolutePath();
    std::printf("%lld %lld %s\n", server.value()->processId(), query.value(0).toLongLong(),
                qPrintable(folder));
    std::fflush(stdout);
    for (;;)
        QThread::sleep(60);
}
