#pragma once

#include "timeline.h"

namespace pw::timeline {

// Offsets are kept within about 35 years of the run's start, so that sums over any run stay
// in range whatever the recorded times say.
inline constexpr qint64 kMaxOffsetMs = qint64(1) << 50;

// Fills in what the run recorded: the origin, now (never before a recorded time), and per job
// its kind, status, stage and recorded times with its attempts. Running jobs end at now;
// estimated and not-run jobs keep their times at 0 for the schedule to place.
void placeRecordedBars(const RunRecord &run, const TimelineInputs &inputs, Timeline &timeline);

} // namespace pw::timeline
