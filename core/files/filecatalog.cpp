#include "filecatalog.h"

#include "core/store/sqlstore.h"
#include "core/store/sqltransaction.h"
#include "core/store/sqlvalues.h"

namespace pw::files {

namespace {

const QString fileColumns = QStringLiteral("path, size, digest, executable, link_target");
const QString entryColumns = QStringLiteral("id, cache_key, created_at, last_used_at, size,"
                                            " file_count, hits, run_id, job_idx");

FileEntry readFile(sql::Row &row)
{
    FileEntry file;
    file.path = row.text();
    file.size = row.int64();
    file.digest = row.text();
    file.executable = row.flag();
    file.linkTarget = row.text();
    return file;
}

CacheEntry readEntry(const QSqlQuery &query)
{
    sql::Row row(query);
    CacheEntry entry;
    entry.id = row.int64();
    entry.key = row.text();
    entry.createdAt = row.time();
    entry.lastUsedAt = row.time();
    entry.size = row.int64();
    entry.fileCount = row.integer();
    entry.hits = row.integer();
    entry.runId = row.int64();
    entry.job = row.integer();
    return entry;
}

// Runs one statement with `values` outside a transaction and hands back the query to read.
class Query
{
public:
    Query(const QSqlDatabase &db, const QString &statement, std::initializer_list<QVariant> values)
        : m_query(db)
    {
        m_query.setForwardOnly(true);
        if (!m_query.prepare(statement)) {
            m_error = sql::errorText(m_query.lastError());
            return;
        }
        sql::bind(m_query, values);
        if (!m_query.exec())
            m_error = sql::errorText(m_query.lastError());
    }

    bool ok() const { return m_error.isEmpty(); }
    Error error(const QString &what) const
    {
        return Error{QStringLiteral("cannot %1: %2").arg(what, m_error)};
    }
    QSqlQuery &operator*() { return m_query; }
    QSqlQuery *operator->() { return &m_query; }

private:
    QSqlQuery m_query;
    QString m_error;
};

Status execIn(sql::Statements &statements, const QString &text,
              std::initializer_list<QVariant> values, QSqlQuery **query = nullptr)
{
    QString problem;
    QSqlQuery *prepared = statements.prepare(text, &problem);
    if (prepared) {
        sql::bind(*prepared, values);
        if (!prepared->exec())
            problem = sql::errorText(prepared->lastError());
    }
    if (!problem.isEmpty())
        return Status::failure(problem);
    if (query)
        *query = prepared;
    return {};
}

QString blobName(const QString &digest, bool executable)
{
    return executable ? digest + QStringLiteral("-x") : digest;
}

} // namespace

FileCatalog::FileCatalog(std::unique_ptr<SqlStore> store)
    : m_store(std::move(store))
{}

FileCatalog::~FileCatalog() = default;

Result<std::unique_ptr<FileCatalog>> FileCatalog::open(const QString &storeLocation)
{
    const Result<StoreLocation> location = parseStoreLocation(storeLocation);
    if (!location)
        return location.error();
    Result<std::unique_ptr<SqlStore>> store = SqlStore::open(*location);
    if (!store)
        return store.error();
    return std::unique_ptr<FileCatalog>(new FileCatalog(std::move(store).value()));
}

Status FileCatalog::addArtifacts(qint64 runId, int job, const Manifest &files,
                                 const QDateTime &expiresAt)
{
    const QString what = QStringLiteral("record the artifacts of run %1").arg(runId);
    return sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            const QString insert = QStringLiteral(
                "INSERT INTO artifacts (run_id, job_idx, path, size, digest, executable,"
                " link_target, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (run_id, job_idx, path) DO UPDATE SET size = excluded.size,"
                " digest = excluded.digest, executable = excluded.executable,"
                " link_target = excluded.link_target, expires_at = excluded.expires_at");
            for (const FileEntry &file : files) {
                Status done = execIn(statements, insert,
                                     {runId, job, sql::text(file.path), file.size,
                                      sql::text(file.digest), sql::flag(file.executable),
                                      sql::text(file.linkTarget), sql::time(expiresAt)});
                if (!done)
                    return Status::failure(what + QStringLiteral(": ") + done.error().message);
            }
            return Status();
        });
}

Status FileCatalog::shareArtifacts(qint64 fromRun, int fromJob, qint64 toRun, int toJob)
{
    const QString what =
        QStringLiteral("reuse the artifacts of run %1 in run %2").arg(fromRun).arg(toRun);
    return sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            // The WHERE before ON CONFLICT also keeps SQLite from reading it as a join.
            const QString insert = QStringLiteral(
                "INSERT INTO artifacts (run_id, job_idx, path, size, digest, executable,"
                " link_target, expires_at) SELECT ?, ?, path, size, digest, executable,"
                " link_target, expires_at FROM artifacts WHERE run_id = ? AND job_idx = ?"
                " AND (expires_at IS NULL OR expires_at > ?)"
                " ON CONFLICT (run_id, job_idx, path) DO NOTHING");
            Status done =
                execIn(statements, insert,
                       {toRun, toJob, fromRun, fromJob, QDateTime::currentMSecsSinceEpoch()});
            if (!done)
                return Status::failure(what + QStringLiteral(": ") + done.error().message);
            return Status();
        });
}

Result<Manifest> FileCatalog::artifacts(qint64 runId, int job)
{
    Query query(m_store->database(),
                QStringLiteral("SELECT %1 FROM artifacts WHERE run_id = ? AND job_idx = ?"
                               " AND (expires_at IS NULL OR expires_at > ?) ORDER BY path")
                    .arg(fileColumns),
                {runId, job, QDateTime::currentMSecsSinceEpoch()});
    if (!query.ok())
        return query.error(QStringLiteral("read the artifacts of run %1").arg(runId));
    Manifest files;
    while (query->next()) {
        sql::Row row(*query);
        files.append(readFile(row));
    }
    return files;
}

Result<QList<StoredArtifact>> FileCatalog::listArtifacts(qint64 runId, int job)
{
    QString statement = QStringLiteral(
        "SELECT a.run_id, a.job_idx, COALESCE(j.name, ''), a.path, a.size, a.digest,"
        " a.executable, a.link_target, a.expires_at FROM artifacts a"
        " LEFT JOIN jobs j ON j.run_id = a.run_id AND j.idx = a.job_idx"
        " WHERE a.run_id = ? AND (? < 0 OR a.job_idx = ?) ORDER BY a.job_idx, a.path");
    Query query(m_store->database(), statement, {runId, job, job});
    if (!query.ok())
        return query.error(QStringLiteral("list the artifacts of run %1").arg(runId));
    QList<StoredArtifact> artifacts;
    while (query->next()) {
        sql::Row row(*query);
        StoredArtifact artifact;
        artifact.runId = row.int64();
        artifact.job = row.integer();
        artifact.jobName = row.text();
        artifact.file = readFile(row);
        artifact.expiresAt = row.time();
        artifacts.append(artifact);
    }
    return artifacts;
}

Result<int> FileCatalog::removeExpiredArtifacts(const QDateTime &now)
{
    Query query(m_store->database(),
                QStringLiteral("DELETE FROM artifacts WHERE expires_at IS NOT NULL"
                               " AND expires_at <= ?"),
                {sql::time(now)});
    if (!query.ok())
        return query.error(QStringLiteral("remove expired artifacts"));
    return query->numRowsAffected();
}

Result<std::optional<CacheEntry>> FileCatalog::findCache(const QString &key)
{
    Query query(
        m_store->database(),
        QStringLiteral("SELECT %1 FROM cache_entries WHERE cache_key = ?").arg(entryColumns),
        {sql::text(key)});
    if (!query.ok())
        return query.error(QStringLiteral("look up the cache key %1").arg(key));
    if (!query->next())
        return std::optional<CacheEntry>();
    return std::optional(readEntry(*query));
}

Result<std::optional<CacheEntry>> FileCatalog::findCacheByPrefix(const QString &prefix)
{
    // substr instead of LIKE, so that '%' and '_' in a key are plain characters.
    Query query(m_store->database(),
                QStringLiteral("SELECT %1 FROM cache_entries WHERE substr(cache_key, 1, ?) = ?"
                               " ORDER BY created_at DESC, id DESC LIMIT 1")
                    .arg(entryColumns),
                {int(prefix.size()), sql::text(prefix)});
    if (!query.ok())
        return query.error(QStringLiteral("look up the cache keys starting with %1").arg(prefix));
    if (!query->next())
        return std::optional<CacheEntry>();
    return std::optional(readEntry(*query));
}

Result<Manifest> FileCatalog::cacheFiles(qint64 entryId)
{
    Query query(m_store->database(),
                QStringLiteral("SELECT %1 FROM cache_files WHERE entry_id = ? ORDER BY path")
                    .arg(fileColumns),
                {entryId});
    if (!query.ok())
        return query.error(QStringLiteral("read the files of cache entry %1").arg(entryId));
    Manifest files;
    while (query->next()) {
        sql::Row row(*query);
        files.append(readFile(row));
    }
    return files;
}

Result<bool> FileCatalog::addCache(const CacheEntry &entry, const Manifest &files)
{
    bool added = false;
    const QString what = QStringLiteral("save the cache entry %1").arg(entry.key);
    const Status saved = sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            // The unique key decides between two jobs saving the same key at once.
            QSqlQuery *inserted = nullptr;
            Status done = execIn(
                statements,
                QStringLiteral("INSERT INTO cache_entries (cache_key, created_at, last_used_at,"
                               " size, file_count, hits, run_id, job_idx)"
                               " VALUES (?, ?, ?, ?, ?, 0, ?, ?)"
                               " ON CONFLICT (cache_key) DO NOTHING RETURNING id"),
                {sql::text(entry.key), sql::time(entry.createdAt), sql::time(entry.createdAt),
                 entry.size, int(files.size()), entry.runId, entry.job},
                &inserted);
            if (!done)
                return Status::failure(what + QStringLiteral(": ") + done.error().message);
            const bool fresh = inserted->next();
            const qint64 id = fresh ? inserted->value(0).toLongLong() : 0;
            // SQLite refuses to commit while a statement has not been reset.
            inserted->finish();
            if (!fresh)
                return Status();
            added = true;

            const QString insertFile = QStringLiteral(
                "INSERT INTO cache_files (entry_id, path, size, digest, executable, link_target)"
                " VALUES (?, ?, ?, ?, ?, ?)");
            for (const FileEntry &file : files) {
                done = execIn(statements, insertFile,
                              {id, sql::text(file.path), file.size, sql::text(file.digest),
                               sql::flag(file.executable), sql::text(file.linkTarget)});
                if (!done)
                    return Status::failure(what + QStringLiteral(": ") + done.error().message);
            }
            return Status();
        });
    if (!saved)
        return saved.error();
    return added;
}

Status FileCatalog::markCacheUsed(qint64 entryId, const QDateTime &when)
{
    Query query(m_store->database(),
                QStringLiteral("UPDATE cache_entries SET hits = hits + 1, last_used_at = ?"
                               " WHERE id = ?"),
                {sql::time(when), entryId});
    if (!query.ok())
        return query.error(QStringLiteral("record the use of cache entry %1").arg(entryId));
    return {};
}

Status FileCatalog::recordLookup(const QString &key, bool hit, const QString &restoredFrom)
{
    Query query(m_store->database(),
                QStringLiteral("INSERT INTO cache_lookups (looked_at, cache_key, hit,"
                               " restored_from) VALUES (?, ?, ?, ?)"),
                {QDateTime::currentMSecsSinceEpoch(), sql::text(key), sql::flag(hit),
                 sql::text(restoredFrom)});
    if (!query.ok())
        return query.error(QStringLiteral("record a lookup of the cache key %1").arg(key));
    return {};
}

Result<QList<CacheEntry>> FileCatalog::listCaches()
{
    Query query(m_store->database(),
                QStringLiteral("SELECT %1 FROM cache_entries ORDER BY last_used_at DESC, id DESC")
                    .arg(entryColumns),
                {});
    if (!query.ok())
        return query.error(QStringLiteral("list the cache entries"));
    QList<CacheEntry> entries;
    while (query->next())
        entries.append(readEntry(*query));
    return entries;
}

Result<CacheStats> FileCatalog::cacheStats()
{
    CacheStats stats;
    Query entries(m_store->database(),
                  QStringLiteral("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM cache_entries"), {});
    if (!entries.ok() || !entries->next())
        return entries.error(QStringLiteral("count the cache entries"));
    stats.entries = entries->value(0).toInt();
    stats.size = entries->value(1).toLongLong();

    Query lookups(m_store->database(),
                  QStringLiteral("SELECT COUNT(*), COALESCE(SUM(hit), 0) FROM cache_lookups"), {});
    if (!lookups.ok() || !lookups->next())
        return lookups.error(QStringLiteral("count the cache lookups"));
    stats.lookups = lookups->value(0).toInt();
    stats.hits = lookups->value(1).toInt();
    return stats;
}

Result<QList<CacheEntry>> FileCatalog::evictCaches(qint64 limit)
{
    const Result<QList<CacheEntry>> entries = listCaches();
    if (!entries)
        return entries.error();

    // Newest use first: keep entries while they fit, remove the rest.
    QList<CacheEntry> evicted;
    qint64 kept = 0;
    for (const CacheEntry &entry : *entries) {
        if (kept + entry.size <= limit)
            kept += entry.size;
        else
            evicted.append(entry);
    }
    if (evicted.isEmpty())
        return evicted;

    const QString what = QStringLiteral("evict cache entries");
    const Status removed = sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            for (const CacheEntry &entry : evicted) {
                for (const char *table : {"cache_files WHERE entry_id", "cache_entries WHERE id"}) {
                    const QString text =
                        QStringLiteral("DELETE FROM %1 = ?").arg(QLatin1String(table));
                    if (Status done = execIn(statements, text, {entry.id}); !done)
                        return Status::failure(what + QStringLiteral(": ") + done.error().message);
                }
            }
            return Status();
        });
    if (!removed)
        return removed.error();
    return evicted;
}

Status FileCatalog::removeCache(qint64 entryId)
{
    const QString what = QStringLiteral("remove cache entry %1").arg(entryId);
    return sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            for (const char *table : {"cache_files WHERE entry_id", "cache_entries WHERE id"}) {
                const QString text = QStringLiteral("DELETE FROM %1 = ?").arg(QLatin1String(table));
                if (Status done = execIn(statements, text, {entryId}); !done)
                    return Status::failure(what + QStringLiteral(": ") + done.error().message);
            }
            return Status();
        });
}

Result<int> FileCatalog::clearCaches()
{
    int count = 0;
    const QString what = QStringLiteral("clear the cache");
    const Status cleared = sql::inWriteTransaction(
        m_store->database(), m_store->dialect(), what, [&](sql::Statements &statements) {
            QSqlQuery *counted = nullptr;
            Status done = execIn(statements, QStringLiteral("SELECT COUNT(*) FROM cache_entries"),
                                 {}, &counted);
            if (done && counted->next()) {
                count = counted->value(0).toInt();
                counted->finish();
            }
            for (const char *table : {"cache_files", "cache_entries", "cache_lookups"}) {
                if (!done)
                    break;
                done = execIn(statements,
                              QStringLiteral("DELETE FROM %1").arg(QLatin1String(table)), {});
            }
            if (!done)
                return Status::failure(what + QStringLiteral(": ") + done.error().message);
            return Status();
        });
    if (!cleared)
        return cleared.error();
    return count;
}

Result<QSet<QString>> FileCatalog::referencedDigests()
{
    Query query(m_store->database(),
                QStringLiteral("SELECT digest, executable FROM cache_files"
                               " UNION SELECT digest, executable FROM artifacts"),
                {});
    if (!query.ok())
        return query.error(QStringLiteral("read which stored files are in use"));
    QSet<QString> digests;
    while (query->next())
        digests.insert(blobName(query->value(0).toString(), query->value(1).toInt() != 0));
    return digests;
}

Result<QByteArray> FileCatalog::jobOutput(qint64 runId, int job, qsizetype limit)
{
    const Result<QList<AttemptRecord>> attempts = m_store->loadAttempts(runId, job);
    if (!attempts)
        return attempts.error();
    if (attempts->isEmpty())
        return QByteArray();

    QByteArray output;
    const Status read =
        m_store->readLog(runId, job, attempts->last().number, [&](const LogChunk &chunk) {
            output += chunk.data;
            return output.size() < limit;
        });
    if (!read)
        return read.error();
    return output.left(limit);
}

} // namespace pw::files
