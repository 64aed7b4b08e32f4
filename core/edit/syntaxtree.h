#pragma once

#include "core/util/result.h"
#include "lineindex.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace pw::edit {

// A node of a YAML text as it is written: where it starts and ends, how it is written,
// and, unlike the loader's tree, aliases as nodes of their own, so that an edit can tell
// text that one place owns from text that several places share.
struct SyntaxNode
{
    enum class Kind { Null, Scalar, List, Map, Alias };

    Kind kind = Kind::Null;
    bool flow = false;           // a collection in brackets
    char style = 0;              // a scalar's: 0 plain, '\'' or '"' quoted, '|' or '>' block
    qsizetype start = -1;        // the first byte, anchor and tag included
    qsizetype contentStart = -1; // the first byte after anchor and tag
    qsizetype end = -1;          // one past the last byte of the content
    QString text;                // a scalar's value
    QString anchor;              // the name of its anchor, if it has one
    int aliasOf = -1;            // an alias: the node it stands for
    int aliasCount = 0;          // an anchored node: how many aliases stand for it
    int parent = -1;
    QList<int> children; // a map's alternate key and value
};

// The nodes of the first YAML document of a text, with their places in it. Offsets count
// bytes of the whole text, a byte order mark included.
class SyntaxTree
{
public:
    // Parses `text`, which must have passed the loader's input checks (size, encoding,
    // nesting), so that neither the parser nor the walks here can run away.
    static Result<SyntaxTree> parse(const QByteArray &text);

    const QByteArray &text() const { return m_text; }
    const LineIndex &lines() const { return m_lines; }
    int root() const { return m_root; }
    const SyntaxNode &node(int index) const { return m_nodes.at(index); }
    int nodeCount() const { return int(m_nodes.size()); }

    // A map's entries in file order; merge keys (`<<`) are entries like others.
    int entryCount(int map) const { return int(m_nodes.at(map).children.size() / 2); }
    int keyAt(int map, int entry) const { return m_nodes.at(map).children.at(2 * entry); }
    int valueAt(int map, int entry) const { return m_nodes.at(map).children.at(2 * entry + 1); }
    // The entry of `map` whose key is the text `key`, or -1; only the map's own entries.
    int findEntry(int map, const QString &key) const;
    // The value of that entry, or -1.
    int findValue(int map, const QString &key) const;
    // Whether the map holds a merge key, whose entries count as its own when not given.
    bool hasMergeKey(int map) const;

    // The column the node's content starts in, which is the indentation of its items or
    // keys for a block collection.
    int contentColumn(int index) const { return m_lines.columnOf(m_nodes.at(index).contentStart); }
    // The offset of the '-' that introduces item `item` of block list `list`.
    qsizetype dashOf(int list, int item) const;

    // The anchored node with aliases elsewhere whose text overlaps [begin, end), or -1:
    // text there means more than one place.
    int sharedNodeAt(qsizetype begin, qsizetype end) const;
    // The first alias of an anchored node, or -1.
    int firstAliasOf(int anchored) const;

private:
    friend class SyntaxTreeBuilder;
    friend class ExtentScanner;

    QByteArray m_text;
    LineIndex m_lines;
    QList<SyntaxNode> m_nodes;
    int m_root = -1;
};

} // namespace pw::edit
