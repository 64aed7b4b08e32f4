#include "filewalk.h"

#include "core/expr/globpattern.h"
#include "safepath.h"

#include <QFile>
#include <QSet>

#include <dirent.h>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace pw::files {

namespace {

// Bounds on what one selection may walk, so that a pathological tree cannot exhaust memory.
constexpr int maxDepth = 256;
constexpr qsizetype maxFiles = 2'000'000;

// True when `path` or one of the folders it is in matches `pattern`.
bool matchesOrIsUnder(const expr::GlobPattern &pattern, QString path)
{
    for (;;) {
        if (pattern.matches(path))
            return true;
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash < 0)
            return false;
        path.truncate(slash);
    }
}

bool isGlob(const QString &pattern)
{
    for (const QChar c : pattern) {
        if (c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('['))
            return true;
    }
    return false;
}

QString normalized(QString pattern)
{
    while (pattern.startsWith(QLatin1String("./")))
        pattern = pattern.mid(2);
    while (pattern.endsWith(QLatin1Char('/')))
        pattern.chop(1);
    return pattern == QLatin1String(".") ? QString() : pattern;
}

class Walker
{
public:
    Walker(const QString &root, const QStringList &exclude, Selection &selection)
        : m_root(root)
        , m_selection(selection)
    {
        for (const QString &pattern : exclude) {
            const QString problem = patternProblem(pattern);
            auto compiled = expr::GlobPattern::compile(normalized(pattern));
            if (!problem.isEmpty() || !compiled) {
                warn(QStringLiteral("exclude pattern '%1' ignored: %2")
                         .arg(pattern, problem.isEmpty() ? compiled.error().message : problem));
                continue;
            }
            m_exclude.append(*compiled);
        }
    }

    void addPattern(const QString &pattern);

private:
    void addLiteral(const QString &path, const QString &pattern);
    void addGlob(const QString &pattern);
    // Adds `path` (relative) of the kind `info` says; folders with all they hold.
    void addEntry(const QString &path, const struct stat &info);
    void walk(const QString &folder,
              const std::function<void(const QString &, const struct stat &)> &visit);
    bool excluded(const QString &path) const;
    QString throughLink(const QString &path) const;
    void warn(const QString &text) { m_selection.warnings.append(text); }
    QByteArray absolute(const QString &path) const
    {
        return QFile::encodeName(path.isEmpty() ? m_root : m_root + QLatin1Char('/') + path);
    }

    QString m_root;
    Selection &m_selection;
    QList<expr::GlobPattern> m_exclude;
    QSet<QString> m_seen;
    bool m_full = false;
};

void Walker::addPattern(const QString &pattern)
{
    const QString problem = patternProblem(pattern);
    if (!problem.isEmpty()) {
        warn(QStringLiteral("path '%1' refused: it %2").arg(pattern, problem));
        return;
    }
    const QString path = normalized(pattern);
    if (isGlob(path))
        addGlob(path);
    else
        addLiteral(path, pattern);
}

QString Walker::throughLink(const QString &path) const
{
    // The first folder on the way to `path` that is a symbolic link, or empty.
    const QStringList parts = path.split(QLatin1Char('/'));
    QString prefix;
    for (int i = 0; i + 1 < parts.size(); ++i) {
        prefix += (i ? QStringLiteral("/") : QString()) + parts[i];
        struct stat info;
        if (::lstat(absolute(prefix).constData(), &info) == 0 && S_ISLNK(info.st_mode))
            return prefix;
    }
    return QString();
}

void Walker::addLiteral(const QString &path, const QString &pattern)
{
    if (const QString link = throughLink(path); !link.isEmpty()) {
        warn(QStringLiteral("path '%1' refused: it passes through the symbolic link '%2', "
                            "which is not followed")
                 .arg(pattern, link));
        return;
    }
    struct stat info;
    if (::lstat(absolute(path).constData(), &info) != 0) {
        warn(QStringLiteral("path '%1' matched nothing").arg(pattern));
        return;
    }
    addEntry(path, info);
}

void Walker::addGlob(const QString &pattern)
{
    auto compiled = expr::GlobPattern::compile(pattern);
    if (!compiled) {
        warn(QStringLiteral("path '%1' refused: %2").arg(pattern, compiled.error().message));
        return;
    }

    // Walk from the deepest folder the pattern names literally.
    QStringList base;
    for (const QString &part : pattern.split(QLatin1Char('/'))) {
        if (isGlob(part))
            break;
        base.append(part);
    }
    const QString start = base.join(QLatin1Char('/'));
    if (!start.isEmpty() && !throughLink(start + QStringLiteral("/x")).isEmpty()) {
        warn(QStringLiteral("path '%1' refused: it passes through a symbolic link").arg(pattern));
        return;
    }

    const qsizetype before = m_selection.files.size();
    // A folder that matches brings everything below it; the walk gets there by itself.
    walk(start, [&](const QString &path, const struct stat &info) {
        if (!S_ISDIR(info.st_mode) && matchesOrIsUnder(*compiled, path))
            addEntry(path, info);
    });
    if (m_selection.files.size() == before)
        warn(QStringLiteral("path '%1' matched nothing").arg(pattern));
}

void Walker::addEntry(const QString &path, const struct stat &info)
{
    if (excluded(path) || m_seen.contains(path))
        return;
    if (m_selection.files.size() >= maxFiles) {
        if (!m_full)
            warn(
                QStringLiteral("more than %1 files selected; the rest are left out").arg(maxFiles));
        m_full = true;
        return;
    }

    if (S_ISDIR(info.st_mode)) {
        walk(path, [this](const QString &inner, const struct stat &innerInfo) {
            if (!S_ISDIR(innerInfo.st_mode))
                addEntry(inner, innerInfo);
        });
        return;
    }
    m_seen.insert(path);
    if (S_ISREG(info.st_mode)) {
        m_selection.files.append(
            {path, qint64(info.st_size), QString(), (info.st_mode & S_IXUSR) != 0, QString()});
        return;
    }
    if (!S_ISLNK(info.st_mode)) {
        warn(QStringLiteral("'%1' skipped: not a regular file, folder or link").arg(path));
        return;
    }

    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t length =
        ::readlink(absolute(path).constData(), target.data(), size_t(target.size()));
    const QString text = length > 0 ? QFile::decodeName(target.left(length)) : QString();
    const QString problem =
        length > 0 ? linkTargetProblem(path, text) : QStringLiteral("cannot be read");
    if (!problem.isEmpty()) {
        warn(QStringLiteral("symbolic link '%1' skipped, not followed: it %2").arg(path, problem));
        return;
    }
    m_selection.files.append({path, 0, QString(), false, text});
}

void Walker::walk(const QString &folder,
                  const std::function<void(const QString &, const struct stat &)> &visit)
{
    // Breadth first with an explicit list, so that depth costs no stack.
    QList<std::pair<QString, int>> pending{{folder, 0}};
    while (!pending.isEmpty()) {
        const auto [current, depth] = pending.takeLast();
        DIR *dir = ::opendir(absolute(current).constData());
        if (!dir) {
            warn(QStringLiteral("cannot read the folder '%1'").arg(current));
            continue;
        }
        while (const dirent *entry = ::readdir(dir)) {
            const QByteArray name(entry->d_name);
            if (name == "." || name == "..")
                continue;
            struct stat info;
            if (::fstatat(::dirfd(dir), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            const QString path = current.isEmpty()
                                     ? QFile::decodeName(name)
                                     : current + QLatin1Char('/') + QFile::decodeName(name);
            visit(path, info);
            if (S_ISDIR(info.st_mode) && !excluded(path)) {
                if (depth + 1 < maxDepth)
                    pending.append({path, depth + 1});
                else
                    warn(QStringLiteral("'%1' is nested too deep; not walked").arg(path));
            }
        }
        ::closedir(dir);
    }
}

bool Walker::excluded(const QString &path) const
{
    // A pattern that names a folder excludes everything below it.
    for (const expr::GlobPattern &pattern : m_exclude) {
        if (matchesOrIsUnder(pattern, path))
            return true;
    }
    return false;
}

} // namespace

Selection selectFiles(const QString &root, const QStringList &patterns, const QStringList &exclude)
{
    Selection selection;
    Walker walker(root, exclude, selection);
    for (const QString &pattern : patterns)
        walker.addPattern(pattern);
    return selection;
}

} // namespace pw::files
