#include "globpattern.h"

namespace pw::expr {

Result<GlobPattern> GlobPattern::compile(const QString &pattern)
{
    GlobPattern glob;
    int i = 0;
    while (i < pattern.size()) {
        const QChar c = pattern[i];
        if (c == u'*') {
            i = appendStars(pattern, i, glob.m_steps);
            continue;
        }

        Step step;
        if (c == u'?') {
            step.kind = Step::Kind::AnyButSlash;
            ++i;
        } else if (c == u'[') {
            const Result<int> next = parseSet(pattern, i, step);
            if (!next)
                return next.error();
            i = *next;
        } else if (c == u'\\' && i + 1 < pattern.size()) {
            step.literal = pattern[i + 1];
            i += 2;
        } else {
            step.literal = c;
            ++i;
        }
        glob.m_steps.append(step);
    }
    return glob;
}

// Appends the steps for the run of stars at `start`; returns the index just past it. One star
// stays within a path segment, more cross `/`, and `**/` may also stand for no segment at all.
int GlobPattern::appendStars(const QString &pattern, int start, QList<Step> &steps)
{
    int end = start;
    while (end < pattern.size() && pattern[end] == u'*')
        ++end;

    Step star;
    star.kind = end - start == 1 ? Step::Kind::StarButSlash : Step::Kind::StarAny;
    if (star.kind == Step::Kind::StarButSlash || end == pattern.size() || pattern[end] != u'/') {
        steps.append(star);
        return end;
    }

    Step skip;
    skip.kind = Step::Kind::Optional;
    skip.skipTo = int(steps.size()) + 3;
    Step slash;
    slash.literal = u'/';
    steps.append(skip);
    steps.append(star);
    steps.append(slash);
    return end + 1;
}

// Reads the set that opens at `start` into `step`; returns the index just past its `]`.
Result<int> GlobPattern::parseSet(const QString &pattern, int start, Step &step)
{
    step.kind = Step::Kind::Set;
    int i = start + 1;
    if (i < pattern.size() && (pattern[i] == u'!' || pattern[i] == u'^')) {
        step.negated = true;
        ++i;
    }

    // A `]` right after the opening (and any negation) is a member, as in the shell.
    bool first = true;
    while (i < pattern.size() && (first || pattern[i] != u']')) {
        first = false;
        if (pattern[i] == u'\\' && i + 1 < pattern.size())
            ++i;
        Range range{pattern[i], pattern[i]};
        if (i + 2 < pattern.size() && pattern[i + 1] == u'-' && pattern[i + 2] != u']') {
            i += 2;
            if (pattern[i] == u'\\' && i + 1 < pattern.size())
                ++i;
            range.last = pattern[i];
        }
        step.ranges.append(range);
        ++i;
    }

    if (i >= pattern.size()) {
        return Error{QStringLiteral("the '[' at position %1 of the glob pattern '%2' is never "
                                    "closed; add ']' or write '\\[' for a literal bracket")
                         .arg(start)
                         .arg(pattern)};
    }
    return i + 1;
}

bool GlobPattern::consumes(const Step &step, QChar c)
{
    switch (step.kind) {
    case Step::Kind::Literal:
        return c == step.literal;
    case Step::Kind::AnyButSlash:
    case Step::Kind::StarButSlash:
        return c != u'/';
    case Step::Kind::StarAny:
        return true;
    case Step::Kind::Optional:
        return false;
    case Step::Kind::Set:
        break;
    }

    if (c == u'/')
        return false;
    bool inSet = false;
    for (const Range &range : step.ranges)
        inSet = inSet || (c >= range.first && c <= range.last);
    return inSet != step.negated;
}

// Adds `state` to `states` together with every state reachable from it without consuming a
// character. `stamps` marks the states already added in this round, so each is added once.
void GlobPattern::addWithFollowers(int state, QList<int> &states, QList<int> &stamps,
                                   int stamp) const
{
    QList<int> pending{state};
    while (!pending.isEmpty()) {
        const int current = pending.takeLast();
        if (stamps[current] == stamp)
            continue;
        stamps[current] = stamp;

        if (current == m_steps.size()) {
            states.append(current);
            continue;
        }
        const Step &step = m_steps[current];
        if (step.kind == Step::Kind::Optional) {
            pending.append(current + 1);
            pending.append(step.skipTo);
            continue;
        }
        states.append(current);
        if (step.kind == Step::Kind::StarButSlash || step.kind == Step::Kind::StarAny)
            pending.append(current + 1);
    }
}

bool GlobPattern::matches(const QString &text) const
{
    // Every state the pattern can be in after each character, as in a regular-expression
    // engine without backtracking: no pattern can take exponential time.
    QList<int> stamps(m_steps.size() + 1, -1);
    int stamp = 0;
    QList<int> states;
    addWithFollowers(0, states, stamps, stamp);

    for (const QChar c : text) {
        ++stamp;
        QList<int> next;
        for (const int state : std::as_const(states)) {
            if (state == m_steps.size() || !consumes(m_steps[state], c))
                continue;
            const Step::Kind kind = m_steps[state].kind;
            const bool loops = kind == Step::Kind::StarButSlash || kind == Step::Kind::StarAny;
            addWithFollowers(loops ? state : state + 1, next, stamps, stamp);
        }
        if (next.isEmpty())
            return false;
        states.swap(next);
    }
    return states.contains(int(m_steps.size()));
}

} // namespace pw::expr
