#pragma once

#include "core/util/result.h"

#include <QStringList>

namespace pw::files {

// What copying a source tree into a workspace did.
struct WorkspaceCopy
{
    int files = 0;
    int links = 0;
    qint64 bytes = 0;
    int reflinked = 0;
    // "git ls-files" or "a folder walk"
    QString method;
    QStringList warnings;
};

// Copies the source tree `source` into the new folder `workspace`: the files git tracks plus
// the untracked ones it does not ignore (`git ls-files -co --exclude-standard`), or every
// file when `source` is not in a git work tree. Files are reflinked where the file system
// allows and copied otherwise, never hard-linked, since jobs may change them in place.
// Symbolic links are recreated when they stay inside the tree and skipped otherwise.
Result<WorkspaceCopy> makeWorkspace(const QString &source, const QString &workspace);

} // namespace pw::files
