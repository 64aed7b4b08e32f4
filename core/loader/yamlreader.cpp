#include "yamlreader.h"

#include "limits.h"

#include <QSet>

namespace pw::loader {

namespace {

// A `<<` merging a map that merges another, and so on, stops here; YAML lets an alias
// refer to the map that holds it, which would otherwise merge without end.
constexpr int maxMergeDepth = 8;

bool isMergeKey(const YAML::Node &key)
{
    return key.IsScalar() && key.Tag() == "?" && key.Scalar() == "<<";
}

} // namespace

YamlReader::YamlReader(const SourceText &source, DiagnosticSink &sink)
    : m_source(source)
    , m_sink(sink)
{
}

SourceLocation YamlReader::locate(const YAML::Mark &mark) const
{
    return m_source.locate(mark.pos, mark.line, mark.column);
}

SourceLocation YamlReader::locate(const YAML::Node &node) const
{
    return locate(node.Mark());
}

SourceLocation YamlReader::locateValue(const MapEntry &entry) const
{
    const YAML::Mark key = entry.keyNode.Mark();
    const YAML::Mark value = entry.value.Mark();
    if (entry.value.IsNull() && (value.line < 0 || value.line != key.line))
        return locate(key);
    return locate(value);
}

void YamlReader::error(const YAML::Node &at, const QString &message)
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

void YamlReader::warning(const YAML::Node &at, const QString &message)
{
    m_sink.warning(locate(at), message);
}

QList<MapEntry> YamlReader::entries(const YAML::Node &map, const QStringList &allowed,
                                    const QString &where)
{
    QList<MapEntry> entries;
    QList<NodeRef> merged;
    collectEntries(map, 0, entries, merged);
    mergeEntries(merged, 0, entries);
    checkKeys(entries, allowed, where);
    return entries;
}

void YamlReader::collectEntries(const YAML::Node &map, int mergeDepth,
                                QList<MapEntry> &entries, QList<NodeRef> &merged)
{
    if (!map.IsMap() || !spend(qsizetype(map.size()), map))
        return;

    QHash<QString, int> firstLines;
    for (const MapEntry &entry : std::as_const(entries))
        firstLines.insert(entry.key, -1);

    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first;
        if (isMergeKey(key)) {
            merged.append(it->second);
            continue;
        }
        if (!isText(key)) {
            error(key, QStringLiteral("keys must be names, got %1").arg(describe(key)));
            continue;
        }

        const QString text = scalarText(key);
        const auto first = firstLines.constFind(text);
        if (first == firstLines.cend()) {
            firstLines.insert(text, locate(key).line);
            entries.append({text, key, it->second});
        } else if (mergeDepth == 0 && *first > 0) {
            error(key, QStringLiteral("the key '%1' is given twice; the first is on line %2")
                           .arg(text)
                           .arg(*first));
        }
    }
}

// Adds the entries of merged maps that the map does not set itself, as YAML's merge key
// promises; the first merged map that sets a key wins.
void YamlReader::mergeEntries(const QList<NodeRef> &merged, int mergeDepth,
                              QList<MapEntry> &entries)
{
    for (const YAML::Node &source : merged) {
        QList<NodeRef> maps;
        if (source.IsSequence())
            maps = items(source);
        else
            maps.append(source);

        for (const YAML::Node &map : std::as_const(maps)) {
            if (!map.IsMap()) {
                error(map, QStringLiteral("'<<' merges maps, got %1").arg(describe(map)));
            } else if (mergeDepth >= maxMergeDepth) {
                error(map, QStringLiteral("'<<' merges are nested too deeply"));
            } else {
                QList<NodeRef> inner;
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

QList<NodeRef> YamlReader::items(const YAML::Node &list)
{
    QList<NodeRef> result;
    if (!list.IsSequence() || !spend(qsizetype(list.size()), list))
        return result;

    result.reserve(qsizetype(list.size()));
    for (const YAML::Node &item : list)
        result.append(item);
    return result;
}

bool YamlReader::spend(qsizetype count, const YAML::Node &at)
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

QString describe(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Sequence:
        return QStringLiteral("a list");
    case YAML::NodeType::Map:
        return QStringLiteral("a map");
    case YAML::NodeType::Scalar: {
        const QString text = scalarText(node);
        const QString shown = text.size() > 40 ? text.left(37) + QStringLiteral("...") : text;
        return QLatin1Char('\'') + shown + QLatin1Char('\'');
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

QString scalarText(const YAML::Node &node)
{
    if (!node.IsScalar())
        return QString();
    const std::string &text = node.Scalar();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

bool isText(const YAML::Node &node)
{
    return node.IsScalar();
}

QString peekText(const YAML::Node &map, const char *key)
{
    if (!map.IsMap())
        return QString();
    for (auto it = map.begin(); it != map.end(); ++it) {
        if (it->first.IsScalar() && it->first.Scalar() == key)
            return scalarText(it->second);
    }
    return QString();
}

} // namespace pw::loader
