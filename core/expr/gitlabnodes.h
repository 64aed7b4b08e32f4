#pragma once

#include "core/expr/expression.h"
#include "core/expr/gitlabvalue.h"

#include <QList>

namespace pw::expr::gitlab {

// A part of a parsed rules:if expression.
class Node
{
public:
    virtual ~Node() = default;
    virtual Result<Value> evaluate(const EvalContext &context) const = 0;
};

using NodePtr = std::shared_ptr<const Node>;

NodePtr makeLiteral(const Value &value);
// `$NAME`: the variable's value, or nil when it is not defined.
NodePtr makeVariable(const QString &name);
NodePtr makeEquals(NodePtr left, NodePtr right, bool negated);
// `subject =~ pattern`, true when the pattern is found anywhere in the subject's text. A
// pattern that evaluates to nil or false matches nothing; a string must read /pattern/flags.
// `source` names the pattern in the error for one that does not.
NodePtr makeMatch(NodePtr subject, NodePtr pattern, const QString &source, bool negated);
// `a && b && ...` as Ruby evaluates it: the first operand that is not truthy, else the last.
NodePtr makeAll(QList<NodePtr> operands);
// `a || b || ...` as Ruby evaluates it: the first truthy operand, else the last.
NodePtr makeAny(QList<NodePtr> operands);

// The condition handed out by parseGitLabRule: true when `root`'s value is present.
ExpressionPtr makeRule(NodePtr root, const QString &text);

} // namespace pw::expr::gitlab
