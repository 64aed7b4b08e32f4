#include "shortform.h"

#include "core/util/editdistance.h"

#include <QRegularExpression>

#include <algorithm>

namespace pw::expr::native {

namespace {

struct ShortForm
{
    const char16_t *key;
    Field field;
};

constexpr ShortForm kShortForms[] = {
    {u"branch", Field::Branch},
    {u"event", Field::Event},
    {u"tag", Field::Tag},
    {u"commit", Field::Commit},
};

ParseError unknownKey(const QString &key, int offset)
{
    QStringList keys;
    for (const ShortForm &form : kShortForms)
        keys.append(QString::fromUtf16(form.key));
    const QString guess = closestMatch(key, keys);
    const QString hint = guess.isEmpty()
                             ? QStringLiteral("short forms are branch:, event:, tag: and commit:")
                             : QStringLiteral("did you mean '%1:'?").arg(guess);
    return ParseError{offset, QStringLiteral("unknown short form '%1:'; %2").arg(key, hint)};
}

// The glob after `key:` with its offset: surrounding blanks and quotes left out, and a
// leading `!` noted in `negated`.
struct PatternText
{
    QString text;
    int offset = 0;
    bool negated = false;
};

PatternText patternAfterColon(const QString &text, int start)
{
    PatternText result;
    int begin = start;
    int end = int(text.size());
    while (begin < end && text[begin].isSpace())
        ++begin;
    if (begin < end && text[begin] == u'!') {
        result.negated = true;
        ++begin;
        while (begin < end && text[begin].isSpace())
            ++begin;
    }
    while (end > begin && text[end - 1].isSpace())
        --end;

    const bool quoted = end - begin >= 2 && (text[begin] == u'"' || text[begin] == u'\'')
                        && text[end - 1] == text[begin];
    if (quoted) {
        ++begin;
        --end;
    }
    result.text = text.mid(begin, end - begin);
    result.offset = begin;
    return result;
}

} // namespace

std::optional<Result<NodePtr, ParseError>> parseShortForm(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:"));
    const QRegularExpressionMatch match = shape.match(text);
    if (!match.hasMatch())
        return std::nullopt;

    const QString key = match.captured(1);
    const ShortForm *form =
        std::find_if(std::begin(kShortForms), std::end(kShortForms),
                     [&](const ShortForm &f) { return QStringView(f.key) == key; });
    if (form == std::end(kShortForms))
        return Result<NodePtr, ParseError>(unknownKey(key, int(match.capturedStart(1))));

    const PatternText pattern = patternAfterColon(text, int(match.capturedEnd(0)));
    if (pattern.text.isEmpty()) {
        return Result<NodePtr, ParseError>(ParseError{
            pattern.offset, QStringLiteral("expected a glob pattern after '%1:'").arg(key)});
    }
    const Result<GlobPattern> glob = GlobPattern::compile(pattern.text);
    if (!glob)
        return Result<NodePtr, ParseError>(ParseError{pattern.offset, glob.error().message});

    const NodePtr node = makeGlob(makeField(form->field), *glob);
    return Result<NodePtr, ParseError>(pattern.negated ? makeNot(node) : node);
}

} // namespace pw::expr::native
