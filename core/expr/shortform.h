#pragma once

#include "core/expr/nativenodes.h"

#include <optional>

namespace pw::expr::native {

// Parses the short forms `branch:PATTERN`, `event:PATTERN`, `tag:PATTERN` and
// `commit:PATTERN` (PATTERN a glob, negated by a leading `!`), which are only accepted as the
// whole condition. Returns nothing when `text` does not start with `word:`, so the caller can
// parse it as a full expression instead.
std::optional<Result<NodePtr, ParseError>> parseShortForm(const QString &text);

} // namespace pw::expr::native
