#pragma once

#include "core/files/restore.h"
#include "core/util/result.h"

#include <QStringList>

namespace pw::gui {

// Copies stored artifacts out of the history's file store, the way `pwctl artifacts get`
// does: the catalog says which stored files make up a job's artifacts, and restoring puts
// them in place. Blocking: call from a worker thread; each call opens its own catalog.

// Copies the artifacts `paths` (all of them when empty) of job `job` of run `runId` below
// `destination`, keeping their paths relative to the job's workspace. Fails when none of
// them is stored (any more); files that could not be written are the report's warnings.
Result<files::RestoreReport> copyArtifacts(const QString &storeLocation, qint64 runId, int job,
                                           const QStringList &paths, const QString &destination);

// Copies one artifact below `folder` and returns the path of the copy, for opening it with
// the system's handler (which needs its real name and a file the store does not own).
Result<QString> copyArtifactForOpening(const QString &storeLocation, qint64 runId, int job,
                                       const QString &path, const QString &folder);

} // namespace pw::gui
