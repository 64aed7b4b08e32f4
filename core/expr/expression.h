#pragma once

#include "core/util/result.h"

#include <QHash>
#include <QString>

#include <memory>

namespace pw::expr {

// What an `if:` expression can see about the run it is evaluated for.
struct EvalContext
{
    QString branch;
    QString event;
    QString commit;
    QString tag;
    // `vars.NAME` in native expressions; `$NAME` in GitLab rules (CI_* included there).
    QHash<QString, QString> variables;
};

// Where in the expression text parsing failed (0-based character offset) and why.
struct ParseError
{
    int offset = 0;
    QString message;
};

// A parsed condition. Evaluation never runs a shell or any other program.
class Expression
{
public:
    virtual ~Expression() = default;
    virtual Result<bool> evaluate(const EvalContext &context) const = 0;
};

using ExpressionPtr = std::shared_ptr<const Expression>;

// Parses Pipewright's own condition language (see docs/pipeline-format.md).
Result<ExpressionPtr, ParseError> parseCondition(const QString &text);

// Parses the expression of a GitLab `rules: if:` entry, with GitLab's meaning for `$NAME`,
// `null`, quoted strings, `/regex/flags`, `==`, `!=`, `=~`, `!~`, `&&`, `||` and parentheses.
// Variables come from EvalContext::variables only; the other context fields are not used.
Result<ExpressionPtr, ParseError> parseGitLabRule(const QString &text);

} // namespace pw::expr
