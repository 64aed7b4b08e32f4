#include "docvalues.h"

#include "core/loader/values.h"

#include <QRegularExpression>

namespace pw::gitlab {

namespace {

// GitLab flattens nested script lists up to this depth.
constexpr int maxListNesting = 10;

} // namespace

void ValueReader::error(const DocNode &at, const QString &message)
{
    m_sink.error(at.location, message);
}

void ValueReader::warning(const DocNode &at, const QString &message)
{
    m_sink.warning(at.location, message);
}

std::optional<QString> ValueReader::text(const DocNode &value, const QString &key)
{
    if (value.isText())
        return value.text;
    error(value, QStringLiteral("'%1' must be a text, got %2").arg(key, describe(value)));
    return std::nullopt;
}

std::optional<bool> ValueReader::boolean(const DocNode &value, const QString &key)
{
    const QString text = value.text.toLower();
    if (value.isText() && (text == QLatin1String("true") || text == QLatin1String("false")))
        return text == QLatin1String("true");
    error(value, QStringLiteral("'%1' must be true or false, got %2").arg(key, describe(value)));
    return std::nullopt;
}

std::optional<int> ValueReader::wholeNumber(const DocNode &value, const QString &key, int min,
                                            int max)
{
    static const QRegularExpression digits(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,9}")));
    if (value.isText() && digits.match(value.text).hasMatch()) {
        const int number = value.text.toInt();
        if (number >= min && number <= max)
            return number;
    }
    error(value, QStringLiteral("'%1' must be a whole number from %2 to %3, got %4")
                     .arg(key)
                     .arg(min)
                     .arg(max)
                     .arg(describe(value)));
    return std::nullopt;
}

std::optional<Milliseconds> ValueReader::duration(const DocNode &value, const QString &key)
{
    const std::optional<QString> written = text(value, key);
    if (!written)
        return std::nullopt;
    const Result<Milliseconds> parsed = parseDuration(*written);
    if (!parsed) {
        error(value, QStringLiteral("invalid '%1': %2").arg(key, parsed.error().message));
        return std::nullopt;
    }
    if (parsed->count() <= 0) {
        error(value, QStringLiteral("'%1' must be longer than zero").arg(key));
        return std::nullopt;
    }
    return *parsed;
}

bool ValueReader::flatten(const DocNode &value, const QString &key, int depth, QStringList &out)
{
    if (value.isText()) {
        out.append(value.text);
        return true;
    }
    if (value.isList() && depth < maxListNesting) {
        bool valid = true;
        for (const DocNode &item : value.items)
            valid = flatten(item, key, depth + 1, out) && valid;
        return valid;
    }
    if (value.isList()) {
        error(value, QStringLiteral("'%1' nests lists more than %2 levels deep")
                         .arg(key)
                         .arg(maxListNesting));
        return false;
    }
    error(value,
          QStringLiteral("the items of '%1' must be texts, got %2").arg(key, describe(value)));
    return false;
}

std::optional<QStringList> ValueReader::textList(const DocNode &value, const QString &key)
{
    if (!value.isText() && !value.isList()) {
        error(value, QStringLiteral("'%1' must be a text or a list of texts, got %2")
                         .arg(key, describe(value)));
        return std::nullopt;
    }
    QStringList texts;
    if (!flatten(value, key, 0, texts))
        return std::nullopt;
    return texts;
}

std::optional<QStringList> ValueReader::script(const DocNode &value, const QString &key)
{
    std::optional<QStringList> lines = textList(value, key);
    if (lines)
        lines->removeIf([](const QString &line) { return line.trimmed().isEmpty(); });
    return lines;
}

std::optional<Variable> ValueReader::variable(const DocEntry &entry)
{
    const DocNode &value = entry.value;
    if (value.isNull())
        return Variable{entry.key, QString(), true};
    if (value.isText())
        return Variable{entry.key, value.text, true};
    if (!value.isMap()) {
        error(value, QStringLiteral("variable '%1' must be a text or a map with 'value', got %2")
                         .arg(entry.key, describe(value)));
        return std::nullopt;
    }

    Variable variable{entry.key, QString(), true};
    static const QStringList keys = {"value", "expand", "description", "options"};
    for (const DocEntry &field :
         entries(value, keys, QStringLiteral("variable '%1'").arg(entry.key))) {
        if (field.key == QLatin1String("value")) {
            if (const std::optional<QString> text = this->text(field.value, field.key))
                variable.value = *text;
        } else if (field.key == QLatin1String("expand")) {
            if (const std::optional<bool> expand = boolean(field.value, field.key))
                variable.expand = *expand;
        }
    }
    return variable;
}

std::optional<Variables> ValueReader::variables(const DocNode &value, const QString &key)
{
    if (value.isNull())
        return Variables{};
    if (!value.isMap()) {
        error(value, QStringLiteral("'%1' must be a map of names to values, got %2")
                         .arg(key, describe(value)));
        return std::nullopt;
    }

    Variables result;
    bool valid = true;
    for (const DocEntry &entry : value.entries) {
        if (!loader::isEnvironmentName(entry.key)) {
            m_sink.error(entry.keyLocation, QStringLiteral("'%1' is not a valid variable name; %2")
                                                .arg(entry.key, loader::environmentNameRule()));
            valid = false;
        } else if (const std::optional<Variable> variable = this->variable(entry)) {
            setVariable(result, variable->name, variable->value, variable->expand);
        } else {
            valid = false;
        }
    }
    return valid ? std::optional(result) : std::nullopt;
}

QList<DocEntry> ValueReader::entries(const DocNode &map, const QStringList &allowed,
                                     const QString &where)
{
    for (const DocEntry &entry : map.entries) {
        if (allowed.contains(entry.key))
            continue;
        QString hint = m_sink.didYouMean(entry.key, allowed);
        if (hint.isEmpty())
            hint = QStringLiteral("; expected one of: ") + allowed.join(QStringLiteral(", "));
        m_sink.warning(
            entry.keyLocation,
            QStringLiteral("unknown key '%1' in %2 is ignored%3").arg(entry.key, where, hint));
    }
    return map.entries;
}

} // namespace pw::gitlab
