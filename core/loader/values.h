#pragma once

#include "core/model/pipeline.h"
#include "core/util/duration.h"
#include "yamlreader.h"

#include <optional>

namespace pw::loader {

// Readers of the kinds of values a pipeline file holds. Each reports a problem at the
// value, naming the key, and returns nothing when the value has the wrong type or form.

// Any text, as written; numbers and booleans count as texts.
std::optional<QString> readText(YamlReader &reader, const MapEntry &entry);
// A text of one line, not empty, without spaces around it: names of jobs, stages, shells.
std::optional<QString> readName(YamlReader &reader, const MapEntry &entry);
// true or false (also yes/no and on/off, in any case).
std::optional<bool> readBool(YamlReader &reader, const MapEntry &entry);
// A whole number from `min` to `max`.
std::optional<int> readWholeNumber(YamlReader &reader, const MapEntry &entry, int min, int max);
// A duration longer than zero, in parseDuration's forms.
std::optional<Milliseconds> readDuration(YamlReader &reader, const MapEntry &entry);
// One of `choices`, exactly.
std::optional<QString> readChoice(YamlReader &reader, const MapEntry &entry,
                                  const QStringList &choices);
// on_success, on_failure or always.
std::optional<When> readWhen(YamlReader &reader, const MapEntry &entry);

// A text in a list, with its node for reporting problems of that item.
struct TextItem
{
    QString text;
    YamlNode node;
};

// A list of texts; a single text stands for a list of one. Items may not be empty.
std::optional<QList<TextItem>> readTextItems(YamlReader &reader, const MapEntry &entry);
std::optional<QStringList> readTextList(YamlReader &reader, const MapEntry &entry);
// A map of variable names to texts; a missing value is the empty text, and a missing
// map is no variables.
std::optional<Variables> readVariables(YamlReader &reader, const MapEntry &entry);

// Whether `name` may name an environment variable: letters, digits and '_', not starting
// with a digit.
bool isEnvironmentName(const QString &name);
// The rule above, for messages.
QString environmentNameRule();

// Sets `target` when `value` holds something, so that readers leave defaults in place
// when a value is wrong.
template<typename T, typename V>
void assign(T &target, const std::optional<V> &value)
{
    if (value)
        target = *value;
}

} // namespace pw::loader
