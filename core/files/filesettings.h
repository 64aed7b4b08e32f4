#pragma once

#include <QString>

#include <optional>

namespace pw::files {

// Where a run's files are kept and how much the cache may hold.
struct FilesSettings
{
    // Holds `blobs/` (stored files) and `workspaces/` (one folder per run).
    QString root;
    // The history store that records artifacts and cache entries.
    QString storeLocation;
    // Least recently used cache entries are evicted above this many bytes.
    qint64 cacheLimit = qint64(10) << 30;
    // Workspaces are removed at the end of the run unless this is set.
    bool keepWorkspaces = false;

    QString blobRoot() const { return root + QStringLiteral("/blobs"); }
    QString runWorkspaces(qint64 runId) const;
    QString workspace(qint64 runId, int job) const;
};

// The default: the user's data folder (which XDG_DATA_HOME moves) + "/pipewright", and a
// cache limit from PIPEWRIGHT_CACHE_LIMIT ("500M", "20G", or bytes) when set.
FilesSettings defaultFilesSettings(const QString &storeLocation);

// Reads "500M", "20G", "1024" (bytes) or "512K"; nullopt for anything else.
std::optional<qint64> parseSize(const QString &text);

} // namespace pw::files
