#pragma once

#include "core/expr/expression.h"
#include "core/model/pipeline.h"
#include "runcontext.h"

namespace pw::planner {

// What an `if:` sees: the run's branch, event, commit and tag, and `variables` (a later
// declaration of a name wins).
expr::EvalContext evalContext(const RunContext &context, const Variables &variables);

// The value of `condition` for `owner` ("stage 'deploy'", "job 'e2e: [chrome, linux]'"). On
// failure the message names the owner, the condition and the place it is written.
Result<bool> evaluateCondition(const Condition &condition, const expr::EvalContext &context,
                               const QString &owner);

} // namespace pw::planner
