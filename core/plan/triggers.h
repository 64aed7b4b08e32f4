#pragma once

#include "core/model/pipeline.h"
#include "core/util/result.h"
#include "runcontext.h"

namespace pw::planner {

// Why `on:` says this run should not happen, or an empty string when it may. `on:` only
// counts when the pipeline gives it and the run respects it (RunContext::respectTriggers).
// Branches match as globs (expr::GlobPattern); an empty list of branches or events allows
// any. Fails when a branch pattern is not a valid glob.
Result<QString> notTriggeredReason(const Pipeline &pipeline, const RunContext &context);

} // namespace pw::planner
