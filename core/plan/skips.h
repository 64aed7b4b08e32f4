#pragma once

#include "core/util/result.h"
#include "plan.h"

namespace pw::planner {

// "condition false" when the stage's `if:` is false for the run, else an empty string.
// Conditions see the pipeline's variables with the run's on top.
Result<QString> stageSkipReason(const Plan &plan, const PlannedStage &stage);

// Why `job` will not run on its own account: "when: never", or "condition false" when its
// `if:` is false; else an empty string. `conditionVariables` are what its `if:` sees.
Result<QString> jobSkipReason(const Plan &plan, const PlannedJob &job,
                              const Variables &conditionVariables);

// Skips every job that needs a skipped job ("needs skipped job <name>"), transitively, then
// every stage whose jobs are all skipped. `order` lists each job after the jobs it needs.
void cascadeSkips(Plan &plan, const QList<int> &order);

} // namespace pw::planner
