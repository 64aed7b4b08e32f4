#include "gitrepository.h"

#include <QProcess>

namespace pw {

namespace {

constexpr int gitTimeoutMs = 15000;

Result<QString> runGit(const QString &directory, const QStringList &arguments)
{
    QProcess git;
    git.setWorkingDirectory(directory);
    git.setProcessChannelMode(QProcess::SeparateChannels);
    git.start(QStringLiteral("git"), arguments);
    if (!git.waitForStarted(gitTimeoutMs))
        return Result<QString>::failure(
            QStringLiteral("cannot run git: %1").arg(git.errorString()));
    git.closeWriteChannel();
    if (!git.waitForFinished(gitTimeoutMs)) {
        git.kill();
        git.waitForFinished();
        return Result<QString>::failure(QStringLiteral("git %1 did not answer within %2 s")
                                            .arg(arguments.join(QLatin1Char(' ')))
                                            .arg(gitTimeoutMs / 1000));
    }
    if (git.exitStatus() != QProcess::NormalExit || git.exitCode() != 0) {
        return Result<QString>::failure(QString::fromUtf8(git.readAllStandardError()).trimmed());
    }
    return QString::fromUtf8(git.readAllStandardOutput()).trimmed();
}

QStringList nulSeparated(const QString &output)
{
    return output.split(QChar(0), Qt::SkipEmptyParts);
}

} // namespace

Result<GitState> readGitState(const QString &directory)
{
    const auto topLevel =
        runGit(directory, {QStringLiteral("rev-parse"), QStringLiteral("--show-toplevel")});
    if (!topLevel.ok())
        return Result<GitState>::failure(QStringLiteral("%1 is not in a git repository: %2")
                                             .arg(directory, topLevel.error().message));

    GitState state;
    state.topLevel = *topLevel;
    const auto branch = runGit(directory, {QStringLiteral("symbolic-ref"), QStringLiteral("-q"),
                                           QStringLiteral("--short"), QStringLiteral("HEAD")});
    if (branch.ok())
        state.branch = *branch;
    // A repository without commits has a branch but no commit yet.
    const auto commit = runGit(directory, {QStringLiteral("rev-parse"), QStringLiteral("-q"),
                                           QStringLiteral("--verify"), QStringLiteral("HEAD")});
    if (commit.ok())
        state.commit = *commit;
    const auto tag = runGit(
        directory, {QStringLiteral("tag"), QStringLiteral("--points-at"), QStringLiteral("HEAD")});
    if (tag.ok())
        state.tag = tag->section(QLatin1Char('\n'), 0, 0);
    return state;
}

Result<QList<BranchHead>> readBranchHeads(const QString &directory)
{
    const auto output =
        runGit(directory, {QStringLiteral("for-each-ref"),
                           QStringLiteral("--format=%(refname:short) %(objectname)"),
                           QStringLiteral("refs/heads")});
    if (!output.ok())
        return Result<QList<BranchHead>>::failure(output.error().message);

    QList<BranchHead> heads;
    const QStringList lines = output->split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const int space = line.lastIndexOf(QLatin1Char(' '));
        if (space > 0)
            heads.append({line.left(space), line.mid(space + 1)});
    }
    return heads;
}

Result<std::optional<QStringList>> readChangedFiles(const QString &directory, const QString &base)
{
    using Changes = Result<std::optional<QStringList>>;
    const QString revision = base.isEmpty() ? QStringLiteral("HEAD^1") : base;
    const auto commit =
        runGit(directory, {QStringLiteral("rev-parse"), QStringLiteral("-q"),
                           QStringLiteral("--verify"), revision + QStringLiteral("^{commit}")});
    if (!commit.ok() && base.isEmpty())
        return Changes(std::optional<QStringList>());
    if (!commit.ok()) {
        return Changes::failure(QStringLiteral("'%1' is not a commit of the repository holding %2")
                                    .arg(base, directory));
    }

    // Both names of a renamed file changed; NUL-separated names survive any character.
    const auto differing =
        runGit(directory, {QStringLiteral("diff"), QStringLiteral("--name-only"),
                           QStringLiteral("--no-renames"), QStringLiteral("--relative"),
                           QStringLiteral("-z"), *commit, QStringLiteral("--")});
    if (!differing.ok())
        return Changes::failure(QStringLiteral("git diff: ") + differing.error().message);
    const auto untracked =
        runGit(directory, {QStringLiteral("ls-files"), QStringLiteral("--others"),
                           QStringLiteral("--exclude-standard"), QStringLiteral("-z")});
    if (!untracked.ok())
        return Changes::failure(QStringLiteral("git ls-files: ") + untracked.error().message);

    QStringList files = nulSeparated(*differing) + nulSeparated(*untracked);
    files.removeDuplicates();
    return Changes(std::optional<QStringList>(files));
}

} // namespace pw
