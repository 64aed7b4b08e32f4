#pragma once

#include "core/expr/gitlabregex.h"

#include <QString>

namespace pw::expr::gitlab {

// What a part of a rules:if expression evaluates to. GitLab evaluates these expressions in
// Ruby, and the results of `&&`, `||` and comparisons follow from Ruby's values, so they are
// modelled here: nil (an undefined variable or `null`), a boolean, a string or a regex.
class Value
{
public:
    enum class Kind { Null, Boolean, String, Regex };

    static Value null() { return Value(); }
    static Value boolean(bool value);
    static Value string(const QString &text);
    static Value regex(RegexPtr regex);

    Kind kind() const { return m_kind; }
    const RegexPtr &regex() const { return m_regex; }

    // Ruby's truth, which `&&` and `||` use: everything but nil and false, even "".
    bool isTruthy() const;
    // Rails' present?, which decides the rule: not nil, false, or a string of only blanks.
    bool isPresent() const;
    // Ruby's to_s: the text a regular expression is matched against ("" for nil).
    QString toText() const;

    // Ruby's ==: values of different kinds are never equal, so nil differs from "".
    bool operator==(const Value &other) const;

private:
    Kind m_kind = Kind::Null;
    bool m_boolean = false;
    QString m_text;
    RegexPtr m_regex;
};

} // namespace pw::expr::gitlab
