#include "sqlvalues.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace pw::sql {

QVariant text(const QString &value)
{
    // Qt binds a null QString as NULL; the text columns are NOT NULL and mean "none" by ''.
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QVariant time(const QDateTime &value)
{
    return value.isValid() ? QVariant(value.toMSecsSinceEpoch()) : QVariant();
}

QVariant number(std::optional<int> value)
{
    return value ? QVariant(*value) : QVariant();
}

// 0 and 1 rather than a boolean type: SQLite has none, and one column type keeps the SQL the
// same for both databases.
QVariant flag(bool value)
{
    return QVariant(value ? 1 : 0);
}

QVariant bytes(const QByteArray &value)
{
    return value.isNull() ? QVariant(QByteArray("", 0)) : QVariant(value);
}

QVariant names(const QStringList &value)
{
    const QJsonDocument list(QJsonArray::fromStringList(value));
    return QVariant(QString::fromUtf8(list.toJson(QJsonDocument::Compact)));
}

QVariant jobFiles(const JobRecord &job)
{
    if (job.artifacts.isEmpty() && !job.cache)
        return QVariant(QStringLiteral(""));

    QJsonArray artifacts;
    for (const ArtifactRecord &artifact : job.artifacts)
        artifacts.append(QJsonObject{{QStringLiteral("path"), artifact.path},
                                     {QStringLiteral("size"), artifact.size}});
    QJsonObject files{{QStringLiteral("artifacts"), artifacts}};
    if (job.cache) {
        files.insert(QStringLiteral("cache"),
                     QJsonObject{{QStringLiteral("key"), job.cache->key},
                                 {QStringLiteral("hit"), job.cache->hit},
                                 {QStringLiteral("restoredFrom"), job.cache->restoredFrom}});
    }
    return QVariant(QString::fromUtf8(QJsonDocument(files).toJson(QJsonDocument::Compact)));
}

void readJobFiles(const QString &text, JobRecord &job)
{
    if (text.isEmpty())
        return;
    const QJsonObject files = QJsonDocument::fromJson(text.toUtf8()).object();
    for (const QJsonValue &value : files.value(QStringLiteral("artifacts")).toArray()) {
        const QJsonObject artifact = value.toObject();
        job.artifacts.append({artifact.value(QStringLiteral("path")).toString(),
                              artifact.value(QStringLiteral("size")).toInteger()});
    }
    if (files.contains(QStringLiteral("cache"))) {
        const QJsonObject cache = files.value(QStringLiteral("cache")).toObject();
        job.cache = CacheUse{cache.value(QStringLiteral("key")).toString(),
                             cache.value(QStringLiteral("hit")).toBool(),
                             cache.value(QStringLiteral("restoredFrom")).toString()};
    }
}

QVariant variables(const Variables &value)
{
    if (value.isEmpty())
        return QVariant(QStringLiteral(""));
    QJsonArray list;
    for (const Variable &variable : value) {
        list.append(QJsonObject{{QStringLiteral("name"), variable.name},
                                {QStringLiteral("value"), variable.value},
                                {QStringLiteral("expand"), variable.expand}});
    }
    return QVariant(QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)));
}

Variables readVariables(const QString &text)
{
    Variables result;
    if (text.isEmpty())
        return result;
    for (const QJsonValue &value : QJsonDocument::fromJson(text.toUtf8()).array()) {
        const QJsonObject variable = value.toObject();
        result.append({variable.value(QStringLiteral("name")).toString(),
                       variable.value(QStringLiteral("value")).toString(),
                       variable.value(QStringLiteral("expand")).toBool(true)});
    }
    return result;
}

void bind(QSqlQuery &query, std::initializer_list<QVariant> values)
{
    int position = 0;
    for (const QVariant &value : values)
        query.bindValue(position++, value);
}

QString errorText(const QSqlError &error)
{
    // libpq's messages span lines ("...failed: Connection refused\n\tIs the server..."); a
    // message of ours is one line.
    const QString database = error.databaseText().simplified();
    if (!database.isEmpty())
        return database;
    const QString driver = error.driverText().simplified();
    return driver.isEmpty() ? QStringLiteral("unknown database error") : driver;
}

QVariant Row::next()
{
    return m_query.value(m_column++);
}

qint64 Row::int64()
{
    return next().toLongLong();
}
int Row::integer()
{
    return next().toInt();
}
QString Row::text()
{
    return next().toString();
}
bool Row::flag()
{
    return next().toLongLong() != 0;
}
QByteArray Row::bytes()
{
    return next().toByteArray();
}

QDateTime Row::time()
{
    const bool null = m_query.isNull(m_column);
    const QVariant value = next();
    return null ? QDateTime() : QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

std::optional<int> Row::optionalNumber()
{
    const bool null = m_query.isNull(m_column);
    const QVariant value = next();
    return null ? std::nullopt : std::optional<int>(value.toInt());
}

QStringList Row::names()
{
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(next().toString().toUtf8()).array();
    for (const QJsonValue &name : array)
        list.append(name.toString());
    return list;
}

} // namespace pw::sql
