#include "nativenodes.h"

#include "exprlimits.h"
#include "exprlog.h"

namespace pw::expr::native {

namespace {

QString fromBool(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

class Literal : public Node
{
public:
    explicit Literal(const QString &value)
        : m_value(value)
    {}
    Result<QString> evaluate(const EvalContext &) const override { return m_value; }

private:
    QString m_value;
};

class FieldValue : public Node
{
public:
    explicit FieldValue(Field field)
        : m_field(field)
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        switch (m_field) {
        case Field::Branch:
            return context.branch;
        case Field::Event:
            return context.event;
        case Field::Commit:
            return context.commit;
        case Field::Tag:
            return context.tag;
        }
        return QString();
    }

private:
    Field m_field;
};

class Variable : public Node
{
public:
    explicit Variable(const QString &name)
        : m_name(name)
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        return context.variables.value(m_name);
    }

private:
    QString m_name;
};

class Not : public Node
{
public:
    explicit Not(NodePtr operand)
        : m_operand(std::move(operand))
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        const Result<QString> value = m_operand->evaluate(context);
        if (!value)
            return value;
        return fromBool(!isTruthy(*value));
    }

private:
    NodePtr m_operand;
};

// `&&` and `||` over any number of operands, so that a long chain is a flat list and not a
// tree as deep as the chain is long.
class Chain : public Node
{
public:
    Chain(QList<NodePtr> operands, bool decisive)
        : m_operands(std::move(operands))
        , m_decisive(decisive)
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        for (const NodePtr &operand : m_operands) {
            const Result<QString> value = operand->evaluate(context);
            if (!value)
                return value;
            if (isTruthy(*value) == m_decisive)
                return fromBool(m_decisive);
        }
        return fromBool(!m_decisive);
    }

private:
    QList<NodePtr> m_operands;
    bool m_decisive; // the operand value that settles the chain: false for &&, true for ||
};

class Equals : public Node
{
public:
    Equals(NodePtr left, NodePtr right, bool negated)
        : m_left(std::move(left))
        , m_right(std::move(right))
        , m_negated(negated)
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        const Result<QString> left = m_left->evaluate(context);
        if (!left)
            return left;
        const Result<QString> right = m_right->evaluate(context);
        if (!right)
            return right;
        return fromBool((*left == *right) != m_negated);
    }

private:
    NodePtr m_left;
    NodePtr m_right;
    bool m_negated;
};

class Match : public Node
{
public:
    Match(NodePtr subject, NodePtr pattern, std::optional<QRegularExpression> regex,
          const QString &source, bool negated)
        : m_subject(std::move(subject))
        , m_pattern(std::move(pattern))
        , m_regex(std::move(regex))
        , m_source(source)
        , m_negated(negated)
    {}

    Result<QString> evaluate(const EvalContext &context) const override;

private:
    Result<QRegularExpression> regexFor(const EvalContext &context) const;

    NodePtr m_subject;
    NodePtr m_pattern;
    std::optional<QRegularExpression> m_regex;
    QString m_source;
    bool m_negated;
};

Result<QString> Match::evaluate(const EvalContext &context) const
{
    const Result<QString> subject = m_subject->evaluate(context);
    if (!subject)
        return subject;
    const Result<QRegularExpression> regex = regexFor(context);
    if (!regex)
        return regex.error();
    return fromBool(regex->match(*subject).hasMatch() != m_negated);
}

Result<QRegularExpression> Match::regexFor(const EvalContext &context) const
{
    if (m_regex)
        return *m_regex;

    const Result<QString> pattern = m_pattern->evaluate(context);
    if (!pattern)
        return pattern.error();
    QRegularExpression regex(*pattern);
    if (!regex.isValid()) {
        return Error{QStringLiteral("%1 holds \"%2\", which is not a valid regular "
                                    "expression: %3 at position %4")
                         .arg(m_source, quoteForMessage(*pattern), regex.errorString())
                         .arg(regex.patternErrorOffset())};
    }
    return regex;
}

class In : public Node
{
public:
    In(NodePtr subject, QList<NodePtr> items)
        : m_subject(std::move(subject))
        , m_items(std::move(items))
    {}

    Result<QString> evaluate(const EvalContext &context) const override
    {
        const Result<QString> subject = m_subject->evaluate(context);
        if (!subject)
            return subject;
        for (const NodePtr &item : m_items) {
            const Result<QString> value = item->evaluate(context);
            if (!value)
                return value;
            if (*value == *subject)
                return fromBool(true);
        }
        return fromBool(false);
    }

private:
    NodePtr m_subject;
    QList<NodePtr> m_items;
};

class Glob : public Node
{
public:
    Glob(NodePtr subject, NodePtr pattern, std::optional<GlobPattern> glob, const QString &source)
        : m_subject(std::move(subject))
        , m_pattern(std::move(pattern))
        , m_glob(std::move(glob))
        , m_source(source)
    {}

    Result<QString> evaluate(const EvalContext &context) const override;

private:
    NodePtr m_subject;
    NodePtr m_pattern;
    std::optional<GlobPattern> m_glob;
    QString m_source;
};

Result<QString> Glob::evaluate(const EvalContext &context) const
{
    const Result<QString> subject = m_subject->evaluate(context);
    if (!subject)
        return subject;
    if (m_glob)
        return fromBool(m_glob->matches(*subject));

    const Result<QString> pattern = m_pattern->evaluate(context);
    if (!pattern)
        return pattern;
    const Result<GlobPattern> glob = GlobPattern::compile(*pattern);
    if (!glob)
        return Error{QStringLiteral("%1: %2").arg(m_source, glob.error().message)};
    return fromBool(glob->matches(*subject));
}

class Condition : public Expression
{
public:
    Condition(NodePtr root, const QString &text)
        : m_root(std::move(root))
        , m_text(text)
    {}

    Result<bool> evaluate(const EvalContext &context) const override
    {
        const Result<QString> value = m_root->evaluate(context);
        if (!value) {
            qCDebug(lcExpr) << "condition" << m_text << "failed:" << value.error().message;
            return value.error();
        }
        qCDebug(lcExpr) << "condition" << m_text << "is" << isTruthy(*value);
        return isTruthy(*value);
    }

private:
    NodePtr m_root;
    QString m_text;
};

} // namespace

bool isTruthy(const QString &value)
{
    return !value.isEmpty() && value != u"false" && value != u"0";
}

NodePtr makeLiteral(const QString &value)
{
    return std::make_shared<Literal>(value);
}

NodePtr makeField(Field field)
{
    return std::make_shared<FieldValue>(field);
}

NodePtr makeVariable(const QString &name)
{
    return std::make_shared<Variable>(name);
}

NodePtr makeNot(NodePtr operand)
{
    return std::make_shared<Not>(std::move(operand));
}

NodePtr makeAll(QList<NodePtr> operands)
{
    return std::make_shared<Chain>(std::move(operands), false);
}

NodePtr makeAny(QList<NodePtr> operands)
{
    return std::make_shared<Chain>(std::move(operands), true);
}

NodePtr makeEquals(NodePtr left, NodePtr right, bool negated)
{
    return std::make_shared<Equals>(std::move(left), std::move(right), negated);
}

NodePtr makeMatch(NodePtr subject, const QRegularExpression &regex, bool negated)
{
    return std::make_shared<Match>(std::move(subject), nullptr, regex, QString(), negated);
}

NodePtr makeMatch(NodePtr subject, NodePtr pattern, const QString &source, bool negated)
{
    return std::make_shared<Match>(std::move(subject), std::move(pattern), std::nullopt, source,
                                   negated);
}

NodePtr makeIn(NodePtr subject, QList<NodePtr> items)
{
    return std::make_shared<In>(std::move(subject), std::move(items));
}

NodePtr makeGlob(NodePtr subject, const GlobPattern &pattern)
{
    return std::make_shared<Glob>(std::move(subject), nullptr, pattern, QString());
}

NodePtr makeGlob(NodePtr subject, NodePtr pattern, const QString &source)
{
    return std::make_shared<Glob>(std::move(subject), std::move(pattern), std::nullopt, source);
}

ExpressionPtr makeCondition(NodePtr root, const QString &text)
{
    return std::make_shared<Condition>(std::move(root), text);
}

} // namespace pw::expr::native
