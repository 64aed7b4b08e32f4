#pragma once

#include "core/expr/expression.h"
#include "core/plan/plan.h"

#include <QStringList>

#include <memory>

namespace pw::test {

// A condition that always gives the same value (or error), so that planner tests do not
// depend on the expression parser. It remembers what it was evaluated with.
class FixedExpression : public expr::Expression
{
public:
    explicit FixedExpression(Result<bool> value)
        : m_value(std::move(value))
    {}

    Result<bool> evaluate(const expr::EvalContext &context) const override
    {
        m_lastContext = context;
        return m_value;
    }

    const expr::EvalContext &lastContext() const { return m_lastContext; }

private:
    Result<bool> m_value;
    mutable expr::EvalContext m_lastContext;
};

// A condition true when the variable `name` has `value`; an error when it is not set.
class VariableIs : public expr::Expression
{
public:
    VariableIs(QString name, QString value)
        : m_name(std::move(name))
        , m_value(std::move(value))
    {}

    Result<bool> evaluate(const expr::EvalContext &context) const override
    {
        if (!context.variables.contains(m_name))
            return Error{QStringLiteral("no variable %1").arg(m_name)};
        return context.variables.value(m_name) == m_value;
    }

private:
    QString m_name;
    QString m_value;
};

inline Condition condition(std::shared_ptr<const expr::Expression> expression,
                           const QString &text = QStringLiteral("fixed"), int line = 1)
{
    return Condition{text, SourceLocation{QStringLiteral("pipeline.yml"), line, 9},
                     std::move(expression)};
}

inline Condition fixedCondition(bool value, int line = 1)
{
    return condition(std::make_shared<FixedExpression>(Result<bool>(value)),
                     value ? QStringLiteral("true") : QStringLiteral("false"), line);
}

// A pipeline from a one-line sketch: stages separated by "|", each "name: job; job; ...".
// A job is "name" (no needs), "name <" (needs: []) or "name < a, b". A leading "!" gives a
// stage or job a false condition, a leading "~" makes a job `when: never`. Each job sits on
// its own line of "pipeline.yml", counting from 1 in the order of the sketch.
std::shared_ptr<Pipeline> sketchPipeline(const QString &sketch);

// The waits of each job: "a: stages | b: c, d | e: -" (`-` for needs: []).
QString waitsOf(const Plan &plan);
// "a: reason | b: reason" for the skipped jobs, in plan order.
QString skipsOf(const Plan &plan);
// "a=3 b=2" in plan order.
QString prioritiesOf(const Plan &plan);
// The display names of the planned jobs, in plan order, joined by " | ".
QString namesOf(const Plan &plan);

} // namespace pw::test
