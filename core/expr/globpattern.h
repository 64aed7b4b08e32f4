#pragma once

#include "core/util/result.h"

#include <QList>
#include <QString>

namespace pw::expr {

// A shell-style pattern for branch names, tags and other slash-separated values. `*` matches
// any run of characters but `/`, `**` any run at all, `**/` zero or more whole path segments,
// `?` one character but `/`, `[abc]`, `[a-z]` and `[!abc]` (or `[^abc]`) one character of a
// set (never `/`), and `\` makes the next character literal. The whole value must match.
class GlobPattern
{
public:
    // Fails, naming the position in `pattern`, when a `[` set is not closed.
    static Result<GlobPattern> compile(const QString &pattern);

    // Takes time proportional to the pattern length times the text length, whatever the
    // pattern, so that no pattern can make matching slow.
    bool matches(const QString &text) const;

private:
    struct Range
    {
        QChar first;
        QChar last;
    };

    // One state of the matcher: consumes a character (Literal, AnyButSlash, Set), loops on
    // characters (StarButSlash, StarAny), or offers a skip to `skipTo` (Optional).
    struct Step
    {
        enum class Kind { Literal, AnyButSlash, Set, StarButSlash, StarAny, Optional };
        Kind kind = Kind::Literal;
        QChar literal;
        QList<Range> ranges;
        bool negated = false;
        int skipTo = 0;
    };

    static int appendStars(const QString &pattern, int start, QList<Step> &steps);
    static Result<int> parseSet(const QString &pattern, int start, Step &step);
    static bool consumes(const Step &step, QChar c);
    void addWithFollowers(int state, QList<int> &states, QList<int> &stamps, int stamp) const;

    QList<Step> m_steps;
};

} // namespace pw::expr
