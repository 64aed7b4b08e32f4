#pragma once

#include <QList>
#include <QString>

namespace pw::gui {

// A mark on the time axis of a run, in milliseconds from the run's start.
struct AxisTick
{
    qint64 atMs = 0;
    QString label;
};

// The step between ticks: the smallest round step (1 s, 2 s, 5 s ... 1 h ... 1 d) that puts
// ticks at least `minSpacingPx` apart at `pixelsPerMs`.
qint64 tickStepMs(double pixelsPerMs, int minSpacingPx);

// Ticks from 0 to `spanMs` inclusive of the last step past it; at most a few thousand.
QList<AxisTick> axisTicks(qint64 spanMs, double pixelsPerMs, int minSpacingPx);

// "0", "45s", "2m", "2m 30s", "1h 05m": an offset from the run's start, for tick labels.
QString offsetLabel(qint64 ms);

} // namespace pw::gui
