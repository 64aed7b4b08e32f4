#include "artifactfiles.h"

#include "core/files/filecatalog.h"
#include "core/files/filesettings.h"

#include <QCoreApplication>
#include <QDir>

namespace pw::gui {

namespace {

// The stored, unexpired artifacts of the job that `paths` name (all when empty).
Result<files::Manifest> storedArtifacts(const QString &storeLocation, qint64 runId, int job,
                                        const QStringList &paths)
{
    auto catalog = files::FileCatalog::open(storeLocation);
    if (!catalog)
        return catalog.error();
    const Result<files::Manifest> stored = catalog.value()->artifacts(runId, job);
    if (!stored)
        return stored.error();

    files::Manifest chosen;
    for (const files::FileEntry &file : *stored) {
        if (paths.isEmpty() || paths.contains(file.path))
            chosen.append(file);
    }
    if (chosen.isEmpty()) {
        return Error{QCoreApplication::translate(
                         "pw::gui::ArtifactFiles",
                         "run %1 keeps no artifacts of this job any more (they may have "
                         "expired)")
                         .arg(runId)};
    }
    return chosen;
}

} // namespace

Result<files::RestoreReport> copyArtifacts(const QString &storeLocation, qint64 runId, int job,
                                           const QStringList &paths, const QString &destination)
{
    const Result<files::Manifest> chosen = storedArtifacts(storeLocation, runId, job, paths);
    if (!chosen)
        return chosen.error();
    if (!QDir().mkpath(destination))
        return Error{
            QCoreApplication::translate("pw::gui::ArtifactFiles", "cannot create the folder %1")
                .arg(QDir::toNativeSeparators(destination))};

    const files::FilesSettings settings = files::defaultFilesSettings(storeLocation);
    const files::BlobStore blobs(settings.blobRoot());
    return files::restoreFiles(blobs, *chosen, QDir(destination).absolutePath(),
                               files::Placement::CloneOrCopy);
}

Result<QString> copyArtifactForOpening(const QString &storeLocation, qint64 runId, int job,
                                       const QString &path, const QString &folder)
{
    const Result<files::RestoreReport> copied =
        copyArtifacts(storeLocation, runId, job, {path}, folder);
    if (!copied)
        return copied.error();
    if (!copied->warnings.isEmpty())
        return Error{copied->warnings.join(QLatin1Char('\n'))};
    return QDir(folder).absoluteFilePath(path);
}

} // namespace pw::gui
