#include "sqlstore.h"
#include "sqlvalues.h"

#include <QSqlError>

namespace pw {

namespace {

const QString readAction = QStringLiteral("read");

constexpr int maxTrendRuns = 10000;

} // namespace

Result<QList<RunTrendPoint>> SqlStore::runTrend(const QString &pipeline, int limit)
{
    if (limit < 1 || limit > maxTrendRuns) {
        return failure(
            readAction,
            QStringLiteral("a run trend takes 1 to %1 runs, not %2").arg(maxTrendRuns).arg(limit));
    }
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT id, status, started_at, finished_at FROM runs"
                               " WHERE pipeline = ? ORDER BY id DESC LIMIT ?"),
                readAction);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {sql::text(pipeline), limit});
    if (Status done = execute(query, readAction); !done)
        return done.error();

    // Newest first from the index, then turned around: charts read left to right.
    QList<RunTrendPoint> points;
    while (query.next()) {
        sql::Row row(query);
        RunTrendPoint point;
        point.runId = row.int64();
        const QString status = row.text();
        point.startedAt = row.time();
        point.finishedAt = row.time();
        const std::optional<RunStatus> parsed = runStatusFromString(status);
        if (!parsed) {
            return failure(readAction, QStringLiteral("run %1 has the unknown status \"%2\"")
                                           .arg(point.runId)
                                           .arg(status));
        }
        point.status = *parsed;
        points.prepend(point);
    }
    if (query.lastError().isValid())
        return failure(readAction, query);
    query.finish();

    if (Status counted = countCaches(points); !counted)
        return counted.error();
    return points;
}

Status SqlStore::countCaches(QList<RunTrendPoint> &points)
{
    if (points.isEmpty())
        return {};
    // The window's jobs that recorded files; their cache use is in the same JSON as the
    // artifacts, so it is read the way loadRun reads it.
    Result<QSqlQuery> prepared =
        prepare(QStringLiteral("SELECT j.run_id, j.files FROM jobs j JOIN runs r ON r.id = j.run_id"
                               " WHERE r.pipeline = (SELECT pipeline FROM runs WHERE id = ?)"
                               " AND j.run_id >= ? AND j.run_id <= ? AND j.files <> ''"),
                readAction);
    if (!prepared)
        return prepared.error();
    QSqlQuery &query = prepared.value();
    sql::bind(query, {points.first().runId, points.first().runId, points.last().runId});
    if (Status done = execute(query, readAction); !done)
        return done;

    QHash<qint64, qsizetype> positions;
    for (qsizetype position = 0; position < points.size(); ++position)
        positions.insert(points.at(position).runId, position);
    while (query.next()) {
        JobRecord job;
        sql::readJobFiles(query.value(1).toString(), job);
        const auto found = positions.constFind(query.value(0).toLongLong());
        if (!job.cache || found == positions.cend())
            continue;
        RunTrendPoint &point = points[*found];
        ++point.cachedJobs;
        point.cacheHits += job.cache->hit ? 1 : 0;
    }
    if (query.lastError().isValid())
        return failure(readAction, query);
    return {};
}

} // namespace pw
