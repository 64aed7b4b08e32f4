#pragma once

#include "core/expr/expression.h"

#include <QList>
#include <QString>

namespace pw::expr::gitlab {

// One token of a GitLab rules:if expression.
struct Token
{
    enum class Kind {
        End,
        Variable,
        String,
        Regex,
        Null,
        True,
        False,
        LeftParen,
        RightParen,
        Equal,
        NotEqual,
        Match,
        NotMatch,
        And,
        Or,
    };

    Kind kind = Kind::End;
    QString text;  // the variable's name, the string's value or the regex's pattern
    QString flags; // a regex's flags
    int offset = 0;
    int length = 0;
};

// Splits `text` into tokens ending with one of kind End. Reports, with its offset, the first
// thing that is not GitLab syntax: `${NAME}`, an unclosed string or regex, an unknown flag,
// a bare word, or an operator GitLab does not have.
Result<QList<Token>, ParseError> tokenize(const QString &text);

// How a token is named in an error message: '$NAME', "main", /regex/, '&&'...
QString describe(const Token &token);

} // namespace pw::expr::gitlab
