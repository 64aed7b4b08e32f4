#include "triggers.h"

#include "core/expr/globpattern.h"

namespace pw::planner {

namespace {

Result<bool> matchesAnyBranch(const QStringList &patterns, const QString &branch)
{
    for (const QString &pattern : patterns) {
        const Result<expr::GlobPattern> glob = expr::GlobPattern::compile(pattern);
        if (!glob)
            return Error{QStringLiteral("on.branches: ") + glob.error().message};
        if (glob->matches(branch))
            return true;
    }
    return false;
}

} // namespace

Result<QString> notTriggeredReason(const Pipeline &pipeline, const RunContext &context)
{
    const Trigger &on = pipeline.on;
    if (!context.respectTriggers || !on.given)
        return QString();

    if (!on.branches.isEmpty()) {
        const Result<bool> matched = matchesAnyBranch(on.branches, context.branch);
        if (!matched)
            return matched.error();
        if (!*matched) {
            return QStringLiteral("branch '%1' does not match on.branches [%2]")
                .arg(context.branch, on.branches.join(QStringLiteral(", ")));
        }
    }
    if (!on.events.isEmpty() && !on.events.contains(context.event)) {
        return QStringLiteral("event '%1' is not in on.events [%2]")
            .arg(context.event, on.events.join(QStringLiteral(", ")));
    }
    return QString();
}

} // namespace pw::planner
