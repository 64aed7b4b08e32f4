#pragma once

#include "core/util/result.h"
#include "manifest.h"

#include <QDateTime>
#include <QSet>

#include <memory>
#include <optional>

namespace pw {
class SqlStore;
}

namespace pw::files {

// A job's artifact file as the history keeps it.
struct StoredArtifact
{
    qint64 runId = 0;
    int job = -1;
    QString jobName;
    FileEntry file;
    QDateTime expiresAt; // null: kept until removed by hand
};

struct CacheEntry
{
    qint64 id = 0;
    QString key;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    qint64 size = 0;
    int fileCount = 0;
    int hits = 0;
    // The job whose successful run saved it, for replaying its output.
    qint64 runId = 0;
    int job = -1;
};

struct CacheStats
{
    int entries = 0;
    qint64 size = 0;
    int lookups = 0;
    int hits = 0;
};

// Where the artifacts and cache entries are recorded: tables in the history store, next to
// the runs they came from. Each instance has its own connection, for the thread that opened it.
class FileCatalog
{
public:
    static Result<std::unique_ptr<FileCatalog>> open(const QString &storeLocation);
    ~FileCatalog();

    // Artifacts
    Status addArtifacts(qint64 runId, int job, const Manifest &files, const QDateTime &expiresAt);
    // The unexpired artifacts of one job of a run.
    Result<Manifest> artifacts(qint64 runId, int job);
    // Gives job `toJob` of run `toRun` the unexpired artifacts of job `fromJob` of run
    // `fromRun`, with the same stored files and expiry: nothing is copied.
    Status shareArtifacts(qint64 fromRun, int fromJob, qint64 toRun, int toJob);
    // Every artifact of a run (job < 0) or of one job, expired ones included.
    Result<QList<StoredArtifact>> listArtifacts(qint64 runId, int job = -1);
    // Forgets the artifacts whose expiry is before `now`; returns how many files.
    Result<int> removeExpiredArtifacts(const QDateTime &now);

    // Cache entries
    Result<std::optional<CacheEntry>> findCache(const QString &key);
    // The newest entry whose key starts with `prefix`.
    Result<std::optional<CacheEntry>> findCacheByPrefix(const QString &prefix);
    Result<Manifest> cacheFiles(qint64 entryId);
    // Saves a new entry with its files in one transaction. False when the key already has an
    // entry (another job saved it first); nothing is written then.
    Result<bool> addCache(const CacheEntry &entry, const Manifest &files);
    Status markCacheUsed(qint64 entryId, const QDateTime &when);
    Status recordLookup(const QString &key, bool hit, const QString &restoredFrom);
    Result<QList<CacheEntry>> listCaches();
    Result<CacheStats> cacheStats();
    // Removes entries, least recently used first, until all of them take at most `limit`
    // bytes; returns those removed.
    Result<QList<CacheEntry>> evictCaches(qint64 limit);
    Status removeCache(qint64 entryId);
    // Removes every entry (and the lookups behind the hit rate); returns how many entries.
    Result<int> clearCaches();

    // The digests any artifact or cache entry still uses.
    Result<QSet<QString>> referencedDigests();
    // The recorded output of a job's last attempt, at most `limit` bytes.
    Result<QByteArray> jobOutput(qint64 runId, int job, qsizetype limit);

private:
    explicit FileCatalog(std::unique_ptr<SqlStore> store);

    std::unique_ptr<SqlStore> m_store;
};

} // namespace pw::files
