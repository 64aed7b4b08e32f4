#pragma once

#include "manifest.h"

#include <QStringList>

namespace pw::files {

// The files of a folder that a list of patterns selects, without their content.
struct Selection
{
    Manifest files; // digests still empty
    // For the job's log: patterns and links that were refused, and why.
    QStringList warnings;
};

// Selects the files under `root` that `patterns` name, minus those `exclude` names. A
// pattern is a path (a folder takes everything below it) or a glob (`*`, `**`, `?`, `[...]`,
// see expr::GlobPattern). Symbolic links are never followed: a link whose text stays inside
// `root` is kept as a link, any other is skipped with a warning, and a pattern that passes
// through a link is refused. Patterns that climb out of `root` are refused.
Selection selectFiles(const QString &root, const QStringList &patterns,
                      const QStringList &exclude = {});

} // namespace pw::files
