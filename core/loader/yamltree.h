#pragma once

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace pw::loader {

// Where a node starts: a byte offset with its 0-based line and byte column, as the YAML
// parser counts them; negative when unknown.
struct YamlMark
{
    qsizetype offset = -1;
    int line = -1;
    int column = -1;
};

class YamlDocument;

// A handle on a node of a parsed YAML document: a text (YAML's scalar; numbers and
// booleans are texts too), a list, a map, or nothing (null). Cheap to copy; valid while
// its document lives. A default handle is nothing, at no place.
class YamlNode
{
public:
    enum class Kind { Null, Text, List, Map };

    YamlNode() = default;

    Kind kind() const;
    bool isNull() const { return kind() == Kind::Null; }
    bool isText() const { return kind() == Kind::Text; }
    bool isList() const { return kind() == Kind::List; }
    bool isMap() const { return kind() == Kind::Map; }

    // The text as the file means it (quotes and escapes resolved); empty if not a text.
    QString text() const;
    // Whether the text was written without quotes, block indicator or tag.
    bool isPlain() const;
    YamlMark mark() const;

    // The items of a list or the entries of a map.
    qsizetype size() const;
    YamlNode item(qsizetype index) const;
    YamlNode key(qsizetype index) const;
    YamlNode value(qsizetype index) const;

    // Whether both handles refer to the same node, as aliases of one anchor do.
    bool isSameNode(const YamlNode &other) const;

private:
    friend class YamlDocument;
    YamlNode(const YamlDocument *document, int index)
        : m_document(document)
        , m_index(index)
    {}

    const YamlDocument *m_document = nullptr;
    int m_index = -1;
};

// The nodes of one YAML document. Aliases refer to the anchored node itself, so a node
// may be reached from several places, even from inside itself.
class YamlDocument
{
public:
    YamlNode root() const { return YamlNode(this, m_root); }

private:
    friend class YamlNode;
    friend class YamlTreeBuilder;

    struct Node
    {
        YamlNode::Kind kind = YamlNode::Kind::Null;
        bool plain = false;
        YamlMark mark;
        QString text;
        int firstChild = 0; // into m_children; a map's children alternate key and value
        int childCount = 0;
    };

    QList<Node> m_nodes;
    QList<int> m_children;
    int m_root = -1;
};

// Why a text could not be parsed, and where.
struct YamlSyntaxError
{
    YamlMark mark;
    QString message;
    // False when the text may be valid YAML but could not be read, as when too large.
    bool invalidYaml = true;
};

// Parses the first YAML document of `text` (nothing when it holds none) with yaml-cpp's
// event parser. Fails with yaml-cpp's message, or when the document has more than
// `maxNodes` nodes.
struct YamlParseResult
{
    std::shared_ptr<const YamlDocument> document; // null when there is no document
    std::optional<YamlSyntaxError> error;
};
YamlParseResult parseFirstYamlDocument(const QByteArray &text, qsizetype maxNodes);

} // namespace pw::loader
