#include "exprlimits.h"

namespace pw::expr {

std::optional<ParseError> checkExpressionSize(const QString &text, const QString &example)
{
    if (text.size() > kMaxExpressionLength) {
        return ParseError{kMaxExpressionLength,
                          QStringLiteral("the expression is %1 characters long; conditions may "
                                         "be at most 64 KiB (%2 characters)")
                              .arg(text.size())
                              .arg(kMaxExpressionLength)};
    }

    if (text.trimmed().isEmpty())
        return ParseError{
            0, QStringLiteral("empty expression: write a condition such as %1").arg(example)};
    return std::nullopt;
}

std::optional<ParseError> checkNestingDepth(int depth, int offset)
{
    if (depth <= kMaxNestingDepth)
        return std::nullopt;
    return ParseError{offset, QStringLiteral("the expression is nested deeper than %1 levels; "
                                             "split it into simpler conditions")
                                  .arg(kMaxNestingDepth)};
}

QString quoteForMessage(const QString &text)
{
    constexpr int kShown = 40;
    if (text.size() <= kShown)
        return text;
    return text.left(kShown) + QStringLiteral("...");
}

} // namespace pw::expr
