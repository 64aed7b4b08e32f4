#pragma once

#include "timeline.h"

namespace pw::timeline {

// Sets each bar's expected duration and its source: a finished job's own, else the job's
// past duration, else a guess (the median of the durations known from this run and its
// history), else none. Past durations are capped (about 35 years) and negative ones ignored.
void assignExpectedDurations(const RunRecord &run, const TimelineInputs &inputs,
                             Timeline &timeline);

} // namespace pw::timeline
