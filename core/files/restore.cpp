#include "restore.h"

#include "core/util/systemerror.h"
#include "safepath.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSet>
#include <QThread>

#include <cerrno>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace pw::files {

namespace {

// Restoring is bound by system calls that the file system serves in parallel across
// folders; a few threads cut the time of a large entry, more only contend.
constexpr int maxThreads = 4;
constexpr qsizetype itemsPerThread = 256;

// Runs `work(first, last, slot)` over [0, count) split among a few threads; `slot` tells
// each thread which of the per-thread results it owns.
template<typename Work>
void inParallel(qsizetype count, int most, Work work)
{
    const int threads = int(qBound<qsizetype>(1, count / itemsPerThread, qsizetype(most)));
    if (threads == 1) {
        work(0, count, 0);
        return;
    }
    std::vector<std::thread> pool;
    const qsizetype share = (count + threads - 1) / threads;
    for (int slot = 0; slot < threads; ++slot) {
        const qsizetype first = slot * share;
        const qsizetype last = qMin(count, first + share);
        pool.emplace_back([&work, first, last, slot] { work(first, last, slot); });
    }
    for (std::thread &thread : pool)
        thread.join();
}

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

// What one thread did; merged once every thread is done.
struct Part
{
    RestoreReport report;
    QList<std::pair<qsizetype, QString>> warnings; // by position in the file list
    QSet<QString> refusedFolders;
    QList<std::pair<QString, QString>> folderProblems; // folder, why
};

class Restorer
{
public:
    Restorer(const BlobStore &blobs, const Manifest &files, const QString &destination,
             Placement how)
        : m_blobs(blobs)
        , m_files(files)
        , m_destination(destination)
        , m_how(how)
        , m_parts(qBound(1, QThread::idealThreadCount(), maxThreads))
    {}

    RestoreReport run();

private:
    void checkNames();
    void makeFolders();
    void makeFolder(const QString &folder, Part &part);
    void placeFiles();
    void placeFile(qsizetype index, Part &part);
    void makeLink(qsizetype index, Part &part);
    QString refusal(const QString &path) const;
    QByteArray absolute(const QString &path) const
    {
        return QFile::encodeName(m_destination + QLatin1Char('/') + path);
    }

    const BlobStore &m_blobs;
    const Manifest &m_files;
    QString m_destination;
    Placement m_how;
    QList<Part> m_parts;
    QList<qsizetype> m_accepted;
    // Folders that are not real folders (a link, a file) or could not be made, with why.
    QHash<QString, QString> m_refusedFolders;
};

RestoreReport Restorer::run()
{
    checkNames();
    makeFolders();
    placeFiles();

    // Links last, one after the other, so that no file is ever written through one.
    for (qsizetype index : std::as_const(m_accepted)) {
        if (m_files[index].isLink())
            makeLink(index, m_parts[0]);
    }

    RestoreReport report;
    QList<std::pair<qsizetype, QString>> warnings;
    for (const Part &part : std::as_const(m_parts)) {
        report.files += part.report.files;
        report.links += part.report.links;
        report.bytes += part.report.bytes;
        report.hardLinked += part.report.hardLinked;
        report.reflinked += part.report.reflinked;
        report.copied += part.report.copied;
        warnings += part.warnings;
    }
    std::sort(warnings.begin(), warnings.end());
    for (const auto &warning : warnings)
        report.warnings.append(warning.second);
    return report;
}

void Restorer::checkNames()
{
    for (qsizetype i = 0; i < m_files.size(); ++i) {
        const FileEntry &file = m_files[i];
        QString problem = storedNameProblem(file.path);
        if (problem.isEmpty() && file.isLink())
            problem = linkTargetProblem(file.path, file.linkTarget);
        if (problem.isEmpty())
            m_accepted.append(i);
        else
            m_parts[0].warnings.append(
                {i, QStringLiteral("'%1' refused: it %2").arg(file.path, problem)});
    }
}

void Restorer::makeFolders()
{
    // Every folder the accepted names need, by depth, so that each level is made after the
    // one that holds it and the folders of one level are made in parallel.
    QSet<QString> needed;
    for (qsizetype index : std::as_const(m_accepted)) {
        for (QString folder = parentOf(m_files[index].path); !folder.isEmpty();
             folder = parentOf(folder)) {
            if (needed.contains(folder))
                break;
            needed.insert(folder);
        }
    }
    QList<QStringList> levels;
    for (const QString &folder : std::as_const(needed)) {
        const int depth = int(folder.count(QLatin1Char('/')));
        if (levels.size() <= depth)
            levels.resize(depth + 1);
        levels[depth].append(folder);
    }

    for (const QStringList &level : std::as_const(levels)) {
        inParallel(level.size(), int(m_parts.size()),
                   [&](qsizetype first, qsizetype last, int slot) {
                       for (qsizetype i = first; i < last; ++i)
                           makeFolder(level[i], m_parts[slot]);
                   });
        for (Part &part : m_parts) {
            for (const auto &[folder, why] : std::as_const(part.folderProblems))
                m_refusedFolders.insert(folder, why);
            part.folderProblems.clear();
        }
    }
}

void Restorer::makeFolder(const QString &folder, Part &part)
{
    const QString parent = parentOf(folder);
    if (!parent.isEmpty() && m_refusedFolders.contains(parent)) {
        part.folderProblems.append({folder, m_refusedFolders.value(parent)});
        return;
    }
    const QByteArray path = absolute(folder);
    struct stat info;
    if (::lstat(path.constData(), &info) != 0) {
        if (::mkdir(path.constData(), 0755) != 0 && errno != EEXIST)
            part.folderProblems.append(
                {folder, QStringLiteral("cannot create '%1': %2").arg(folder, systemErrorText())});
        return;
    }
    // Writing below a link would put the file wherever the link points.
    if (!S_ISDIR(info.st_mode)) {
        const QString kind =
            S_ISLNK(info.st_mode) ? QStringLiteral("a symbolic link") : QStringLiteral("a file");
        part.folderProblems.append(
            {folder, QStringLiteral("'%1' is %2, not a folder").arg(folder, kind)});
    }
}

QString Restorer::refusal(const QString &path) const
{
    const QString parent = parentOf(path);
    return parent.isEmpty() ? QString() : m_refusedFolders.value(parent);
}

void Restorer::placeFiles()
{
    QList<qsizetype> regular;
    for (qsizetype index : std::as_const(m_accepted)) {
        if (!m_files[index].isLink())
            regular.append(index);
    }
    inParallel(regular.size(), int(m_parts.size()), [&](qsizetype first, qsizetype last, int slot) {
        for (qsizetype i = first; i < last; ++i)
            placeFile(regular[i], m_parts[slot]);
    });
}

void Restorer::placeFile(qsizetype index, Part &part)
{
    const FileEntry &file = m_files[index];
    if (const QString why = refusal(file.path); !why.isEmpty()) {
        part.warnings.append({index, QStringLiteral("'%1' refused: %2").arg(file.path, why)});
        return;
    }
    const Result<PlacedBy> placed = m_blobs.place(
        file.digest, file.executable, m_destination + QLatin1Char('/') + file.path, m_how);
    if (!placed) {
        part.warnings.append({index, placed.error().message});
        return;
    }
    ++part.report.files;
    part.report.bytes += file.size;
    switch (*placed) {
    case PlacedBy::HardLink:
        ++part.report.hardLinked;
        break;
    case PlacedBy::Reflink:
        ++part.report.reflinked;
        break;
    case PlacedBy::Copy:
        ++part.report.copied;
        break;
    }
}

void Restorer::makeLink(qsizetype index, Part &part)
{
    const FileEntry &file = m_files[index];
    if (const QString why = refusal(file.path); !why.isEmpty()) {
        part.warnings.append({index, QStringLiteral("'%1' refused: %2").arg(file.path, why)});
        return;
    }
    const QByteArray path = absolute(file.path);
    struct stat info;
    if (::lstat(path.constData(), &info) == 0
        && (S_ISDIR(info.st_mode) || ::unlink(path.constData()) != 0)) {
        part.warnings.append(
            {index,
             QStringLiteral("link '%1' not restored: something is in the way").arg(file.path)});
        return;
    }
    if (::symlink(QFile::encodeName(file.linkTarget).constData(), path.constData()) != 0) {
        part.warnings.append(
            {index,
             QStringLiteral("link '%1' not restored: %2").arg(file.path, systemErrorText())});
        return;
    }
    ++part.report.links;
}

} // namespace

QString formatSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString RestoreReport::summary() const
{
    QStringList how;
    if (hardLinked)
        how.append(QStringLiteral("%1 hard-linked").arg(hardLinked));
    if (reflinked)
        how.append(QStringLiteral("%1 reflinked").arg(reflinked));
    if (copied)
        how.append(QStringLiteral("%1 copied").arg(copied));
    QString text = QStringLiteral("%1 files (%2").arg(files).arg(formatSize(bytes));
    if (!how.isEmpty())
        text += QStringLiteral(": ") + how.join(QStringLiteral(", "));
    text += QStringLiteral(")");
    if (links)
        text += QStringLiteral(", %1 links").arg(links);
    return text;
}

RestoreReport restoreFiles(const BlobStore &blobs, const Manifest &files,
                           const QString &destination, Placement how)
{
    if (!files.isEmpty() && !QDir().mkpath(destination)) {
        RestoreReport report;
        report.warnings.append(QStringLiteral("cannot create the folder %1").arg(destination));
        return report;
    }
    return Restorer(blobs, files, destination, how).run();
}

qint64 totalSize(const Manifest &files)
{
    qint64 total = 0;
    for (const FileEntry &file : files)
        total += file.size;
    return total;
}

} // namespace pw::files
