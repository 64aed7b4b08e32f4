#include "filecopy.h"

#include "core/util/systemerror.h"

#include <QByteArray>
#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace pw::files {

namespace {

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

Result<PlacedBy> copyThroughBuffer(int source, int target)
{
    if (::lseek(source, 0, SEEK_SET) < 0 || ::lseek(target, 0, SEEK_SET) < 0
        || ::ftruncate(target, 0) < 0)
        return Error{systemErrorText()};
    QByteArray buffer(ioBufferSize, Qt::Uninitialized);
    for (;;) {
        const ssize_t got = ::read(source, buffer.data(), size_t(buffer.size()));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return Error{systemErrorText()};
        if (got == 0)
            return PlacedBy::Copy;
        if (!writeAll(target, buffer.constData(), got))
            return Error{systemErrorText()};
    }
}

} // namespace

Result<PlacedBy> copyContent(int source, int target)
{
    if (::ioctl(target, FICLONE, source) == 0)
        return PlacedBy::Reflink;

    for (;;) {
        const ssize_t copied = ::copy_file_range(source, nullptr, target, nullptr, 1 << 30, 0);
        if (copied == 0)
            return PlacedBy::Copy;
        if (copied < 0)
            break;
    }
    // copy_file_range is refused between some file systems.
    return copyThroughBuffer(source, target);
}

Result<PlacedBy> copyFile(const QString &from, const QString &to, bool executable)
{
    const int source =
        ::open(QFile::encodeName(from).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (source < 0)
        return Error{QStringLiteral("cannot read %1: %2").arg(from, systemErrorText())};
    const int target =
        ::open(QFile::encodeName(to).constData(),
               O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, executable ? 0755 : 0644);
    if (target < 0) {
        const QString reason = systemErrorText();
        ::close(source);
        return Error{QStringLiteral("cannot create %1: %2").arg(to, reason)};
    }
    Result<PlacedBy> copied = copyContent(source, target);
    ::close(source);
    ::close(target);
    if (!copied)
        return Error{QStringLiteral("cannot copy %1: %2").arg(from, copied.error().message)};
    return copied;
}

} // namespace pw::files
