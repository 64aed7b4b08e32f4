#pragma once

#include "records.h"

#include <QByteArray>
#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <initializer_list>
#include <optional>

// How records become column values and back, the same way for every table and database:
// times are integer milliseconds since the epoch (UTC) or NULL, flags are 0 or 1, lists of
// names are JSON arrays, and text is never NULL.
namespace pw::sql {

QVariant text(const QString &value);
QVariant time(const QDateTime &value);
QVariant number(std::optional<int> value);
QVariant flag(bool value);
QVariant bytes(const QByteArray &value);
QVariant names(const QStringList &value);
// A job's artifacts and cache use as JSON text ('' when it has neither), and back.
QVariant jobFiles(const JobRecord &job);
void readJobFiles(const QString &text, JobRecord &job);
// A run's variables as a JSON array of {name, value, expand} ('' for none), and back.
QVariant variables(const Variables &value);
Variables readVariables(const QString &text);

// Binds `values` to the placeholders of the prepared `query`, in order.
void bind(QSqlQuery &query, std::initializer_list<QVariant> values);

// The database's own words for `error` when it gave some, else Qt's.
QString errorText(const QSqlError &error);

// Reads the columns of the current row of a query one after the other.
class Row
{
public:
    explicit Row(const QSqlQuery &query)
        : m_query(query)
    {}

    qint64 int64();
    int integer();
    QString text();
    QDateTime time();
    std::optional<int> optionalNumber();
    bool flag();
    QByteArray bytes();
    QStringList names();

private:
    QVariant next();

    const QSqlQuery &m_query;
    int m_column = 0;
};

} // namespace pw::sql
