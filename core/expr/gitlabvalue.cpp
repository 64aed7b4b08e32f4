#include "gitlabvalue.h"

namespace pw::expr::gitlab {

Value Value::boolean(bool value)
{
    Value result;
    result.m_kind = Kind::Boolean;
    result.m_boolean = value;
    return result;
}

Value Value::string(const QString &text)
{
    Value result;
    result.m_kind = Kind::String;
    result.m_text = text;
    return result;
}

Value Value::regex(RegexPtr regex)
{
    Value result;
    result.m_kind = Kind::Regex;
    result.m_text = regex->written;
    result.m_regex = std::move(regex);
    return result;
}

bool Value::isTruthy() const
{
    return m_kind != Kind::Null && !(m_kind == Kind::Boolean && !m_boolean);
}

bool Value::isPresent() const
{
    switch (m_kind) {
    case Kind::Null:
        return false;
    case Kind::Boolean:
        return m_boolean;
    case Kind::String:
        return !m_text.trimmed().isEmpty();
    case Kind::Regex:
        return true;
    }
    return false;
}

QString Value::toText() const
{
    if (m_kind == Kind::Boolean)
        return m_boolean ? QStringLiteral("true") : QStringLiteral("false");
    return m_text;
}

bool Value::operator==(const Value &other) const
{
    if (m_kind != other.m_kind)
        return false;
    if (m_kind == Kind::Boolean)
        return m_boolean == other.m_boolean;
    return m_text == other.m_text;
}

} // namespace pw::expr::gitlab
