#include "core/expr/expression.h"
#include "exprlimits.h"
#include "gitlablexer.h"
#include "gitlabnodes.h"

namespace pw::expr {

namespace gitlab {

namespace {

using Parsed = Result<NodePtr, ParseError>;

// A recursive-descent parser over the tokens of one rules:if expression. From loosest to
// tightest, as in GitLab: `||`, `&&`, then the comparisons, which GitLab lets chain from the
// left, then values and parentheses.
class Parser
{
public:
    Parser(const QString &text, const QList<Token> &tokens)
        : m_text(text)
        , m_tokens(tokens)
    {}

    Parsed parse();

private:
    Parsed parseAny();
    Parsed parseAll();
    Parsed parseComparison();
    Parsed parsePattern();
    Parsed parsePrimary();
    Parsed parseParenthesized();
    Parsed regexLiteral(const Token &token) const;

    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &advance() { return m_tokens[m_pos++]; }
    bool atComparison() const;
    ParseError unexpected(const QString &expectation) const;

    const QString &m_text;
    const QList<Token> &m_tokens;
    int m_pos = 0;
    int m_depth = 0;
};

Parsed Parser::parse()
{
    Parsed root = parseAny();
    if (!root || peek().kind == Token::Kind::End)
        return root;

    if (peek().kind == Token::Kind::RightParen)
        return ParseError{peek().offset, QStringLiteral("unexpected ')' with no matching '('")};
    return ParseError{peek().offset,
                      QStringLiteral("unexpected %1 after %2; join conditions with && or ||")
                          .arg(describe(peek()), describe(m_tokens[m_pos - 1]))};
}

Parsed Parser::parseAny()
{
    QList<NodePtr> operands;
    while (true) {
        const Parsed operand = parseAll();
        if (!operand)
            return operand;
        operands.append(*operand);
        if (peek().kind != Token::Kind::Or)
            break;
        advance();
    }
    return operands.size() == 1 ? operands.first() : makeAny(operands);
}

Parsed Parser::parseAll()
{
    QList<NodePtr> operands;
    while (true) {
        const Parsed operand = parseComparison();
        if (!operand)
            return operand;
        operands.append(*operand);
        if (peek().kind != Token::Kind::And)
            break;
        advance();
    }
    return operands.size() == 1 ? operands.first() : makeAll(operands);
}

bool Parser::atComparison() const
{
    const Token::Kind kind = peek().kind;
    return kind == Token::Kind::Equal || kind == Token::Kind::NotEqual || kind == Token::Kind::Match
           || kind == Token::Kind::NotMatch;
}

Parsed Parser::parseComparison()
{
    Parsed left = parsePrimary();
    while (left && atComparison()) {
        const Token::Kind op = advance().kind;
        const bool match = op == Token::Kind::Match || op == Token::Kind::NotMatch;
        const int start = peek().offset;
        const Parsed right = match ? parsePattern() : parsePrimary();
        if (!right)
            return right;

        const Token &last = m_tokens[m_pos - 1];
        const QString source = m_text.mid(start, last.offset + last.length - start);
        if (match)
            left = makeMatch(*left, *right, source, op == Token::Kind::NotMatch);
        else
            left = makeEquals(*left, *right, op == Token::Kind::NotEqual);
    }
    return left;
}

// The right side of `=~` or `!~`. A regex, or a quoted string written /pattern/flags, is
// compiled here, once; GitLab refuses a quoted string that is not written that way.
Parsed Parser::parsePattern()
{
    if (peek().kind != Token::Kind::String)
        return parsePrimary();

    const Token &literal = advance();
    const auto regex = regexFromString(literal.text);
    if (!regex) {
        return ParseError{literal.offset,
                          QStringLiteral("the right-hand side of =~ and !~ must be a regular "
                                         "expression such as /%1/, but %2 is a plain string")
                              .arg(quoteForMessage(literal.text), describe(literal))};
    }
    if (!*regex)
        return ParseError{literal.offset, regex->error().message};
    return makeLiteral(Value::regex(regex->value()));
}

Parsed Parser::parsePrimary()
{
    const Token &token = peek();
    switch (token.kind) {
    case Token::Kind::Variable:
        return makeVariable(advance().text);
    case Token::Kind::String:
        return makeLiteral(Value::string(advance().text));
    case Token::Kind::Regex:
        return regexLiteral(advance());
    case Token::Kind::Null:
        advance();
        return makeLiteral(Value::null());
    case Token::Kind::True:
    case Token::Kind::False:
        return makeLiteral(Value::boolean(advance().kind == Token::Kind::True));
    case Token::Kind::LeftParen:
        return parseParenthesized();
    default:
        return unexpected(QStringLiteral("a value ($NAME, a quoted string, null or /regex/)"));
    }
}

Parsed Parser::regexLiteral(const Token &token) const
{
    const Result<RegexPtr> regex = compileRegex(token.text, token.flags);
    if (!regex)
        return ParseError{token.offset, regex.error().message};
    return makeLiteral(Value::regex(*regex));
}

Parsed Parser::parseParenthesized()
{
    const Token &opening = advance();
    if (const auto error = checkNestingDepth(++m_depth, opening.offset))
        return *error;
    const Parsed inner = parseAny();
    if (!inner)
        return inner;
    if (peek().kind != Token::Kind::RightParen) {
        return unexpected(QStringLiteral("')' to close the '(' at offset %1").arg(opening.offset));
    }
    advance();
    --m_depth;
    return inner;
}

ParseError Parser::unexpected(const QString &expectation) const
{
    const Token &found = peek();
    if (m_pos == 0) {
        return ParseError{
            found.offset,
            QStringLiteral("expected %1 but found %2").arg(expectation, describe(found))};
    }
    const QString after = describe(m_tokens[m_pos - 1]);
    if (found.kind == Token::Kind::End) {
        return ParseError{found.offset, QStringLiteral("expected %1 after %2, but the "
                                                       "expression ends there")
                                            .arg(expectation, after)};
    }
    return ParseError{found.offset, QStringLiteral("expected %1 after %2 but found %3")
                                        .arg(expectation, after, describe(found))};
}

} // namespace

} // namespace gitlab

Result<ExpressionPtr, ParseError> parseGitLabRule(const QString &text)
{
    const QString example = QStringLiteral("$CI_COMMIT_BRANCH == \"main\"");
    if (const auto error = checkExpressionSize(text, example))
        return *error;

    const auto tokens = gitlab::tokenize(text);
    if (!tokens)
        return tokens.error();
    const gitlab::Parsed root = gitlab::Parser(text, *tokens).parse();
    if (!root)
        return root.error();
    return gitlab::makeRule(*root, text);
}

} // namespace pw::expr
