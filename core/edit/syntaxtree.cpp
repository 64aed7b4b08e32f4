#include "syntaxtree.h"

#include "core/loader/diagnosticsink.h"
#include "core/loader/inputguard.h"
#include "core/loader/limits.h"
#include "extentscanner.h"
#include "textscan.h"

#include <QHash>

#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

namespace pw::edit {

namespace {

struct TooManyNodes
{
};

} // namespace

// Builds the nodes from yaml-cpp's events; places are the parser's start marks, moved by
// `shift` bytes (a byte order mark the parser did not see).
class SyntaxTreeBuilder : public YAML::EventHandler
{
public:
    SyntaxTreeBuilder(SyntaxTree &tree, qsizetype shift)
        : m_tree(tree)
        , m_shift(shift)
    {}

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnAnchor(const YAML::Mark &, const std::string &name) override
    {
        m_anchorName = QString::fromStdString(name);
    }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        attach(add(SyntaxNode::Kind::Null, mark, anchor));
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const int index = add(SyntaxNode::Kind::Alias, mark, YAML::NullAnchor);
        const auto anchored = m_anchors.constFind(anchor);
        if (anchored != m_anchors.cend()) {
            m_tree.m_nodes[index].aliasOf = *anchored;
            ++m_tree.m_nodes[*anchored].aliasCount;
        }
        attach(index);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const int index = add(SyntaxNode::Kind::Scalar, mark, anchor);
        m_tree.m_nodes[index].text = QString::fromUtf8(value.data(), qsizetype(value.size()));
        attach(index);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override
    {
        open(add(SyntaxNode::Kind::List, mark, anchor), style);
    }

    void OnSequenceEnd() override { m_open.removeLast(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override
    {
        open(add(SyntaxNode::Kind::Map, mark, anchor), style);
    }

    void OnMapEnd() override { m_open.removeLast(); }

private:
    int add(SyntaxNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (m_tree.m_nodes.size() >= loader::maxNodes)
            throw TooManyNodes();
        SyntaxNode node;
        node.kind = kind;
        node.start = mark.pos + m_shift;
        if (anchor != YAML::NullAnchor) {
            node.anchor = m_anchorName;
            m_anchors.insert(anchor, int(m_tree.m_nodes.size()));
        }
        m_anchorName.clear();
        m_tree.m_nodes.append(node);
        return int(m_tree.m_nodes.size() - 1);
    }

    void attach(int index)
    {
        if (m_open.isEmpty()) {
            m_tree.m_root = index;
            return;
        }
        m_tree.m_nodes[index].parent = m_open.last();
        m_tree.m_nodes[m_open.last()].children.append(index);
    }

    void open(int index, YAML::EmitterStyle::value style)
    {
        m_tree.m_nodes[index].flow = style == YAML::EmitterStyle::Flow;
        attach(index);
        m_open.append(index);
    }

    SyntaxTree &m_tree;
    const qsizetype m_shift;
    QList<int> m_open;
    QHash<YAML::anchor_t, int> m_anchors;
    QString m_anchorName;
};

Result<SyntaxTree> SyntaxTree::parse(const QByteArray &text)
{
    const qsizetype shift = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    SyntaxTree tree;
    tree.m_text = text;
    tree.m_lines = LineIndex(text);

    // The loader's checks bound the parser's recursion and the work of the scans here.
    loader::DiagnosticSink sink;
    if (!loader::checkInput(loader::SourceText(QString(), text.mid(shift)), sink))
        return Error{QStringLiteral("the text cannot be read as YAML")};

    std::istringstream stream(std::string(text.constData() + shift, size_t(text.size() - shift)));
    SyntaxTreeBuilder builder(tree, shift);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(builder);
    } catch (const YAML::Exception &exception) {
        return Error{QStringLiteral("invalid YAML: ") + QString::fromStdString(exception.msg)};
    } catch (const TooManyNodes &) {
        return Error{QStringLiteral("the text holds more than %1 values").arg(loader::maxNodes)};
    } catch (const std::exception &exception) {
        return Error{QStringLiteral("the YAML parser failed: ")
                     + QString::fromLocal8Bit(exception.what())};
    }
    if (tree.m_root < 0)
        return Error{QStringLiteral("the text holds no YAML document")};

    ExtentScanner(tree).scan();
    return tree;
}

int SyntaxTree::findEntry(int map, const QString &key) const
{
    if (map < 0 || m_nodes.at(map).kind != SyntaxNode::Kind::Map)
        return -1;
    for (int entry = 0; entry < entryCount(map); ++entry) {
        const SyntaxNode &keyNode = m_nodes.at(keyAt(map, entry));
        if (keyNode.kind == SyntaxNode::Kind::Scalar && keyNode.text == key)
            return entry;
    }
    return -1;
}

int SyntaxTree::findValue(int map, const QString &key) const
{
    const int entry = findEntry(map, key);
    return entry < 0 ? -1 : valueAt(map, entry);
}

bool SyntaxTree::hasMergeKey(int map) const
{
    const int entry = findEntry(map, QStringLiteral("<<"));
    return entry >= 0 && m_nodes.at(keyAt(map, entry)).style == 0;
}

qsizetype SyntaxTree::dashOf(int list, int item) const
{
    if (item == 0)
        return m_nodes.at(list).contentStart;
    const qsizetype previousEnd = m_nodes.at(m_nodes.at(list).children.at(item - 1)).end;
    return skipBlanksAndComments(m_text, previousEnd);
}

int SyntaxTree::sharedNodeAt(qsizetype begin, qsizetype end) const
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        const SyntaxNode &node = m_nodes.at(i);
        if (node.aliasCount == 0)
            continue;
        // An empty range (an insertion) counts when it falls inside the node.
        const bool overlaps = begin == end ? node.start < begin && begin < node.end
                                           : node.start < end && begin < node.end;
        if (overlaps)
            return i;
    }
    return -1;
}

int SyntaxTree::firstAliasOf(int anchored) const
{
    for (int i = 0; i < m_nodes.size(); ++i) {
        if (m_nodes.at(i).aliasOf == anchored)
            return i;
    }
    return -1;
}

} // namespace pw::edit
