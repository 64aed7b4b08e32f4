#pragma once

#include "diagnosticsink.h"
#include "sourcetext.h"

#include <QList>

#include <yaml-cpp/yaml.h>

namespace pw::loader {

// A handle on a parsed node. yaml-cpp's Node::operator= writes through to the node it
// refers to and so changes the document; this handle's assignment only makes it refer to
// another node, so that it may live in lists and structs that are copied and reordered.
class NodeRef : public YAML::Node
{
public:
    NodeRef() = default;
    NodeRef(const YAML::Node &node)
        : YAML::Node(node)
    {
    }
    NodeRef(const NodeRef &other) = default;

    NodeRef &operator=(const NodeRef &other)
    {
        reset(other);
        return *this;
    }
    NodeRef &operator=(const YAML::Node &other)
    {
        reset(other);
        return *this;
    }
};

// One key of a map with its value, as the file wrote them.
struct MapEntry
{
    QString key;
    NodeRef keyNode;
    NodeRef value;
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

    SourceLocation locate(const YAML::Node &node) const;
    SourceLocation locate(const YAML::Mark &mark) const;
    // Where an entry's value is; the key's place when the value is missing, because the
    // parser then points at whatever follows the key.
    SourceLocation locateValue(const MapEntry &entry) const;

    void error(const YAML::Node &at, const QString &message);
    void errorAtKey(const MapEntry &entry, const QString &message);
    void errorAtValue(const MapEntry &entry, const QString &message);
    void warning(const YAML::Node &at, const QString &message);

    // The entries of `map` in file order, each key once, with the entries of YAML merge
    // keys (`<<: *defaults`) after them. Reports keys that are not text, repeated keys
    // (keeping the first) and, unless `allowed` is empty, keys not in `allowed`. `where`
    // names the map in messages, as in "job 'lint'" or "the top level".
    QList<MapEntry> entries(const YAML::Node &map, const QStringList &allowed,
                            const QString &where);
    // The items of a list; none once maxValuesRead values have been read.
    QList<NodeRef> items(const YAML::Node &list);

private:
    void collectEntries(const YAML::Node &map, int mergeDepth, QList<MapEntry> &entries,
                        QList<NodeRef> &merged);
    void mergeEntries(const QList<NodeRef> &merged, int mergeDepth,
                      QList<MapEntry> &entries);
    void checkKeys(const QList<MapEntry> &entries, const QStringList &allowed,
                   const QString &where);
    bool spend(qsizetype count, const YAML::Node &at);

    const SourceText &m_source;
    DiagnosticSink &m_sink;
    qint64 m_valuesRead = 0;
    bool m_budgetReported = false;
};

// How a node reads in a message: "a list", "a map", "nothing", or the text in quotes.
QString describe(const YAML::Node &node);
// The node's text as written; empty for anything but a text.
QString scalarText(const YAML::Node &node);
// Whether the node is a text (YAML's scalar; numbers and booleans are texts too).
bool isText(const YAML::Node &node);
// The first entry named `key`, if any; for finding a name to use in messages.
QString peekText(const YAML::Node &map, const char *key);

} // namespace pw::loader
