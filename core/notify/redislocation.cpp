#include "redislocation.h"

#include <QHostAddress>
#include <QRegularExpression>

namespace pw {

namespace {

using LocationResult = Result<RedisLocation>;

LocationResult failure(const QString &text, const QString &problem)
{
    return LocationResult::failure(
        QStringLiteral("invalid Redis location '%1': %2; expected redis://host[:port][/db]")
            .arg(text, problem));
}

// A host name of letters, digits, dots and dashes, or an IP address.
bool isHostName(const QString &host)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9]([A-Za-z0-9.-]*)$"));
    return host.size() <= 253 && name.match(host).hasMatch();
}

// Splits "host[:port]" or "[v6]:port" into its parts; false when the brackets do not match.
bool splitAuthority(const QString &authority, QString *host, QString *port)
{
    if (authority.startsWith(QLatin1Char('['))) {
        const int close = authority.indexOf(QLatin1Char(']'));
        if (close < 0)
            return false;
        *host = authority.mid(1, close - 1);
        const QString rest = authority.mid(close + 1);
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char(':')))
            return false;
        *port = rest.isEmpty() ? QString() : rest.mid(1);
        return QHostAddress(*host).protocol() == QAbstractSocket::IPv6Protocol;
    }
    const int colon = authority.indexOf(QLatin1Char(':'));
    *host = colon < 0 ? authority : authority.left(colon);
    *port = colon < 0 ? QString() : authority.mid(colon + 1);
    return true;
}

} // namespace

QString RedisLocation::display() const
{
    const QString shownHost = host.contains(QLatin1Char(':')) ? u'[' + host + u']' : host;
    return QStringLiteral("redis://%1:%2/%3").arg(shownHost).arg(port).arg(database);
}

Result<RedisLocation> parseRedisLocation(const QString &text)
{
    static const QString scheme = QStringLiteral("redis://");
    if (text.trimmed().isEmpty())
        return failure(text, QStringLiteral("it is empty"));
    if (text.startsWith(QLatin1String("rediss://")))
        return failure(text, QStringLiteral("TLS (rediss://) is not supported"));
    if (!text.startsWith(scheme))
        return failure(text, QStringLiteral("it does not start with redis://"));

    // Split the rest into authority and database.
    const QString rest = text.mid(scheme.size());
    const int slash = rest.indexOf(QLatin1Char('/'));
    const QString authority = slash < 0 ? rest : rest.left(slash);
    const QString database = slash < 0 ? QString() : rest.mid(slash + 1);
    if (authority.contains(QLatin1Char('@'))) {
        return LocationResult::failure(
            QStringLiteral("invalid Redis location '%1': a user or password does not belong "
                           "in the URL, where process lists and logs would show it; remove it "
                           "and set %2 instead")
                .arg(text, QLatin1String(redisPasswordVariable)));
    }

    // The host and the port.
    RedisLocation location;
    QString port;
    if (!splitAuthority(authority, &location.host, &port))
        return failure(text, QStringLiteral("the host is not a valid address"));
    if (location.host.isEmpty())
        return failure(text, QStringLiteral("the host is missing"));
    if (!location.host.contains(QLatin1Char(':')) && !isHostName(location.host))
        return failure(text, QStringLiteral("'%1' is not a host name").arg(location.host));
    if (authority.endsWith(QLatin1Char(':')) || !port.isEmpty()) {
        bool ok = false;
        const int number = port.toInt(&ok);
        if (!ok || number < 1 || number > 65535 || port.startsWith(QLatin1Char('+'))) {
            return failure(
                text, QStringLiteral("the port '%1' is not a number from 1 to 65535").arg(port));
        }
        location.port = quint16(number);
    }

    // The database number.
    if (!database.isEmpty()) {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{1,6}$"));
        if (!digits.match(database).hasMatch()) {
            return failure(text, QStringLiteral("the database '%1' is not a number from 0 to "
                                                "999999")
                                     .arg(database));
        }
        location.database = database.toInt();
    }
    location.password = qEnvironmentVariable(redisPasswordVariable);
    return location;
}

} // namespace pw
