#pragma once

#include "core/util/duration.h"
#include "core/util/result.h"
#include "filesettings.h"

#include <QDateTime>
#include <QSet>

namespace pw::files {

class BlobStore;
class FileCatalog;

struct GarbageReport
{
    int artifacts = 0;
    int blobs = 0;
    qint64 bytes = 0;
};

// Removes the stored files no artifact or cache entry uses any more. Files younger than
// `grace` are kept: a job may have stored them a moment ago and not yet recorded them.
Result<GarbageReport> removeUnusedBlobs(FileCatalog &catalog, BlobStore &blobs, Milliseconds grace);

// Forgets artifacts that expired before `now`, then removes unused stored files.
Result<GarbageReport> collectGarbage(const FilesSettings &settings, const QDateTime &now,
                                     Milliseconds grace = Milliseconds(3600 * 1000));

// Runs collectGarbage on a pool thread and returns at once; a failure is logged. For a
// program's start, such as the desktop app's.
void collectGarbageInBackground(const FilesSettings &settings);

} // namespace pw::files
