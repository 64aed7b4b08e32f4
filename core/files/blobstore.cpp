#include "blobstore.h"

#include "core/util/systemerror.h"
#include "filecopy.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QUuid>

#include <cerrno>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::files {

namespace {

Error failure(const QString &what, const QString &path)
{
    return Error{QStringLiteral("cannot %1 %2: %3").arg(what, path, systemErrorText())};
}

// Closes a descriptor when it goes out of scope.
struct Fd
{
    int fd = -1;
    explicit Fd(int value)
        : fd(value)
    {}
    ~Fd()
    {
        if (fd >= 0)
            ::close(fd);
    }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
};

// Hashes what is left to read of `fd`.
bool hashRest(int fd, QCryptographicHash &hash, QByteArray &buffer)
{
    for (;;) {
        const ssize_t got = ::read(fd, buffer.data(), size_t(buffer.size()));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return false;
        if (got == 0)
            return true;
        hash.addData(QByteArrayView(buffer.constData(), got));
    }
}

// Makes room for a new file at `path`: a file or link there is removed, a folder is not.
Status clearDestination(const QByteArray &path)
{
    struct stat existing;
    if (::lstat(path.constData(), &existing) != 0)
        return {};
    if (S_ISDIR(existing.st_mode))
        return Status::failure(QStringLiteral("a folder is in the way"));
    if (::unlink(path.constData()) != 0)
        return Status::failure(systemErrorText());
    return {};
}

// Renames a finished file to its name in the store, making its folder the first time.
bool renameIntoPlace(const QByteArray &from, const QByteArray &to)
{
    if (::rename(from.constData(), to.constData()) == 0)
        return true;
    if (errno != ENOENT)
        return false;
    const QByteArray folder = to.left(to.lastIndexOf('/'));
    if (::mkdir(folder.constData(), 0755) != 0 && errno != EEXIST)
        return false;
    return ::rename(from.constData(), to.constData()) == 0;
}

// Creates `path` for writing, replacing a file or link in the way (never following it).
int createFresh(const QByteArray &path, mode_t mode)
{
    const int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;
    const int fd = ::open(path.constData(), flags, mode);
    if (fd >= 0 || errno != EEXIST || !clearDestination(path))
        return fd;
    return ::open(path.constData(), flags, mode);
}

} // namespace

BlobStore::BlobStore(const QString &root)
    : m_root(root)
    // Read-only stored files protect a hard link only from jobs that respect the mode; a job
    // running as root (as this process does) would change the stored copy in place.
    , m_hardLinks(::geteuid() != 0)
{
    QDir().mkpath(m_root + QStringLiteral("/tmp"));
}

QString BlobStore::blobPath(const QString &digest, bool executable) const
{
    // Two levels keep each folder small; executables are their own blob because a hard
    // link shares the mode bits.
    return QStringLiteral("%1/%2/%3%4")
        .arg(m_root, digest.left(2), digest, executable ? QStringLiteral("-x") : QString());
}

bool BlobStore::contains(const QString &digest, bool executable) const
{
    struct stat info;
    return ::stat(QFile::encodeName(blobPath(digest, executable)).constData(), &info) == 0;
}

Result<QString> BlobStore::store(const QString &path, bool executable)
{
    const Fd source(::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (source.fd < 0)
        return failure(QStringLiteral("read"), path);

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ioBufferSize, Qt::Uninitialized);
    if (!hashRest(source.fd, hash, buffer))
        return failure(QStringLiteral("read"), path);
    const QString digest = QString::fromLatin1(hash.result().toHex());

    const QByteArray existing = QFile::encodeName(blobPath(digest, executable));
    if (::utimensat(AT_FDCWD, existing.constData(), nullptr, 0) == 0) {
        // Already kept; the fresh time tells garbage collection it is in use.
        return digest;
    }
    if (::lseek(source.fd, 0, SEEK_SET) < 0)
        return failure(QStringLiteral("read"), path);
    return writeNew(source.fd, digest, executable, path);
}

Result<QString> BlobStore::writeNew(int source, const QString &digest, bool executable,
                                    const QString &path)
{
    const QString temporary =
        m_root + QStringLiteral("/tmp/") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QByteArray temporaryName = QFile::encodeName(temporary);
    const Fd target(
        ::open(temporaryName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600));
    if (target.fd < 0)
        return failure(QStringLiteral("create"), temporary);

    const Result<PlacedBy> copied = copyContent(source, target.fd);
    // Read-only, so that a job that writes to a hard-linked file in place fails instead of
    // changing what every later restore gets.
    const mode_t mode = executable ? 0555 : 0444;
    const QString final = blobPath(digest, executable);
    const QByteArray finalName = QFile::encodeName(final);
    if (!copied || ::fchmod(target.fd, mode) != 0 || !renameIntoPlace(temporaryName, finalName)) {
        const QString reason = copied ? systemErrorText() : copied.error().message;
        ::unlink(temporaryName.constData());
        return Error{QStringLiteral("cannot store %1: %2").arg(path, reason)};
    }
    return digest;
}

Result<PlacedBy> BlobStore::place(const QString &digest, bool executable,
                                  const QString &destination, Placement how) const
{
    const QByteArray blob = QFile::encodeName(blobPath(digest, executable));
    const QByteArray target = QFile::encodeName(destination);
    const auto refused = [&](const QString &reason) {
        return Error{QStringLiteral("cannot restore %1: %2").arg(destination, reason)};
    };

    if (how == Placement::LinkOrClone && !m_hardLinks)
        how = Placement::CloneOrCopy;

    // A reflink is as quick as a hard link and leaves the job a file of its own, so it is
    // tried first; once it fails, this store's file system cannot do it and hard links follow.
    const bool tryClone = how == Placement::CloneOrCopy || m_reflinks.loadRelaxed() >= 0;
    if (tryClone) {
        const Fd source(::open(blob.constData(), O_RDONLY | O_CLOEXEC));
        if (source.fd < 0)
            return refused(QStringLiteral("the stored copy cannot be read: ") + systemErrorText());
        const Fd copy(createFresh(target, executable ? 0755 : 0644));
        if (copy.fd < 0)
            return refused(systemErrorText());
        if (::ioctl(copy.fd, FICLONE, source.fd) == 0) {
            m_reflinks.storeRelaxed(1);
            return PlacedBy::Reflink;
        }
        if (how == Placement::CloneOrCopy) {
            const Result<PlacedBy> copied = copyContent(source.fd, copy.fd);
            return copied ? copied : refused(copied.error().message);
        }
        m_reflinks.storeRelaxed(-1);
        ::unlink(target.constData());
    }

    if (::link(blob.constData(), target.constData()) == 0)
        return PlacedBy::HardLink;
    if (errno == EEXIST) {
        if (Status cleared = clearDestination(target); !cleared)
            return refused(cleared.error().message);
        if (::link(blob.constData(), target.constData()) == 0)
            return PlacedBy::HardLink;
    }
    // Another file system, or too many links to one file: a copy of its own.
    return place(digest, executable, destination, Placement::CloneOrCopy);
}

QList<StoredBlob> BlobStore::list() const
{
    QList<StoredBlob> blobs;
    QDirIterator it(m_root, QDir::Files | QDir::Hidden | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.dir().dirName() == QLatin1String("tmp"))
            continue;
        QString name = info.fileName();
        const bool executable = name.endsWith(QLatin1String("-x"));
        if (executable)
            name.chop(2);
        blobs.append({name, executable, info.filePath(), info.lastModified(), info.size()});
    }
    return blobs;
}

Status BlobStore::remove(const StoredBlob &blob)
{
    if (::unlink(QFile::encodeName(blob.path).constData()) != 0 && errno != ENOENT)
        return failure(QStringLiteral("remove"), blob.path);
    return {};
}

Result<QString> fileDigest(const QString &path)
{
    const Fd source(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC));
    if (source.fd < 0)
        return failure(QStringLiteral("read"), path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ioBufferSize, Qt::Uninitialized);
    if (!hashRest(source.fd, hash, buffer))
        return failure(QStringLiteral("read"), path);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace pw::files
