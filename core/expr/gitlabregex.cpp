#include "gitlabregex.h"

#include <algorithm>

namespace pw::expr::gitlab {

namespace {

bool isFlag(QChar c)
{
    return c == u'i' || c == u'm' || c == u's' || c == u'U';
}

QRegularExpression::PatternOptions optionsFor(const QString &flags)
{
    QRegularExpression::PatternOptions options;
    if (flags.contains(u'i'))
        options |= QRegularExpression::CaseInsensitiveOption;
    if (flags.contains(u'm'))
        options |= QRegularExpression::MultilineOption;
    if (flags.contains(u's'))
        options |= QRegularExpression::DotMatchesEverythingOption;
    if (flags.contains(u'U'))
        options |= QRegularExpression::InvertedGreedinessOption;
    return options;
}

// What follows `(?` when it opens a group RE2 cannot compile, or an empty string.
QString unsupportedGroup(QStringView after)
{
    if (after.startsWith(u"=") || after.startsWith(u"!"))
        return QStringLiteral("lookahead '(?%1'").arg(after.left(1));
    if (after.startsWith(u"<=") || after.startsWith(u"<!"))
        return QStringLiteral("lookbehind '(?%1'").arg(after.left(2));
    if (after.startsWith(u">"))
        return QStringLiteral("atomic groups '(?>'");
    const bool signedNumber =
        after.size() >= 2 && (after[0] == u'+' || after[0] == u'-') && after[1].isDigit();
    if (after.startsWith(u"(") || after.startsWith(u"R") || after.startsWith(u"|")
        || (!after.isEmpty() && after[0].isDigit()) || signedNumber) {
        return QStringLiteral("recursion or conditional groups '(?%1'").arg(after.left(1));
    }
    return QString();
}

// Where a `[` set that opens at `start` ends (the index of its `]`), or the pattern's end.
// Named classes such as `[:digit:]` inside it do not end it.
qsizetype endOfSet(QStringView pattern, qsizetype start)
{
    qsizetype i = start + 1;
    if (i < pattern.size() && pattern[i] == u'^')
        ++i;
    if (i < pattern.size() && pattern[i] == u']')
        ++i;
    for (; i < pattern.size(); ++i) {
        if (pattern[i] == u'\\') {
            ++i;
        } else if (pattern.mid(i).startsWith(u"[:")) {
            const qsizetype close = pattern.indexOf(u":]", i + 2);
            if (close >= 0)
                i = close + 1;
        } else if (pattern[i] == u']') {
            return i;
        }
    }
    return pattern.size();
}

// The first construct in `pattern` that RE2 does not support, described for a person, or an
// empty string when there is none.
QString unsupportedByRe2(QStringView pattern)
{
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        const QChar next = i + 1 < pattern.size() ? pattern[i + 1] : QChar();
        if (c == u'\\') {
            if ((next >= u'1' && next <= u'9') || next == u'k' || next == u'g')
                return QStringLiteral("backreferences '\\%1'").arg(next);
            ++i;
        } else if (c == u'[') {
            i = endOfSet(pattern, i);
        } else if (c == u'(' && next == u'?') {
            const QString group = unsupportedGroup(pattern.mid(i + 2));
            if (!group.isEmpty())
                return group;
        } else if ((c == u'*' || c == u'+' || c == u'?') && next == u'+') {
            return QStringLiteral("possessive quantifiers '%1+'").arg(c);
        }
    }
    return QString();
}

} // namespace

Result<RegexPtr> compileRegex(const QString &pattern, const QString &flags)
{
    const QString written = QStringLiteral("/%1/%2").arg(pattern, flags);
    const QString unsupported = unsupportedByRe2(pattern);
    if (!unsupported.isEmpty()) {
        return Error{QStringLiteral("the regular expression %1 uses %2, which GitLab's "
                                    "regular expressions (RE2) do not support")
                         .arg(written, unsupported)};
    }

    QRegularExpression expression(pattern, optionsFor(flags));
    if (!expression.isValid()) {
        return Error{QStringLiteral("invalid regular expression %1: %2 at position %3 of the "
                                    "pattern")
                         .arg(written, expression.errorString())
                         .arg(expression.patternErrorOffset())};
    }
    return std::make_shared<const Regex>(Regex{expression, written});
}

std::optional<Result<RegexPtr>> regexFromString(const QString &text)
{
    const qsizetype last = text.lastIndexOf(u'/');
    if (!text.startsWith(u'/') || last < 1)
        return std::nullopt;
    const QString flags = text.mid(last + 1);
    if (!std::all_of(flags.cbegin(), flags.cend(), isFlag))
        return std::nullopt;

    QString pattern = text.mid(1, last - 1);
    pattern.replace(QStringLiteral("\\/"), QStringLiteral("/"));
    return compileRegex(pattern, flags);
}

} // namespace pw::expr::gitlab
