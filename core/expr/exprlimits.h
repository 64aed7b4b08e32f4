#pragma once

#include "core/expr/expression.h"

#include <optional>

namespace pw::expr {

// Longest expression text either parser accepts, in characters. A condition is one line of a
// pipeline file; anything longer is a mistake or an attack, and refusing it early keeps
// parsing fast.
inline constexpr int kMaxExpressionLength = 64 * 1024;

// Deepest nesting of parentheses, `!` and function calls either parser accepts. Parsing is
// recursive, so this bound is what keeps a hostile expression from exhausting the stack.
inline constexpr int kMaxNestingDepth = 100;

// The error for text that is empty or too long to parse, if it is either. `example` is a
// condition in the caller's language, suggested when the text is empty.
std::optional<ParseError> checkExpressionSize(const QString &text, const QString &example);

// The error for entering nesting level `depth` at `offset`, if that is too deep.
std::optional<ParseError> checkNestingDepth(int depth, int offset);

// `text` quoted for an error message, shortened when long so the message stays readable.
QString quoteForMessage(const QString &text);

} // namespace pw::expr
