#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>

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

} // namespace pw
