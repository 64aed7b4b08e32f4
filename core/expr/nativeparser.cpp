#include "core/expr/expression.h"
#include "core/util/editdistance.h"
#include "exprlimits.h"
#include "nativelexer.h"
#include "nativenodes.h"
#include "shortform.h"

namespace pw::expr {

namespace native {

namespace {

using Parsed = Result<NodePtr, ParseError>;

const QStringList &knownWords()
{
    static const QStringList words{
        QStringLiteral("branch"), QStringLiteral("event"), QStringLiteral("commit"),
        QStringLiteral("tag"),    QStringLiteral("vars"),  QStringLiteral("true"),
        QStringLiteral("false"),  QStringLiteral("glob"),
    };
    return words;
}

// A recursive-descent parser over the tokens of one condition. From loosest to tightest:
// `||`, `&&`, one comparison (`==`, `!=`, `=~`, `!~`, `in`), `!`, then values.
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
    Parsed parseRightSide(NodePtr left, const Token &op);
    Parsed parseMatch(NodePtr subject, bool negated);
    Parsed parseList(NodePtr subject);
    Parsed parseUnary();
    Parsed parsePrimary();
    Parsed parseParenthesized();
    Parsed parseWord();
    Parsed parseGlobCall();
    Parsed parseGlobPattern(NodePtr subject);

    const Token &peek() const { return m_tokens[m_pos]; }
    const Token &advance() { return m_tokens[m_pos++]; }
    bool atComparison() const;
    std::optional<ParseError> enter(const Token &opening);
    void leave() { --m_depth; }
    std::optional<ParseError> expect(Token::Kind kind, const QString &what);
    QString spanFrom(int offset) const;
    ParseError unexpected(const QString &expectation) const;
    ParseError unknownWord(const Token &word) const;

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
    switch (peek().kind) {
    case Token::Kind::Equal:
    case Token::Kind::NotEqual:
    case Token::Kind::Match:
    case Token::Kind::NotMatch:
        return true;
    case Token::Kind::Word:
        return peek().text == u"in";
    default:
        return false;
    }
}

Parsed Parser::parseComparison()
{
    Parsed left = parseUnary();
    if (!left || !atComparison())
        return left;

    const Parsed node = parseRightSide(*left, advance());
    if (node && atComparison()) {
        return ParseError{peek().offset,
                          QStringLiteral("comparisons cannot be chained: %1 follows a "
                                         "comparison; add parentheses or join with && or ||")
                              .arg(describe(peek()))};
    }
    return node;
}

// The rest of the comparison `left op ...`.
Parsed Parser::parseRightSide(NodePtr left, const Token &op)
{
    if (op.kind == Token::Kind::Match || op.kind == Token::Kind::NotMatch)
        return parseMatch(std::move(left), op.kind == Token::Kind::NotMatch);
    if (op.kind == Token::Kind::Word)
        return parseList(std::move(left));

    const Parsed right = parseUnary();
    if (!right)
        return right;
    return makeEquals(std::move(left), *right, op.kind == Token::Kind::NotEqual);
}

// The right side of `=~` or `!~`. A quoted pattern is compiled here, once, so that a mistake
// in it is reported with the pipeline file instead of when the run reaches the condition.
Parsed Parser::parseMatch(NodePtr subject, bool negated)
{
    if (peek().kind == Token::Kind::String) {
        const Token &literal = advance();
        const QRegularExpression regex(literal.text);
        if (!regex.isValid()) {
            return ParseError{literal.offset,
                              QStringLiteral("invalid regular expression %1: %2 at position %3 "
                                             "of the pattern")
                                  .arg(describe(literal), regex.errorString())
                                  .arg(regex.patternErrorOffset())};
        }
        return makeMatch(std::move(subject), regex, negated);
    }

    const int start = peek().offset;
    const Parsed pattern = parseUnary();
    if (!pattern)
        return pattern;
    return makeMatch(std::move(subject), *pattern, spanFrom(start), negated);
}

Parsed Parser::parseList(NodePtr subject)
{
    if (peek().kind != Token::Kind::LeftBracket)
        return unexpected(QStringLiteral("'[' to start the list of values"));
    if (const auto error = enter(advance()))
        return *error;

    QList<NodePtr> items;
    while (peek().kind != Token::Kind::RightBracket) {
        if (!items.isEmpty()) {
            if (const auto error = expect(Token::Kind::Comma, QStringLiteral("',' or ']'")))
                return *error;
        }
        const Parsed item = parseAny();
        if (!item)
            return item;
        items.append(*item);
    }
    advance();
    leave();
    return makeIn(std::move(subject), items);
}

Parsed Parser::parseUnary()
{
    if (peek().kind != Token::Kind::Not)
        return parsePrimary();

    if (const auto error = enter(advance()))
        return *error;
    const Parsed operand = parseUnary();
    if (!operand)
        return operand;
    leave();
    return makeNot(*operand);
}

Parsed Parser::parsePrimary()
{
    switch (peek().kind) {
    case Token::Kind::String:
        return makeLiteral(advance().text);
    case Token::Kind::Word:
        return parseWord();
    case Token::Kind::LeftParen:
        return parseParenthesized();
    default:
        return unexpected(QStringLiteral("a value (a quoted string, branch, event, commit, tag, "
                                         "vars.NAME, true, false or glob(...))"));
    }
}

Parsed Parser::parseParenthesized()
{
    const Token &opening = advance();
    if (const auto error = enter(opening))
        return *error;
    const Parsed inner = parseAny();
    if (!inner)
        return inner;
    const QString what = QStringLiteral("')' to close the '(' at offset %1").arg(opening.offset);
    if (const auto error = expect(Token::Kind::RightParen, what))
        return *error;
    leave();
    return inner;
}

Parsed Parser::parseWord()
{
    const Token &word = peek();
    static const QHash<QString, Field> fields{
        {QStringLiteral("branch"), Field::Branch},
        {QStringLiteral("event"), Field::Event},
        {QStringLiteral("commit"), Field::Commit},
        {QStringLiteral("tag"), Field::Tag},
    };
    if (fields.contains(word.text))
        return makeField(fields.value(advance().text));
    if (word.text == u"true" || word.text == u"false")
        return makeLiteral(advance().text);
    if (word.text == u"glob")
        return parseGlobCall();

    if (word.text.startsWith(u"vars.")) {
        const QString name = word.text.mid(5);
        const qsizetype dot = name.indexOf(u'.');
        if (dot >= 0) {
            return ParseError{
                word.offset + 5 + int(dot),
                QStringLiteral("variable names cannot contain '.': %1").arg(describe(word))};
        }
        return makeVariable(advance().text.mid(5));
    }
    if (word.text == u"in") {
        return ParseError{word.offset, QStringLiteral("expected a value before 'in', as in "
                                                      "branch in [\"main\", \"dev\"]")};
    }
    if (word.text == u"vars") {
        return ParseError{word.offset + word.length,
                          QStringLiteral("expected '.NAME' after 'vars', as in vars.DEPLOY")};
    }
    return unknownWord(word);
}

Parsed Parser::parseGlobCall()
{
    advance();
    if (peek().kind != Token::Kind::LeftParen)
        return unexpected(QStringLiteral("'('"));
    if (const auto error = enter(advance()))
        return *error;

    const Parsed subject = parseAny();
    if (!subject)
        return subject;
    const QString comma = QStringLiteral("',' and a pattern, as in glob(branch, \"release/*\")");
    if (const auto error = expect(Token::Kind::Comma, comma))
        return *error;
    const Parsed node = parseGlobPattern(*subject);
    if (!node)
        return node;
    if (const auto error = expect(Token::Kind::RightParen, QStringLiteral("')' to close glob(")))
        return *error;
    leave();
    return node;
}

// The pattern argument of glob(). As with regular expressions, a quoted one is compiled now.
Parsed Parser::parseGlobPattern(NodePtr subject)
{
    const bool literal =
        peek().kind == Token::Kind::String && (m_tokens[m_pos + 1].kind == Token::Kind::RightParen);
    if (literal) {
        const Token &pattern = advance();
        const Result<GlobPattern> glob = GlobPattern::compile(pattern.text);
        if (!glob)
            return ParseError{pattern.offset, glob.error().message};
        return makeGlob(std::move(subject), *glob);
    }

    const int start = peek().offset;
    const Parsed pattern = parseAny();
    if (!pattern)
        return pattern;
    return makeGlob(std::move(subject), *pattern, spanFrom(start));
}

std::optional<ParseError> Parser::enter(const Token &opening)
{
    ++m_depth;
    return checkNestingDepth(m_depth, opening.offset);
}

std::optional<ParseError> Parser::expect(Token::Kind kind, const QString &what)
{
    if (peek().kind == kind) {
        advance();
        return std::nullopt;
    }
    return unexpected(what);
}

// The expression text from `offset` to the end of the last token read, to name an operand.
QString Parser::spanFrom(int offset) const
{
    const Token &last = m_tokens[m_pos - 1];
    return m_text.mid(offset, last.offset + last.length - offset);
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

ParseError Parser::unknownWord(const Token &word) const
{
    const QString head = word.text.section(u'.', 0, 0);
    const QString guess = closestMatch(head, knownWords());
    const bool call = m_tokens[m_pos + 1].kind == Token::Kind::LeftParen;
    if (call) {
        const QString hint = guess == u"glob" ? QStringLiteral("did you mean 'glob'?")
                                              : QStringLiteral("the only function is glob()");
        return ParseError{word.offset,
                          QStringLiteral("unknown function '%1'; %2").arg(word.text, hint)};
    }
    if (!guess.isEmpty()) {
        return ParseError{word.offset, QStringLiteral("unknown identifier '%1'; did you mean "
                                                      "'%2'?")
                                           .arg(head, guess)};
    }
    return ParseError{word.offset,
                      QStringLiteral("unknown identifier '%1'; quote it for a string (\"%1\"), "
                                     "or use branch, event, commit, tag or vars.NAME")
                          .arg(head)};
}

} // namespace

} // namespace native

Result<ExpressionPtr, ParseError> parseCondition(const QString &text)
{
    if (const auto error = checkExpressionSize(text, QStringLiteral("branch == \"main\"")))
        return *error;

    if (const auto shortForm = native::parseShortForm(text)) {
        if (!*shortForm)
            return shortForm->error();
        return native::makeCondition(shortForm->value(), text);
    }

    const auto tokens = native::tokenize(text);
    if (!tokens)
        return tokens.error();
    const native::Parsed root = native::Parser(text, *tokens).parse();
    if (!root)
        return root.error();
    return native::makeCondition(*root, text);
}

} // namespace pw::expr
