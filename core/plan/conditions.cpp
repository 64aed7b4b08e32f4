#include "conditions.h"

#include "planerror.h"

namespace pw::planner {

expr::EvalContext evalContext(const RunContext &context, const Variables &variables)
{
    expr::EvalContext eval;
    eval.branch = context.branch;
    eval.event = context.event;
    eval.commit = context.commit;
    eval.tag = context.tag;
    eval.variables.reserve(variables.size());
    for (const Variable &variable : variables)
        eval.variables.insert(variable.name, variable.value);
    return eval;
}

Result<bool> evaluateCondition(const Condition &condition, const expr::EvalContext &context,
                               const QString &owner)
{
    // The loader parses every condition; one that was not is a fault to report, not to guess.
    if (!condition.expression) {
        return planError(
            condition.location,
            QStringLiteral("%1: the condition '%2' was not parsed").arg(owner, condition.text));
    }

    Result<bool> value = condition.expression->evaluate(context);
    if (!value) {
        return planError(condition.location,
                         QStringLiteral("%1: cannot evaluate the condition '%2': %3")
                             .arg(owner, condition.text, value.error().message));
    }
    return value;
}

} // namespace pw::planner
