#include "storelogin.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QUuid>

namespace pw {

namespace {

// Long enough for a server on another continent; the location's own connect_timeout wins.
const QString loginConnectTimeout = QStringLiteral("connect_timeout=10");

} // namespace

Status checkStoreLogin(const StoreLocation &location, const QString &password)
{
    if (location.kind != StoreLocation::Kind::Postgres)
        return Status::failure(
            QStringLiteral("%1 is an SQLite file, which needs no login").arg(location.display()));
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Status::failure(QStringLiteral("the Qt SQL driver QPSQL is not installed"));

    const QString connection =
        QStringLiteral("pw-login-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Status opened;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(location.host);
        db.setPort(location.port);
        db.setUserName(location.user);
        db.setDatabaseName(location.database);
        db.setPassword(password);
        db.setConnectOptions(
            (QStringList{loginConnectTimeout} + location.options).join(QLatin1Char(';')));
        if (!db.open()) {
            const QSqlError error = db.lastError();
            const QString text = error.databaseText().trimmed();
            opened = Status::failure(text.isEmpty() ? error.text() : text);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(connection);
    return opened;
}

} // namespace pw
