#pragma once

#include <QHash>
#include <QPointF>
#include <QString>

namespace pw::gui {

// Where the user pinned the nodes of a pipeline file's graph, kept from one session to the
// next in the app's settings, keyed by the file's canonical path. Not in the file, which
// stays byte for byte as written, and not in a file beside it: a layout is one person's
// view of the pipeline, which a sidecar would put in front of everyone who clones the
// repository (or into .gitignore) and into merge conflicts. Only the files pinned most
// recently are kept, so the settings stay small.
namespace pinnedPositions {

// The pins kept for the file at `path`, by job name; none when there are none or the
// settings hold something else.
QHash<QString, QPointF> load(const QString &path);
// Keeps `pins` for the file at `path`, as the most recent; no pins forget the file.
void save(const QString &path, const QHash<QString, QPointF> &pins);

} // namespace pinnedPositions

} // namespace pw::gui
