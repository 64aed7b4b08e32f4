#pragma once

#include <QString>

namespace pw::files {

// Why `name` may not be kept or restored as a path inside a folder, or an empty text when
// it may: it must be relative, use `/` only, and never name `..`, `.` or an empty part.
QString storedNameProblem(const QString &name);

// Why a pattern of `paths` or `exclude` may not be used inside a workspace, or empty.
QString patternProblem(const QString &pattern);

// Why the symbolic link `linkPath` (relative to the root) with the text `target` would lead
// outside the root, or empty when it stays inside. Judged on the text alone, since the link
// is never followed.
QString linkTargetProblem(const QString &linkPath, const QString &target);

} // namespace pw::files
