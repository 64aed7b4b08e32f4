#pragma once

#include "diagnosticsink.h"
#include "sourcetext.h"
#include "yamltree.h"

namespace pw::loader {

// One key of a map with its value, as the file wrote them.
struct MapEntry
{
    QString key;
    YamlNode keyNode;
    YamlNode value;
};

// Walks the nodes of a parsed file for the readers of each part of a pipeline: finds where
// nodes are, reports problems there, and lists map entries and list items while counting
// them against maxValuesRead, so that aliases cannot make reading unbounded.
class YamlReader
{
public:
    YamlReader(const SourceText &source, DiagnosticSink &sink);

    const SourceText &source() const { return m_source; }
    DiagnosticSink &sink() { return m_sink; }

    SourceLocation locate(const YamlNode &node) const;
    SourceLocation locate(const YamlMark &mark) const;
    // Where an entry's value is; the key's place when the value is missing, because the
    // parser then points at whatever follows the key.
    SourceLocation locateValue(const MapEntry &entry) const;

    void error(const YamlNode &at, const QString &message);
    void errorAtKey(const MapEntry &entry, const QString &message);
    void errorAtValue(const MapEntry &entry, const QString &message);
    void warning(const YamlNode &at, const QString &message);

    // The entries of `map` in file order, each key once, with the entries of YAML merge
    // keys (`<<: *defaults`) after them. Reports keys that are not text, repeated keys
    // (keeping the first) and, unless `allowed` is empty, keys not in `allowed`. `where`
    // names the map in messages, as in "job 'lint'" or "the top level".
    QList<MapEntry> entries(const YamlNode &map, const QStringList &allowed, const QString &where);
    // The items of a list; none once maxValuesRead values have been read.
    QList<YamlNode> items(const YamlNode &list);
    // Reports the entries whose keys are not in `allowed`, suggesting the closest.
    void checkKeys(const QList<MapEntry> &entries, const QStringList &allowed,
                   const QString &where);

    // Whether maxValuesRead values have been read; readers then stop.
    bool exhausted() const { return m_budgetReported; }

private:
    void collectEntries(const YamlNode &map, int mergeDepth, QList<MapEntry> &entries,
                        QList<YamlNode> &merged);
    void mergeEntries(const QList<YamlNode> &merged, int mergeDepth, QList<MapEntry> &entries);
    bool spend(qsizetype count, const YamlNode &at);

    const SourceText &m_source;
    DiagnosticSink &m_sink;
    qint64 m_valuesRead = 0;
    bool m_budgetReported = false;
};

// How a node reads in a message: "a list", "a map", "nothing", or the text in quotes.
QString describe(const YamlNode &node);
// The text of the first entry named `key`, if any; for finding a name to use in messages.
QString peekText(const YamlNode &map, const QString &key);

} // namespace pw::loader
