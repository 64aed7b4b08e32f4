#pragma once

#include "jobgraph.h"
#include "timeline.h"

namespace pw::timeline {

// Finds the chain of jobs, each waiting for the one before, whose lengths (JobBar::lengthMs:
// recorded, elapsed or expected) add up to the most; marks its bars and fills in
// criticalPath and criticalMs. Jobs that did not run are passed through but not listed.
void markCriticalPath(const JobGraph &graph, Timeline &timeline);

} // namespace pw::timeline
