#pragma once

#include "core/expr/expression.h"
#include "core/expr/globpattern.h"

#include <QList>
#include <QRegularExpression>

namespace pw::expr::native {

// A part of a parsed condition. Every value is a string; comparisons and the logical
// operators yield "true" or "false".
class Node
{
public:
    virtual ~Node() = default;
    virtual Result<QString> evaluate(const EvalContext &context) const = 0;
};

using NodePtr = std::shared_ptr<const Node>;

// The fields of the run a condition can name directly.
enum class Field { Branch, Event, Commit, Tag };

// Whether a value used as a condition holds: it is not empty, "false" or "0".
bool isTruthy(const QString &value);

NodePtr makeLiteral(const QString &value);
NodePtr makeField(Field field);
// `vars.NAME`; an unset variable is the empty string.
NodePtr makeVariable(const QString &name);
NodePtr makeNot(NodePtr operand);
// `a && b && ...`, checking the operands in order and stopping at the first false one.
NodePtr makeAll(QList<NodePtr> operands);
// `a || b || ...`, checking the operands in order and stopping at the first true one.
NodePtr makeAny(QList<NodePtr> operands);
NodePtr makeEquals(NodePtr left, NodePtr right, bool negated);
// `subject =~ /regex/` with a regex compiled while parsing; true when it matches anywhere.
NodePtr makeMatch(NodePtr subject, const QRegularExpression &regex, bool negated);
// `subject =~ pattern` where the pattern is only known when evaluating; `source` names it
// in the error for an invalid one.
NodePtr makeMatch(NodePtr subject, NodePtr pattern, const QString &source, bool negated);
NodePtr makeIn(NodePtr subject, QList<NodePtr> items);
NodePtr makeGlob(NodePtr subject, const GlobPattern &pattern);
NodePtr makeGlob(NodePtr subject, NodePtr pattern, const QString &source);

// The condition handed out by parseCondition: `root` judged with isTruthy.
ExpressionPtr makeCondition(NodePtr root, const QString &text);

} // namespace pw::expr::native
