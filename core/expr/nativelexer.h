#pragma once

#include "core/expr/expression.h"

#include <QList>
#include <QString>

namespace pw::expr::native {

// One token of Pipewright's own condition language.
struct Token
{
    enum class Kind {
        End,
        Word, // branch, vars.NAME, true, glob, in... (a dotted name is one word)
        String,
        LeftParen,
        RightParen,
        LeftBracket,
        RightBracket,
        Comma,
        Equal,
        NotEqual,
        Match,
        NotMatch,
        And,
        Or,
        Not,
    };

    Kind kind = Kind::End;
    QString text; // the word, or the string's value with escapes resolved
    int offset = 0;
    int length = 0;
};

// Splits `text` into tokens ending with one of kind End, or reports the first character that
// cannot start a token and strings that are not closed.
Result<QList<Token>, ParseError> tokenize(const QString &text);

// How a token is named in an error message: 'branch', "main", '&&', the end of the expression.
QString describe(const Token &token);

} // namespace pw::expr::native
