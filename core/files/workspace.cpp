#include "workspace.h"

#include "filecopy.h"
#include "filewalk.h"
#include "safepath.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>

#include <sys/stat.h>
#include <unistd.h>

namespace pw::files {

namespace {

// A listing that takes longer than this is abandoned for a folder walk.
constexpr int gitTimeoutMs = 60000;

// The files git would hand over, or nothing when `source` is not in a work tree.
std::optional<QStringList> gitFiles(const QString &source)
{
    QProcess git;
    git.setWorkingDirectory(source);
    git.start(QStringLiteral("git"), {QStringLiteral("ls-files"), QStringLiteral("-co"),
                                      QStringLiteral("--exclude-standard"), QStringLiteral("-z")});
    if (!git.waitForFinished(gitTimeoutMs) || git.exitStatus() != QProcess::NormalExit
        || git.exitCode() != 0) {
        git.kill();
        git.waitForFinished();
        return std::nullopt;
    }
    QStringList files;
    for (const QByteArray &name : git.readAllStandardOutput().split('\0')) {
        if (!name.isEmpty())
            files.append(QFile::decodeName(name));
    }
    return files;
}

void copyEntry(const QString &source, const QString &workspace, const QString &name,
               QSet<QString> &folders, WorkspaceCopy &copy)
{
    if (const QString problem = storedNameProblem(name); !problem.isEmpty()) {
        copy.warnings.append(QStringLiteral("'%1' not copied: it %2").arg(name, problem));
        return;
    }
    const QString from = source + QLatin1Char('/') + name;
    const QString to = workspace + QLatin1Char('/') + name;
    struct stat info;
    if (::lstat(QFile::encodeName(from).constData(), &info) != 0)
        return; // deleted since git listed it
    const QString folder =
        name.contains(QLatin1Char('/')) ? name.left(name.lastIndexOf(QLatin1Char('/'))) : QString();
    if (!folder.isEmpty() && !folders.contains(folder)) {
        QDir().mkpath(workspace + QLatin1Char('/') + folder);
        folders.insert(folder);
    }

    if (S_ISLNK(info.st_mode)) {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t length =
            ::readlink(QFile::encodeName(from).constData(), target.data(), size_t(target.size()));
        const QString text = QFile::decodeName(target.left(qMax<ssize_t>(length, 0)));
        const QString problem =
            length > 0 ? linkTargetProblem(name, text) : QStringLiteral("cannot be read");
        if (!problem.isEmpty()) {
            copy.warnings.append(
                QStringLiteral("symbolic link '%1' not copied, not followed: it %2")
                    .arg(name, problem));
        } else if (::symlink(QFile::encodeName(text).constData(), QFile::encodeName(to).constData())
                   == 0) {
            ++copy.links;
        }
        return;
    }
    if (!S_ISREG(info.st_mode))
        return; // a submodule's folder, a socket: nothing to copy
    const Result<PlacedBy> copied = copyFile(from, to, (info.st_mode & S_IXUSR) != 0);
    if (!copied) {
        copy.warnings.append(copied.error().message);
        return;
    }
    ++copy.files;
    copy.bytes += info.st_size;
    if (*copied == PlacedBy::Reflink)
        ++copy.reflinked;
}

} // namespace

Result<WorkspaceCopy> makeWorkspace(const QString &source, const QString &workspace)
{
    if (!QDir().mkpath(workspace))
        return Error{QStringLiteral("cannot create the workspace %1").arg(workspace)};

    WorkspaceCopy copy;
    QStringList names;
    if (const std::optional<QStringList> listed = gitFiles(source)) {
        copy.method = QStringLiteral("git ls-files");
        names = *listed;
    } else {
        copy.method = QStringLiteral("a folder walk");
        const Selection all = selectFiles(source, {QStringLiteral(".")});
        for (const FileEntry &file : all.files)
            names.append(file.path);
        copy.warnings += all.warnings;
    }

    QSet<QString> folders;
    for (const QString &name : names)
        copyEntry(source, workspace, name, folders, copy);
    return copy;
}

} // namespace pw::files
