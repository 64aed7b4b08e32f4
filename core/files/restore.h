#pragma once

#include "blobstore.h"
#include "manifest.h"

#include <QStringList>

namespace pw::files {

// What restoring a set of files did.
struct RestoreReport
{
    int files = 0;
    int links = 0;
    qint64 bytes = 0;
    int hardLinked = 0;
    int reflinked = 0;
    int copied = 0;
    // Names refused (climbing out, through a link) and files that could not be written.
    QStringList warnings;

    // "1204 files (35.2 MiB: 1204 hard-linked), 3 links"
    QString summary() const;
};

// Puts `files` from `blobs` below `destination`. A name that could climb out of it (absolute,
// `..`) or that would be written through a symbolic link is refused with a warning; links are
// made last, so no file is ever written through one made here.
RestoreReport restoreFiles(const BlobStore &blobs, const Manifest &files,
                           const QString &destination, Placement how);

// "35.2 MiB"
QString formatSize(qint64 bytes);

} // namespace pw::files
