#pragma once

#include "jobgraph.h"
#include "timeline.h"

namespace pw::timeline {

// Places what is still to come: the expected ends of running jobs (their past duration from
// their start, but not before now) and the bars of jobs still to run. Such a job starts once
// all it waits for has ended, not before now, and when a worker is free; ready jobs take free
// workers longest remaining path first, as the executor does. Jobs that did not run take no
// time and no worker. `workers` of 0 or less: no limit.
void scheduleRemaining(const JobGraph &graph, int workers, Timeline &timeline);

} // namespace pw::timeline
