#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace pw {

// What a run needs to know of the git repository around a pipeline file.
struct GitState
{
    QString topLevel;
    QString branch; // empty on a detached HEAD
    QString commit;
    QString tag; // a tag pointing at HEAD, if any
};

struct BranchHead
{
    QString branch;
    QString commit;
};

// Reads the state of the repository holding `directory`. Runs `git` and waits for it:
// fine for the command line and worker threads, not for the GUI thread.
Result<GitState> readGitState(const QString &directory);

// Every local branch and the commit it points at.
Result<QList<BranchHead>> readBranchHeads(const QString &directory);

// The files a run of the working tree in `directory` changes compared with `base` (a commit,
// branch or tag): those that differ from it, committed or not, and the untracked files git
// does not ignore; only those inside `directory`, relative to it. An empty `base` means the
// first parent of HEAD, and gives std::nullopt when there is none (a first commit, or no
// commit yet): like a new branch in GitLab, the run then has nothing to compare with.
// Fails when `base` is not a commit of the repository.
Result<std::optional<QStringList>> readChangedFiles(const QString &directory, const QString &base);

} // namespace pw
