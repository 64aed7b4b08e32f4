#pragma once

#include "yamlreader.h"

#include <algorithm>
#include <initializer_list>

namespace pw::loader {

// How one key of a map is read into `Target`.
template<typename Target>
struct KeyRule
{
    const char *key;
    void (*read)(YamlReader &reader, const MapEntry &entry, Target &target);
};

// The keys a map of some kind may hold, how each is read, and which must be present.
// Unknown keys and missing required ones are reported with the map's `where`.
template<typename Target>
class KeyRules
{
public:
    KeyRules(std::initializer_list<KeyRule<Target>> rules, const QStringList &required)
        : m_rules(rules)
        , m_required(required)
    {
        for (const KeyRule<Target> &rule : m_rules)
            m_names.append(QString::fromLatin1(rule.key));
    }

    const QStringList &names() const { return m_names; }

    // Reads every entry of `map` into `target`.
    void read(YamlReader &reader, const YamlNode &map, const QString &where, Target &target) const
    {
        const QList<MapEntry> entries = reader.entries(map, m_names, where);
        readEntries(reader, entries, target);
        reportMissing(reader, map, entries, where);
    }

    void readEntries(YamlReader &reader, const QList<MapEntry> &entries, Target &target) const
    {
        for (const MapEntry &entry : entries) {
            const qsizetype index = m_names.indexOf(entry.key);
            if (index >= 0)
                m_rules[index].read(reader, entry, target);
        }
    }

    void reportMissing(YamlReader &reader, const YamlNode &map, const QList<MapEntry> &entries,
                       const QString &where) const
    {
        // Once the reader has stopped reading, missing keys are no news.
        if (reader.exhausted())
            return;
        for (const QString &key : m_required) {
            const auto given = [&](const MapEntry &entry) { return entry.key == key; };
            if (std::none_of(entries.begin(), entries.end(), given))
                reader.error(map, QStringLiteral("missing key '%1' in %2").arg(key, where));
        }
    }

private:
    QList<KeyRule<Target>> m_rules;
    QStringList m_names;
    QStringList m_required;
};

} // namespace pw::loader
