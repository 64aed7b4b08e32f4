#pragma once

#include "core/loader/diagnosticsink.h"
#include "core/loader/sourcetext.h"

#include <QList>
#include <QString>

#include <yaml-cpp/yaml.h>

namespace pw::gitlab {

struct DocEntry;

// A node of a GitLab CI file after YAML parsing, with the file and place it was written. A
// tree of our own rather than yaml-cpp's nodes, because GitLab merges nodes from several
// files (include), from other jobs (extends, !reference) and from `default`, and every node
// must still say where it came from.
struct DocNode
{
    enum class Kind { Null, Text, List, Map };

    Kind kind = Kind::Null;
    QString text;
    // The YAML tag when one was written ("!reference"), else empty.
    QString tag;
    // True for '...' and "..." texts, which GitLab never reads as null or a number.
    bool quoted = false;
    QList<DocNode> items;
    QList<DocEntry> entries;
    SourceLocation location;

    bool isNull() const { return kind == Kind::Null; }
    bool isText() const { return kind == Kind::Text; }
    bool isList() const { return kind == Kind::List; }
    bool isMap() const { return kind == Kind::Map; }

    // The value of `key` in a map, or nullptr.
    const DocNode *find(const QString &key) const;
    DocNode *find(const QString &key);
    // Sets `key`, replacing an earlier value in place or appending.
    void set(const QString &key, const SourceLocation &keyLocation, const DocNode &value);
    void remove(const QString &key);
};

struct DocEntry
{
    QString key;
    SourceLocation keyLocation;
    DocNode value;
};

// How a node reads in a message: "a list", "a map", "nothing", or the text in quotes.
QString describe(const DocNode &node);

// Counts the nodes built or copied while reading one pipeline, so that aliases, extends and
// !reference cannot make a small file expand without bound.
class NodeBudget
{
public:
    explicit NodeBudget(qint64 limit)
        : m_limit(limit)
    {}
    // False once more than the limit has been spent; reports that once, at `where`.
    bool spend(qint64 count, const SourceLocation &where, loader::DiagnosticSink &sink);
    bool exhausted() const { return m_spent > m_limit; }

private:
    qint64 m_limit;
    qint64 m_spent = 0;
};

// The number of nodes in `node`, itself included.
qint64 nodeCount(const DocNode &node);

// Turns the parsed YAML of `source` into a DocNode tree. Applies YAML merge keys (`<<`),
// reports repeated keys (the later value wins, as in GitLab) and keys that are not texts,
// and stops at maxDocumentDepth levels or when `budget` runs out.
DocNode convertDocument(const YAML::Node &root, const loader::SourceText &source,
                        loader::DiagnosticSink &sink, NodeBudget &budget);

// Parses the first YAML document of `source` after the loader's input checks. Returns
// nothing, with the problem reported, when the text is not YAML we can read.
std::optional<DocNode> parseDocument(const loader::SourceText &source, loader::DiagnosticSink &sink,
                                     NodeBudget &budget);

inline constexpr int maxDocumentDepth = 100;

} // namespace pw::gitlab
