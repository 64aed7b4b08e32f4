#pragma once

#include "core/util/result.h"
#include "plan.h"

#include <QHash>

namespace pw {

struct PlanOptions
{
    // The last recorded duration of each job by display name, to weigh the critical path.
    QHash<QString, qint64> lastDurationsMs;
};

// Expands matrices, resolves needs to job instances, evaluates conditions for `context`,
// marks what will be skipped and why, and computes each job's critical-path priority.
// Fails, with a message naming the place in the file, when a condition cannot be evaluated
// or a branch pattern of `on:` is not a valid glob; and, instead of crashing, on what the
// loader should have rejected: a need of a missing job, of a later stage or of itself, a
// cycle of needs, a matrix filter matching nothing, an empty or oversized matrix.
Result<Plan> makePlan(std::shared_ptr<const Pipeline> pipeline, const RunContext &context,
                      const PlanOptions &options = {});

// The plan as text for `pwctl plan`: stages, jobs, edges, and the skips with their reasons.
QString describePlan(const Plan &plan);

} // namespace pw
