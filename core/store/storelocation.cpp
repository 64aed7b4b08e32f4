#include "storelocation.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

namespace pw {

namespace {

// Long enough for any real path or server address; a longer string is a mistake or an attack.
constexpr qsizetype maxLocationLength = 4096;

// The libpq options a location may carry. A password is deliberately not among them.
const QStringList postgresOptions = {
    QStringLiteral("application_name"), QStringLiteral("connect_timeout"),
    QStringLiteral("passfile"),         QStringLiteral("sslcert"),
    QStringLiteral("sslkey"),           QStringLiteral("sslmode"),
    QStringLiteral("sslrootcert"),
};

QString acceptedForms()
{
    return QStringLiteral("a file path, sqlite:///absolute/path, sqlite:relative/path or "
                          "postgresql://user@host:port/database");
}

// QUrl's error also repeats the whole source and its parts; the location is shown already.
QString urlProblem(const QUrl &url)
{
    return QStringLiteral("is not a valid URL (%1)")
        .arg(url.errorString().section(QStringLiteral("; source was"), 0, 0));
}

Error badLocation(const QString &shown, const QString &why)
{
    return Error{QStringLiteral("the history store location \"%1\" %2; use %3")
                     .arg(shown, why, acceptedForms())};
}

StoreLocation sqliteFile(const QString &path)
{
    StoreLocation location;
    location.path = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    return location;
}

Result<StoreLocation> parseSqliteUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badLocation(text, urlProblem(url));
    if (!url.host().isEmpty() || !url.userInfo().isEmpty() || url.port() != -1)
        return badLocation(text, QStringLiteral("names a server, but an SQLite store is a file"));
    if (url.hasQuery() || url.hasFragment())
        return badLocation(text, QStringLiteral("has a '?' or '#' part an SQLite file cannot use"));

    const QString path = url.path(QUrl::FullyDecoded);
    if (path.isEmpty())
        return badLocation(text, QStringLiteral("names no file"));
    return sqliteFile(path);
}

Status readPostgresOptions(const QUrl &url, const QString &shown, StoreLocation *location)
{
    // Values end up in a libpq connection string, where spaces, quotes and backslashes would
    // change its meaning: keep to characters that need no quoting.
    static const QRegularExpression plainValue(QStringLiteral("^[A-Za-z0-9._/:@+-]*$"));

    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        if (!postgresOptions.contains(key)) {
            return badLocation(shown, QStringLiteral("has the unknown option \"%1\" (known: %2)")
                                          .arg(key, postgresOptions.join(QStringLiteral(", "))));
        }
        if (!plainValue.match(value).hasMatch()) {
            return badLocation(shown,
                               QStringLiteral("has a value for \"%1\" with characters other than "
                                              "letters, digits and ._/:@+-")
                                   .arg(key));
        }
        location->options.append(key + QLatin1Char('=') + value);
    }
    return {};
}

Result<StoreLocation> parsePostgresUrl(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid())
        return badLocation(text, urlProblem(url));

    // Never repeat a password in a message: it would end up in logs and bug reports.
    const QString shown = url.toDisplayString(QUrl::RemovePassword);
    if (!url.password().isEmpty()) {
        return badLocation(shown, QStringLiteral("contains a password; give it in PGPASSWORD "
                                                 "or ~/.pgpass instead"));
    }
    if (url.hasFragment())
        return badLocation(shown, QStringLiteral("has a '#' part a database address cannot use"));

    StoreLocation location;
    location.kind = StoreLocation::Kind::Postgres;
    location.host = url.host(QUrl::FullyDecoded);
    location.port = url.port(-1);
    location.user = url.userName(QUrl::FullyDecoded);
    location.database = url.path(QUrl::FullyDecoded).mid(1);
    if (location.database.isEmpty() || location.database.contains(QLatin1Char('/')))
        return badLocation(shown, QStringLiteral("names no database (one path part is expected)"));

    if (Status options = readPostgresOptions(url, shown, &location); !options)
        return options.error();
    return location;
}

// The server, login and database as a URL, without options.
QUrl postgresUrl(const StoreLocation &location)
{
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(location.host);
    url.setPort(location.port);
    url.setUserName(location.user);
    url.setPath(QLatin1Char('/') + location.database);
    return url;
}

// QUrl leaves out an empty authority ("postgresql:/db"); libpq's form keeps the slashes.
QString withSlashes(const QString &url)
{
    const QLatin1String bare("postgresql:/");
    if (url.startsWith(bare) && !url.startsWith(QLatin1String("postgresql://")))
        return QStringLiteral("postgresql://") + url.mid(bare.size() - 1);
    return url;
}

} // namespace

QString StoreLocation::display() const
{
    return kind == Kind::Sqlite ? path : withSlashes(postgresUrl(*this).toDisplayString());
}

QString StoreLocation::identity() const
{
    StoreLocation anyone = *this;
    anyone.user.clear();
    return anyone.display();
}

QString StoreLocation::text() const
{
    if (kind == Kind::Sqlite)
        return path;

    QUrl url = postgresUrl(*this);
    QUrlQuery query;
    for (const QString &option : options) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        query.addQueryItem(option.left(equals), option.mid(equals + 1));
    }
    url.setQuery(query);
    return withSlashes(url.toString(QUrl::FullyEncoded));
}

Result<StoreLocation> parseStoreLocation(const QString &location)
{
    if (location.trimmed().isEmpty())
        return Error{
            QStringLiteral("the history store location is empty; use %1").arg(acceptedForms())};
    if (location.size() > maxLocationLength) {
        return Error{QStringLiteral("the history store location is longer than %1 characters")
                         .arg(maxLocationLength)};
    }
    if (location.contains(QChar(0)))
        return badLocation(location.left(80), QStringLiteral("contains a NUL character"));

    // A scheme has two letters or more, so that a Windows drive ("C:") stays a path.
    static const QRegularExpression schemePattern(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]+):"));
    const QRegularExpressionMatch scheme = schemePattern.match(location);
    if (!scheme.hasMatch())
        return sqliteFile(location);

    const QString name = scheme.captured(1).toLower();
    if (name == QLatin1String("sqlite"))
        return parseSqliteUrl(location);
    if (name == QLatin1String("postgresql") || name == QLatin1String("postgres"))
        return parsePostgresUrl(location);
    const QUrl url(location);
    const QString shown = url.isValid() ? url.toDisplayString(QUrl::RemovePassword)
                                        : scheme.captured(0) + QStringLiteral("...");
    return badLocation(shown,
                       QStringLiteral("has the unknown scheme \"%1:\"").arg(scheme.captured(1)));
}

} // namespace pw
