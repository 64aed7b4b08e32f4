#pragma once

#include "core/store/runstore.h"

#include <QList>
#include <QMap>
#include <QPointF>

namespace pw::gui {

// The figures the history charts draw, from a pipeline's recent runs (oldest first). Times
// on x are milliseconds since the epoch, as QDateTimeAxis takes them.

// Each run that ended with a start and an end time, at its start, with its duration in
// seconds, by how it ended.
QMap<RunStatus, QList<QPointF>> durationPoints(const QList<RunTrendPoint> &runs);

// Per local day with ended runs, at that day's midnight, the percentage of them that
// succeeded. Cancelled runs count neither way: someone chose to stop them.
QList<QPointF> passRateByDay(const QList<RunTrendPoint> &runs);

// Per local day whose runs looked up caches, the percentage of those lookups that found an
// entry for their exact key. Empty when no run of the window used a cache.
QList<QPointF> cacheHitRateByDay(const QList<RunTrendPoint> &runs);

// Whether a run of `status` has ended.
bool hasEnded(RunStatus status);

} // namespace pw::gui
