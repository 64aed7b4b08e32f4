#include "garbage.h"

#include "blobstore.h"
#include "core/threads/pooltask.h"
#include "filecatalog.h"
#include "fileslog.h"

namespace pw::files {

Result<GarbageReport> removeUnusedBlobs(FileCatalog &catalog, BlobStore &blobs, Milliseconds grace)
{
    const Result<QSet<QString>> used = catalog.referencedDigests();
    if (!used)
        return used.error();

    GarbageReport report;
    const QDateTime youngest = QDateTime::currentDateTimeUtc().addMSecs(-grace.count());
    for (const StoredBlob &blob : blobs.list()) {
        const QString name = blob.executable ? blob.digest + QStringLiteral("-x") : blob.digest;
        if (used->contains(name) || blob.modified > youngest)
            continue;
        if (Status removed = blobs.remove(blob); !removed)
            return removed.error();
        ++report.blobs;
        report.bytes += blob.size;
    }
    return report;
}

Result<GarbageReport> collectGarbage(const FilesSettings &settings, const QDateTime &now,
                                     Milliseconds grace)
{
    Result<std::unique_ptr<FileCatalog>> catalog = FileCatalog::open(settings.storeLocation);
    if (!catalog)
        return catalog.error();
    const Result<int> expired = (*catalog)->removeExpiredArtifacts(now);
    if (!expired)
        return expired.error();

    BlobStore blobs(settings.blobRoot());
    Result<GarbageReport> report = removeUnusedBlobs(**catalog, blobs, grace);
    if (report)
        report->artifacts = *expired;
    return report;
}

void collectGarbageInBackground(const FilesSettings &settings)
{
    startPoolTask(*QThreadPool::globalInstance(), [settings] {
        const Result<GarbageReport> report =
            collectGarbage(settings, QDateTime::currentDateTimeUtc());
        if (!report)
            qCWarning(lcFiles).noquote()
                << "cannot remove expired artifacts:" << report.error().message;
    });
}

} // namespace pw::files
