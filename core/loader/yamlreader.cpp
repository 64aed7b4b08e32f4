#include "yamlreader.h"

#include "limits.h"

#include <QHash>

namespace pw::loader {

namespace {

// A `<<` merging a map that merges another, and so on, stops here; YAML lets an alias
// refer to the map that holds it, which would otherwise merge without end.
constexpr int maxMergeDepth = 8;

bool isMergeKey(const YamlNode &key)
{
    return key.isText() && key.isPlain() && key.text() == QLatin1String("<<");
}

// Finds entries by key: by looking through them while they are few, as in most maps of a
// pipeline file, and through a hash once there are many.
class EntryFinder
{
public:
    explicit EntryFinder(const QList<MapEntry> &entries)
        : m_entries(entries)
    {}

    qsizetype find(const QString &key)
    {
        constexpr qsizetype fewEntries = 16;
        if (m_entries.size() <= fewEntries) {
            for (qsizetype i = 0; i < m_entries.size(); ++i) {
                if (m_entries[i].key == key)
                    return i;
            }
            return -1;
        }
        for (; m_hashed < m_entries.size(); ++m_hashed)
            m_indexes.insert(m_entries[m_hashed].key, m_hashed);
        return m_indexes.value(key, -1);
    }

private:
    const QList<MapEntry> &m_entries;
    QHash<QString, qsizetype> m_indexes;
    qsizetype m_hashed = 0;
};

} // namespace

YamlReader::YamlReader(const SourceText &source, DiagnosticSink &sink)
    : m_source(source)
    , m_sink(sink)
{}

SourceLocation YamlReader::locate(const YamlMark &mark) const
{
    return m_source.locate(mark.offset, mark.line, mark.column);
}

SourceLocation YamlReader::locate(const YamlNode &node) const
{
    return locate(node.mark());
}

SourceLocation YamlReader::locateValue(const MapEntry &entry) const
{
    const YamlMark key = entry.keyNode.mark();
    const YamlMark value = entry.value.mark();
    if (entry.value.isNull() && (value.line < 0 || value.line != key.line))
        return locate(key);
    return locate(value);
}

void YamlReader::error(const YamlNode &at, const QString &message)
{
    m_sink.error(locate(at), message);
}

void YamlReader::errorAtKey(const MapEntry &entry, const QString &message)
{
    m_sink.error(locate(entry.keyNode), message);
}

void YamlReader::errorAtValue(const MapEntry &entry, const QString &message)
{
    m_sink.error(locateValue(entry), message);
}

void YamlReader::warning(const YamlNode &at, const QString &message)
{
    m_sink.warning(locate(at), message);
}

QList<MapEntry> YamlReader::entries(const YamlNode &map, const QStringList &allowed,
                                    const QString &where)
{
    QList<MapEntry> entries;
    QList<YamlNode> merged;
    collectEntries(map, 0, entries, merged);
    mergeEntries(merged, 0, entries);
    checkKeys(entries, allowed, where);
    return entries;
}

void YamlReader::collectEntries(const YamlNode &map, int mergeDepth, QList<MapEntry> &entries,
                                QList<YamlNode> &merged)
{
    if (!map.isMap() || !spend(map.size(), map))
        return;

    // Entries already collected come from maps that take precedence: keys they set are
    // skipped silently. Keys this map sets twice are reported.
    const qsizetype inherited = entries.size();
    EntryFinder finder(entries);
    for (qsizetype i = 0; i < map.size(); ++i) {
        const YamlNode key = map.key(i);
        if (isMergeKey(key)) {
            merged.append(map.value(i));
            continue;
        }
        if (!key.isText()) {
            error(key, QStringLiteral("keys must be names, got %1").arg(describe(key)));
            continue;
        }

        const QString text = key.text();
        const qsizetype first = finder.find(text);
        if (first < 0) {
            entries.append({text, key, map.value(i)});
        } else if (mergeDepth == 0 && first >= inherited) {
            error(key, QStringLiteral("the key '%1' is given twice; the first is on line %2")
                           .arg(text)
                           .arg(locate(entries[first].keyNode).line));
        }
    }
}

// Adds the entries of merged maps that the map does not set itself, as YAML's merge key
// promises; the first merged map that sets a key wins.
void YamlReader::mergeEntries(const QList<YamlNode> &merged, int mergeDepth,
                              QList<MapEntry> &entries)
{
    for (const YamlNode &source : merged) {
        QList<YamlNode> maps;
        if (source.isList())
            maps = items(source);
        else
            maps.append(source);

        for (const YamlNode &map : std::as_const(maps)) {
            if (!map.isMap()) {
                error(map, QStringLiteral("'<<' merges maps, got %1").arg(describe(map)));
            } else if (mergeDepth >= maxMergeDepth) {
                error(map, QStringLiteral("'<<' merges are nested too deeply"));
            } else {
                QList<YamlNode> inner;
                collectEntries(map, mergeDepth + 1, entries, inner);
                mergeEntries(inner, mergeDepth + 1, entries);
            }
        }
    }
}

void YamlReader::checkKeys(const QList<MapEntry> &entries, const QStringList &allowed,
                           const QString &where)
{
    if (allowed.isEmpty())
        return;

    for (const MapEntry &entry : entries) {
        if (allowed.contains(entry.key))
            continue;
        QString hint = m_sink.didYouMean(entry.key, allowed);
        if (hint.isEmpty())
            hint = QStringLiteral("; expected one of: ") + allowed.join(QStringLiteral(", "));
        errorAtKey(entry, QStringLiteral("unknown key '%1' in %2%3").arg(entry.key, where, hint));
    }
}

QList<YamlNode> YamlReader::items(const YamlNode &list)
{
    QList<YamlNode> result;
    if (!list.isList() || !spend(list.size(), list))
        return result;

    result.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i)
        result.append(list.item(i));
    return result;
}

bool YamlReader::spend(qsizetype count, const YamlNode &at)
{
    m_valuesRead += count;
    if (m_valuesRead <= maxValuesRead)
        return true;

    if (!m_budgetReported) {
        m_budgetReported = true;
        error(at, QStringLiteral("the file expands to more than %1 values (through aliases?); "
                                 "the rest was not read")
                      .arg(maxValuesRead));
    }
    return false;
}

QString describe(const YamlNode &node)
{
    switch (node.kind()) {
    case YamlNode::Kind::List:
        return QStringLiteral("a list");
    case YamlNode::Kind::Map:
        return QStringLiteral("a map");
    case YamlNode::Kind::Text: {
        const QString text = node.text();
        const QString shown = text.size() > 40 ? text.left(37) + QStringLiteral("...") : text;
        return QLatin1Char('\'') + shown + QLatin1Char('\'');
    }
    case YamlNode::Kind::Null:
        break;
    }
    return QStringLiteral("nothing");
}

QString peekText(const YamlNode &map, const QString &key)
{
    for (qsizetype i = 0; map.isMap() && i < map.size(); ++i) {
        if (map.key(i).isText() && map.key(i).text() == key)
            return map.value(i).text();
    }
    return QString();
}

} // namespace pw::loader
