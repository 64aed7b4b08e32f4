#include "gitlablexer.h"

#include "core/util/editdistance.h"
#include "exprlimits.h"

namespace pw::expr::gitlab {

namespace {

// GitLab's variable names are Ruby's \w+, which is ASCII only.
bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
           || c == u'_';
}

bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

QString unexpectedCharacterMessage(QChar c)
{
    if (c == u'!')
        return QStringLiteral("'!' on its own is not part of GitLab's rules:if syntax; use != "
                              "or !~, or compare with null or \"\"");
    if (c == u'=')
        return QStringLiteral("unexpected '='; compare with '==', or with '=~' for a regular "
                              "expression");
    if (c == u'&')
        return QStringLiteral("unexpected '&'; did you mean '&&'?");
    if (c == u'|')
        return QStringLiteral("unexpected '|'; did you mean '||'?");
    return QStringLiteral("unexpected character '%1'").arg(c);
}

class Lexer
{
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {}

    Result<QList<Token>, ParseError> run();

private:
    QChar at(int i) const { return i < m_text.size() ? m_text[i] : QChar(); }
    std::optional<ParseError> readToken();
    std::optional<ParseError> readVariable();
    std::optional<ParseError> readString();
    std::optional<ParseError> readRegex();
    std::optional<ParseError> readWord();
    std::optional<ParseError> readOperator();
    void push(Token::Kind kind, int length, const QString &text = {}, const QString &flags = {});

    const QString &m_text;
    int m_pos = 0;
    QList<Token> m_tokens;
};

Result<QList<Token>, ParseError> Lexer::run()
{
    while (true) {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace())
            ++m_pos;
        if (m_pos >= m_text.size())
            break;
        if (const auto error = readToken())
            return *error;
    }
    push(Token::Kind::End, 0);
    return m_tokens;
}

std::optional<ParseError> Lexer::readToken()
{
    const QChar c = m_text[m_pos];
    if (c == u'$')
        return readVariable();
    if (c == u'"' || c == u'\'')
        return readString();
    if (c == u'/')
        return readRegex();
    if (isLetter(c) || c == u'_')
        return readWord();
    return readOperator();
}

std::optional<ParseError> Lexer::readVariable()
{
    // GitLab's lexer has no `${NAME}`; say so plainly instead of "unexpected '{'".
    if (at(m_pos + 1) == u'{') {
        const qsizetype close = m_text.indexOf(u'}', m_pos);
        const QString name =
            close > m_pos ? m_text.mid(m_pos + 2, close - m_pos - 2) : QStringLiteral("NAME");
        return ParseError{m_pos, QStringLiteral("${%1} is not allowed in rules:if; write $%1")
                                     .arg(quoteForMessage(name))};
    }

    int end = m_pos + 1;
    while (isNameChar(at(end)))
        ++end;
    if (end == m_pos + 1) {
        return ParseError{m_pos, QStringLiteral("expected a variable name after '$', as in "
                                                "$CI_COMMIT_BRANCH")};
    }
    push(Token::Kind::Variable, end - m_pos, m_text.mid(m_pos + 1, end - m_pos - 1));
    return std::nullopt;
}

// GitLab's strings have no escapes: they run to the next quote of the same kind.
std::optional<ParseError> Lexer::readString()
{
    const QChar quote = m_text[m_pos];
    const qsizetype close = m_text.indexOf(quote, m_pos + 1);
    if (close < 0) {
        return ParseError{m_pos, QStringLiteral("unterminated string: the %1 here is never "
                                                "closed")
                                     .arg(quote)};
    }
    push(Token::Kind::String, int(close) + 1 - m_pos, m_text.mid(m_pos + 1, close - m_pos - 1));
    return std::nullopt;
}

std::optional<ParseError> Lexer::readRegex()
{
    int end = m_pos + 1;
    while (end < m_text.size() && m_text[end] != u'/')
        end += m_text[end] == u'\\' ? 2 : 1;
    if (end >= m_text.size()) {
        return ParseError{m_pos, QStringLiteral("unterminated regular expression: the '/' here "
                                                "is never closed")};
    }
    const QString pattern = m_text.mid(m_pos + 1, end - m_pos - 1);
    if (pattern.isEmpty())
        return ParseError{m_pos, QStringLiteral("empty regular expression '//'")};

    // Flags are the letters right after the closing '/'. Anything else there is most often
    // a '/' in the pattern that should have been escaped, as in /test/url/.
    int flagsEnd = end + 1;
    while (isLetter(at(flagsEnd)))
        ++flagsEnd;
    const QString flags = m_text.mid(end + 1, flagsEnd - end - 1);
    for (int i = 0; i < flags.size(); ++i) {
        if (!QStringView(u"imsU").contains(flags[i])) {
            return ParseError{end + 1 + i, QStringLiteral("unknown flag '%1' after the regular "
                                                          "expression /%2/ (GitLab allows i, m, "
                                                          "s and U); a '/' inside a pattern "
                                                          "must be written '\\/'")
                                               .arg(flags[i])
                                               .arg(quoteForMessage(pattern))};
        }
    }
    push(Token::Kind::Regex, flagsEnd - m_pos, pattern, flags);
    return std::nullopt;
}

std::optional<ParseError> Lexer::readWord()
{
    int end = m_pos;
    while (isNameChar(at(end)))
        ++end;
    const QString word = m_text.mid(m_pos, end - m_pos);
    if (word == u"null" || word == u"true" || word == u"false") {
        const Token::Kind kind = word == u"null"   ? Token::Kind::Null
                                 : word == u"true" ? Token::Kind::True
                                                   : Token::Kind::False;
        push(kind, end - m_pos, word);
        return std::nullopt;
    }

    const QStringList words{QStringLiteral("null"), QStringLiteral("true"),
                            QStringLiteral("false")};
    const QString guess = closestMatch(word, words);
    const QString hint = guess.isEmpty()
                             ? QStringLiteral("variables are written $%1 and strings are quoted")
                                   .arg(quoteForMessage(word))
                             : QStringLiteral("did you mean '%1'?").arg(guess);
    return ParseError{m_pos,
                      QStringLiteral("unknown word '%1'; %2").arg(quoteForMessage(word), hint)};
}

std::optional<ParseError> Lexer::readOperator()
{
    struct Spelling
    {
        const char16_t *text;
        Token::Kind kind;
    };
    static const Spelling spellings[] = {
        {u"==", Token::Kind::Equal},    {u"!=", Token::Kind::NotEqual},
        {u"=~", Token::Kind::Match},    {u"!~", Token::Kind::NotMatch},
        {u"&&", Token::Kind::And},      {u"||", Token::Kind::Or},
        {u"(", Token::Kind::LeftParen}, {u")", Token::Kind::RightParen},
    };
    const QStringView rest = QStringView(m_text).mid(m_pos);
    for (const Spelling &spelling : spellings) {
        const QStringView text(spelling.text);
        if (rest.startsWith(text)) {
            push(spelling.kind, int(text.size()), text.toString());
            return std::nullopt;
        }
    }
    return ParseError{m_pos, unexpectedCharacterMessage(m_text[m_pos])};
}

void Lexer::push(Token::Kind kind, int length, const QString &text, const QString &flags)
{
    m_tokens.append(Token{kind, text, flags, m_pos, length});
    m_pos += length;
}

} // namespace

Result<QList<Token>, ParseError> tokenize(const QString &text)
{
    return Lexer(text).run();
}

QString describe(const Token &token)
{
    switch (token.kind) {
    case Token::Kind::End:
        return QStringLiteral("the end of the expression");
    case Token::Kind::Variable:
        return QStringLiteral("'$%1'").arg(token.text);
    case Token::Kind::String:
        return QStringLiteral("\"%1\"").arg(quoteForMessage(token.text));
    case Token::Kind::Regex:
        return QStringLiteral("/%1/%2").arg(quoteForMessage(token.text), token.flags);
    default:
        return QStringLiteral("'%1'").arg(token.text);
    }
}

} // namespace pw::expr::gitlab
