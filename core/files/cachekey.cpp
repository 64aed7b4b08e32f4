#include "cachekey.h"

#include "blobstore.h"
#include "safepath.h"

#include <QCryptographicHash>
#include <QFile>

#include <sys/stat.h>
#include <unistd.h>

namespace pw::files {

namespace {

// What one listed file contributes: the digest of its content, or why it has none.
QString inputDigest(const QString &root, const QString &name)
{
    if (const QString problem = storedNameProblem(name); !problem.isEmpty())
        return QStringLiteral("refused: it ") + problem;

    const QByteArray path = QFile::encodeName(root + QLatin1Char('/') + name);
    struct stat info;
    if (::lstat(path.constData(), &info) != 0)
        return QStringLiteral("missing");
    if (S_ISLNK(info.st_mode)) {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t length = ::readlink(path.constData(), target.data(), size_t(target.size()));
        const QByteArray text = target.left(qMax<ssize_t>(length, 0));
        return QStringLiteral("link sha256 ")
               + QString::fromLatin1(
                   QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
    }
    if (!S_ISREG(info.st_mode))
        return QStringLiteral("not a regular file");
    const Result<QString> digest = fileDigest(root + QLatin1Char('/') + name);
    return digest ? QStringLiteral("sha256 ") + *digest
                  : QStringLiteral("unreadable: ") + digest.error().message;
}

} // namespace

CacheKey cacheKeyFor(const CacheSpec &cache, const Job &job, const QString &root)
{
    CacheKey result;
    const QString prefix =
        cache.keyGiven && !cache.key.isEmpty() ? cache.key : QStringLiteral("default");
    if (cache.keyGiven && cache.files.isEmpty()) {
        result.key = prefix;
        return result;
    }

    QCryptographicHash hash(QCryptographicHash::Sha256);
    QStringList files = cache.files;
    files.sort();
    for (const QString &name : files) {
        const QString digest = inputDigest(root, name);
        result.inputs.append(name + QLatin1Char(' ') + digest);
        hash.addData((name + QChar(0) + digest + QLatin1Char('\n')).toUtf8());
    }
    if (!cache.keyGiven) {
        const QStringList commands = job.beforeCommands + job.commands + job.afterCommands;
        const QByteArray text = commands.join(QLatin1Char('\n')).toUtf8();
        result.inputs.append(
            QStringLiteral("the job's commands sha256 ")
            + QString::fromLatin1(
                QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex()));
        hash.addData(QByteArray(QByteArrayLiteral("commands\n") + text));
    }
    result.key = prefix + QLatin1Char('-') + QString::fromLatin1(hash.result().toHex().left(16));
    return result;
}

} // namespace pw::files
