#pragma once

#include "plan.h"
#include "planner.h"

namespace pw::planner {

// Sets each job's priority to the longest path from its start to the end of the run. A job's
// weight is its last duration by display name, else by the name of its job in the file, else
// 1 ms; a skipped job weighs nothing. A job is followed by the jobs that need it and, unless
// they give `needs`, by every job of all later stages. `order` lists each job after the jobs
// it waits for, stage by stage.
void computePriorities(Plan &plan, const QList<int> &order, const PlanOptions &options);

} // namespace pw::planner
