#include "gitlabnodes.h"

#include "exprlimits.h"
#include "exprlog.h"

namespace pw::expr::gitlab {

namespace {

class Literal : public Node
{
public:
    explicit Literal(const Value &value)
        : m_value(value)
    {}
    Result<Value> evaluate(const EvalContext &) const override { return m_value; }

private:
    Value m_value;
};

class Variable : public Node
{
public:
    explicit Variable(const QString &name)
        : m_name(name)
    {}

    Result<Value> evaluate(const EvalContext &context) const override
    {
        const auto found = context.variables.constFind(m_name);
        if (found == context.variables.constEnd())
            return Value::null();
        return Value::string(*found);
    }

private:
    QString m_name;
};

class Equals : public Node
{
public:
    Equals(NodePtr left, NodePtr right, bool negated)
        : m_left(std::move(left))
        , m_right(std::move(right))
        , m_negated(negated)
    {}

    Result<Value> evaluate(const EvalContext &context) const override
    {
        const Result<Value> left = m_left->evaluate(context);
        if (!left)
            return left;
        const Result<Value> right = m_right->evaluate(context);
        if (!right)
            return right;
        return Value::boolean((*left == *right) != m_negated);
    }

private:
    NodePtr m_left;
    NodePtr m_right;
    bool m_negated;
};

class Match : public Node
{
public:
    Match(NodePtr subject, NodePtr pattern, const QString &source, bool negated)
        : m_subject(std::move(subject))
        , m_pattern(std::move(pattern))
        , m_source(source)
        , m_negated(negated)
    {}

    Result<Value> evaluate(const EvalContext &context) const override;

private:
    Result<RegexPtr> regexFor(const Value &pattern) const;

    NodePtr m_subject;
    NodePtr m_pattern;
    QString m_source;
    bool m_negated;
};

Result<Value> Match::evaluate(const EvalContext &context) const
{
    const Result<Value> subject = m_subject->evaluate(context);
    if (!subject)
        return subject;
    const Result<Value> pattern = m_pattern->evaluate(context);
    if (!pattern)
        return pattern;

    // GitLab does not match against a missing pattern: =~ is false and !~ true.
    if (!pattern->isTruthy())
        return Value::boolean(m_negated);

    const Result<RegexPtr> regex = regexFor(*pattern);
    if (!regex)
        return regex.error();
    const bool found = (*regex)->expression.match(subject->toText()).hasMatch();
    return Value::boolean(found != m_negated);
}

// The regex a pattern value stands for. Variables hold strings, so a string written
// /pattern/flags is compiled here, each time, as its value may change between runs.
Result<RegexPtr> Match::regexFor(const Value &pattern) const
{
    if (pattern.kind() == Value::Kind::Regex)
        return pattern.regex();

    const QString op = m_negated ? QStringLiteral("!~") : QStringLiteral("=~");
    if (pattern.kind() == Value::Kind::String) {
        const auto regex = regexFromString(pattern.toText());
        if (regex && !*regex)
            return Error{QStringLiteral("%1 on the right of %2: %3")
                             .arg(m_source, op, regex->error().message)};
        if (regex)
            return regex->value();
    }
    return Error{QStringLiteral("the right-hand side of %1 must be a regular expression "
                                "written /pattern/, but %2 is \"%3\"")
                     .arg(op, m_source, quoteForMessage(pattern.toText()))};
}

// `&&` and `||` over any number of operands, so that a long chain is a flat list and not a
// tree as deep as the chain is long. Like Ruby's, they yield an operand, not a boolean.
class Chain : public Node
{
public:
    Chain(QList<NodePtr> operands, bool stopWhenTruthy)
        : m_operands(std::move(operands))
        , m_stopWhenTruthy(stopWhenTruthy)
    {}

    Result<Value> evaluate(const EvalContext &context) const override
    {
        Result<Value> value = Value::null();
        for (const NodePtr &operand : m_operands) {
            value = operand->evaluate(context);
            if (!value || value->isTruthy() == m_stopWhenTruthy)
                return value;
        }
        return value;
    }

private:
    QList<NodePtr> m_operands;
    bool m_stopWhenTruthy; // true for ||, false for &&
};

class Rule : public Expression
{
public:
    Rule(NodePtr root, const QString &text)
        : m_root(std::move(root))
        , m_text(text)
    {}

    Result<bool> evaluate(const EvalContext &context) const override
    {
        const Result<Value> value = m_root->evaluate(context);
        if (!value) {
            qCDebug(lcExpr) << "rule" << m_text << "failed:" << value.error().message;
            return value.error();
        }
        qCDebug(lcExpr) << "rule" << m_text << "is" << value->isPresent();
        return value->isPresent();
    }

private:
    NodePtr m_root;
    QString m_text;
};

} // namespace

NodePtr makeLiteral(const Value &value)
{
    return std::make_shared<Literal>(value);
}

NodePtr makeVariable(const QString &name)
{
    return std::make_shared<Variable>(name);
}

NodePtr makeEquals(NodePtr left, NodePtr right, bool negated)
{
    return std::make_shared<Equals>(std::move(left), std::move(right), negated);
}

NodePtr makeMatch(NodePtr subject, NodePtr pattern, const QString &source, bool negated)
{
    return std::make_shared<Match>(std::move(subject), std::move(pattern), source, negated);
}

NodePtr makeAll(QList<NodePtr> operands)
{
    return std::make_shared<Chain>(std::move(operands), false);
}

NodePtr makeAny(QList<NodePtr> operands)
{
    return std::make_shared<Chain>(std::move(operands), true);
}

ExpressionPtr makeRule(NodePtr root, const QString &text)
{
    return std::make_shared<Rule>(std::move(root), text);
}

} // namespace pw::expr::gitlab
