#include "values.h"

#include <QRegularExpression>

#include <algorithm>

namespace pw::loader {

std::optional<QString> readText(YamlReader &reader, const MapEntry &entry)
{
    if (entry.value.isText())
        return entry.value.text();

    reader.errorAtValue(
        entry, QStringLiteral("'%1' must be a text, got %2").arg(entry.key, describe(entry.value)));
    return std::nullopt;
}

namespace {

bool isControl(QChar c)
{
    return c.category() == QChar::Other_Control;
}

} // namespace

std::optional<QString> readName(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QString> text = readText(reader, entry);
    if (!text)
        return std::nullopt;

    QString problem;
    if (text->trimmed().isEmpty())
        problem = QStringLiteral("'%1' must not be empty");
    else if (std::any_of(text->begin(), text->end(), isControl))
        problem = QStringLiteral("'%1' must be one line without tabs or control characters");
    else if (text->trimmed() != *text)
        problem = QStringLiteral("'%1' must not begin or end with spaces");
    if (problem.isEmpty())
        return text;

    reader.errorAtValue(entry, problem.arg(entry.key));
    return std::nullopt;
}

std::optional<bool> readBool(YamlReader &reader, const MapEntry &entry)
{
    static const QStringList yes = {"true", "yes", "on"};
    static const QStringList no = {"false", "no", "off"};
    const QString text = entry.value.text().toLower();
    if (entry.value.isText() && yes.contains(text))
        return true;
    if (entry.value.isText() && no.contains(text))
        return false;

    reader.errorAtValue(
        entry,
        QStringLiteral("'%1' must be true or false, got %2").arg(entry.key, describe(entry.value)));
    return std::nullopt;
}

std::optional<int> readWholeNumber(YamlReader &reader, const MapEntry &entry, int min, int max)
{
    static const QRegularExpression digits(
        QRegularExpression::anchoredPattern(QStringLiteral("[0-9]{1,9}")));
    const QString text = entry.value.text();
    if (entry.value.isText() && digits.match(text).hasMatch()) {
        const int number = text.toInt();
        if (number >= min && number <= max)
            return number;
    }

    reader.errorAtValue(entry, QStringLiteral("'%1' must be a whole number from %2 to %3, got %4")
                                   .arg(entry.key)
                                   .arg(min)
                                   .arg(max)
                                   .arg(describe(entry.value)));
    return std::nullopt;
}

std::optional<Milliseconds> readDuration(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QString> text = readText(reader, entry);
    if (!text)
        return std::nullopt;

    const Result<Milliseconds> duration = parseDuration(*text);
    if (!duration) {
        reader.errorAtValue(
            entry, QStringLiteral("invalid '%1': %2").arg(entry.key, duration.error().message));
        return std::nullopt;
    }
    if (duration->count() <= 0) {
        reader.errorAtValue(entry, QStringLiteral("'%1' must be longer than zero").arg(entry.key));
        return std::nullopt;
    }
    return *duration;
}

std::optional<QString> readChoice(YamlReader &reader, const MapEntry &entry,
                                  const QStringList &choices)
{
    const QString text = entry.value.text();
    if (entry.value.isText() && choices.contains(text))
        return text;

    const QString hint = entry.value.isText() ? reader.sink().didYouMean(text, choices) : QString();
    reader.errorAtValue(entry, QStringLiteral("'%1' must be one of %2, got %3%4")
                                   .arg(entry.key, choices.join(QStringLiteral(", ")),
                                        describe(entry.value), hint));
    return std::nullopt;
}

std::optional<When> readWhen(YamlReader &reader, const MapEntry &entry)
{
    static const QStringList choices = {keyword(When::OnSuccess), keyword(When::OnFailure),
                                        keyword(When::Always)};
    const std::optional<QString> choice = readChoice(reader, entry, choices);
    return choice ? whenFromString(*choice) : std::nullopt;
}

std::optional<QList<TextItem>> readTextItems(YamlReader &reader, const MapEntry &entry)
{
    if (entry.value.isText())
        return QList<TextItem>{{entry.value.text(), entry.value}};
    if (!entry.value.isList()) {
        reader.errorAtValue(entry, QStringLiteral("'%1' must be a list of texts, got %2")
                                       .arg(entry.key, describe(entry.value)));
        return std::nullopt;
    }

    QList<TextItem> result;
    bool valid = true;
    for (const YamlNode &item : reader.items(entry.value)) {
        if (item.isText() && !item.text().isEmpty()) {
            result.append({item.text(), item});
            continue;
        }
        reader.error(item, QStringLiteral("the items of '%1' must be texts, got %2")
                               .arg(entry.key, item.isText() ? QStringLiteral("an empty text")
                                                             : describe(item)));
        valid = false;
    }
    return valid ? std::optional(result) : std::nullopt;
}

std::optional<QStringList> readTextList(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;

    QStringList texts;
    texts.reserve(items->size());
    for (const TextItem &item : *items)
        texts.append(item.text);
    return texts;
}

std::optional<Variables> readVariables(YamlReader &reader, const MapEntry &entry)
{
    // `variables:` with every line below it commented out means none.
    if (entry.value.isNull())
        return Variables();
    if (!entry.value.isMap()) {
        reader.errorAtValue(entry, QStringLiteral("'%1' must be a map of names to values, got %2")
                                       .arg(entry.key, describe(entry.value)));
        return std::nullopt;
    }

    Variables variables;
    bool valid = true;
    for (const MapEntry &variable : reader.entries(entry.value, {}, QString())) {
        if (!isEnvironmentName(variable.key)) {
            reader.errorAtKey(variable, QStringLiteral("'%1' is not a valid variable name; %2")
                                            .arg(variable.key, environmentNameRule()));
            valid = false;
        } else if (variable.value.isNull()) {
            variables.append({variable.key, QString(), true});
        } else if (const std::optional<QString> value = readText(reader, variable)) {
            variables.append({variable.key, *value, true});
        } else {
            valid = false;
        }
    }
    return valid ? std::optional(variables) : std::nullopt;
}

bool isEnvironmentName(const QString &name)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z_][A-Za-z0-9_]*")));
    return pattern.match(name).hasMatch();
}

QString environmentNameRule()
{
    return QStringLiteral("use letters, digits and '_', and do not start with a digit");
}

} // namespace pw::loader
