#pragma once

#include "core/util/result.h"
#include "filecopy.h"

#include <QAtomicInt>
#include <QDateTime>
#include <QList>
#include <QString>

namespace pw::files {

// How a stored file may be put in place.
enum class Placement {
    // A reflink where the file system supports it, else a hard link to the stored copy: both
    // instant, but a hard-linked file is shared with the store. Only for caches (see
    // docs/caching.md); as CloneOrCopy where hard links are not allowed (hardLinksAllowed).
    LinkOrClone,
    // A reflink (copy-on-write clone) where the file system supports it, else a copy: the
    // file is the job's own.
    CloneOrCopy,
};

// A file kept in the store, for garbage collection.
struct StoredBlob
{
    QString digest;
    bool executable = false;
    QString path;
    QDateTime modified;
    qint64 size = 0;
};

// Files kept once by content: each is stored read-only under its SHA-256, so that the same
// file saved by a hundred runs takes the space of one. Safe to use from several threads and
// processes at once: a file is written under a temporary name and renamed into place.
class BlobStore
{
public:
    // Keeps files under `root` (created when missing).
    explicit BlobStore(const QString &root);

    // Whether LinkOrClone may hard-link. By default not when this process runs as root,
    // whom the stored files' read-only mode cannot stop from writing them in place.
    void setHardLinksAllowed(bool allowed) { m_hardLinks = allowed; }
    bool hardLinksAllowed() const { return m_hardLinks; }

    QString root() const { return m_root; }

    // Stores the regular file at `path` (a symbolic link is refused, never followed) and
    // returns the digest of its content.
    Result<QString> store(const QString &path, bool executable);

    // Puts the stored file `digest` at `destination`, replacing a file or link that is there.
    Result<PlacedBy> place(const QString &digest, bool executable, const QString &destination,
                           Placement how) const;

    QString blobPath(const QString &digest, bool executable) const;
    bool contains(const QString &digest, bool executable) const;

    // Every stored file, for garbage collection.
    QList<StoredBlob> list() const;
    Status remove(const StoredBlob &blob);

private:
    Result<QString> writeNew(int source, const QString &digest, bool executable,
                             const QString &path);

    QString m_root;
    // Whether the file system takes reflinks: 0 not known yet, 1 yes, -1 no.
    mutable QAtomicInt m_reflinks = 0;
    bool m_hardLinks = true;
};

// The SHA-256 of the content of the regular file `path`, in hex.
Result<QString> fileDigest(const QString &path);

} // namespace pw::files
