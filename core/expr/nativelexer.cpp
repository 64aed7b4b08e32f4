#include "nativelexer.h"

#include "exprlimits.h"

namespace pw::expr::native {

namespace {

bool isWordStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isWordPart(QChar c)
{
    return isWordStart(c) || (c >= u'0' && c <= u'9');
}

QString unexpectedCharacterMessage(QChar c)
{
    if (c == u'=')
        return QStringLiteral("unexpected '='; compare with '==', or with '=~' for a regular "
                              "expression");
    if (c == u'&')
        return QStringLiteral("unexpected '&'; did you mean '&&'?");
    if (c == u'|')
        return QStringLiteral("unexpected '|'; did you mean '||'?");
    if (c == u':')
        return QStringLiteral("unexpected ':'; a short form such as branch:main must be the "
                              "whole condition");
    if (c == u'$')
        return QStringLiteral("unexpected '$'; variables are written vars.NAME here");
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
    std::optional<ParseError> readWord();
    std::optional<ParseError> readString();
    std::optional<ParseError> readOperator();
    void push(Token::Kind kind, int length, const QString &text = {});

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
    if (isWordStart(c))
        return readWord();
    if (c == u'"' || c == u'\'')
        return readString();
    return readOperator();
}

// A word is a name, optionally followed by `.name` parts: `vars.NAME` is read as one word.
std::optional<ParseError> Lexer::readWord()
{
    int end = m_pos;
    while (true) {
        while (isWordPart(at(end)))
            ++end;
        if (at(end) != u'.')
            break;
        if (!isWordStart(at(end + 1))) {
            return ParseError{end + 1, QStringLiteral("expected a name after '%1.'; variable "
                                                      "names start with a letter or '_'")
                                           .arg(m_text.mid(m_pos, end - m_pos))};
        }
        ++end;
    }
    push(Token::Kind::Word, end - m_pos, m_text.mid(m_pos, end - m_pos));
    return std::nullopt;
}

std::optional<ParseError> Lexer::readString()
{
    const QChar quote = m_text[m_pos];
    QString value;
    int i = m_pos + 1;
    while (i < m_text.size() && m_text[i] != quote) {
        // Unknown escapes keep their backslash, so a regular expression such as "^v\d+"
        // can be written without doubling every backslash.
        if (m_text[i] == u'\\' && i + 1 < m_text.size()) {
            const QChar next = m_text[i + 1];
            if (next == u'n')
                value += u'\n';
            else if (next == u't')
                value += u'\t';
            else if (next == u'"' || next == u'\'' || next == u'\\')
                value += next;
            else
                value += QStringView(m_text).mid(i, 2);
            i += 2;
            continue;
        }
        value += m_text[i++];
    }

    if (i >= m_text.size()) {
        return ParseError{m_pos, QStringLiteral("unterminated string: the %1 here is never "
                                                "closed")
                                     .arg(quote)};
    }
    push(Token::Kind::String, i + 1 - m_pos, value);
    return std::nullopt;
}

std::optional<ParseError> Lexer::readOperator()
{
    struct Spelling
    {
        const char16_t *text;
        Token::Kind kind;
    };
    static const Spelling spellings[] = {
        {u"==", Token::Kind::Equal},       {u"!=", Token::Kind::NotEqual},
        {u"=~", Token::Kind::Match},       {u"!~", Token::Kind::NotMatch},
        {u"&&", Token::Kind::And},         {u"||", Token::Kind::Or},
        {u"!", Token::Kind::Not},          {u"(", Token::Kind::LeftParen},
        {u")", Token::Kind::RightParen},   {u"[", Token::Kind::LeftBracket},
        {u"]", Token::Kind::RightBracket}, {u",", Token::Kind::Comma},
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

void Lexer::push(Token::Kind kind, int length, const QString &text)
{
    m_tokens.append(Token{kind, text, m_pos, length});
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
    case Token::Kind::String:
        return QStringLiteral("\"%1\"").arg(quoteForMessage(token.text));
    default:
        return QStringLiteral("'%1'").arg(token.text);
    }
}

} // namespace pw::expr::native
