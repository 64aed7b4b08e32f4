#pragma once

#include "core/util/result.h"

#include <QRegularExpression>

#include <memory>
#include <optional>

namespace pw::expr::gitlab {

// A regular expression of a GitLab rule, compiled for matching.
struct Regex
{
    QRegularExpression expression;
    QString written; // as GitLab writes it: /pattern/flags
};

using RegexPtr = std::shared_ptr<const Regex>;

// Compiles `pattern` with GitLab's flags (i, m, s, U). GitLab matches with RE2, so besides
// invalid patterns this refuses what RE2 lacks (backreferences, lookaround, atomic groups,
// possessive quantifiers, recursion), which would otherwise work here and fail on GitLab.
Result<RegexPtr> compileRegex(const QString &pattern, const QString &flags);

// Reads a string as GitLab reads a quoted string or a variable's value on the right of `=~`:
// `/pattern/flags`, the pattern running to the last `/`. Nothing when the string is not
// written that way; an error when it is but the pattern is not valid.
std::optional<Result<RegexPtr>> regexFromString(const QString &text);

} // namespace pw::expr::gitlab
