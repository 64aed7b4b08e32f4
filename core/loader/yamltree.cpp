#include "yamltree.h"

#include <QHash>

#include <sstream>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

namespace pw::loader {

YamlNode::Kind YamlNode::kind() const
{
    return m_document ? m_document->m_nodes[m_index].kind : Kind::Null;
}

QString YamlNode::text() const
{
    return m_document ? m_document->m_nodes[m_index].text : QString();
}

bool YamlNode::isPlain() const
{
    return m_document && m_document->m_nodes[m_index].plain;
}

YamlMark YamlNode::mark() const
{
    return m_document ? m_document->m_nodes[m_index].mark : YamlMark();
}

qsizetype YamlNode::size() const
{
    if (!m_document)
        return 0;
    const YamlDocument::Node &node = m_document->m_nodes[m_index];
    return node.kind == Kind::Map ? node.childCount / 2 : node.childCount;
}

YamlNode YamlNode::item(qsizetype index) const
{
    const YamlDocument::Node &node = m_document->m_nodes[m_index];
    return YamlNode(m_document, m_document->m_children[node.firstChild + index]);
}

YamlNode YamlNode::key(qsizetype index) const
{
    return item(2 * index);
}

YamlNode YamlNode::value(qsizetype index) const
{
    return item(2 * index + 1);
}

bool YamlNode::isSameNode(const YamlNode &other) const
{
    return m_document == other.m_document && m_index == other.m_index;
}

namespace {

// Thrown from the event handler to stop the parser when a document grows too large.
struct TooManyNodes
{
};

YamlMark toMark(const YAML::Mark &mark)
{
    return YamlMark{mark.pos, mark.line, mark.column};
}

} // namespace

// Builds a YamlDocument from the parser's events. Collections collect their children
// while open and store them in one run when they close.
class YamlTreeBuilder : public YAML::EventHandler
{
public:
    YamlTreeBuilder(YamlDocument &document, qsizetype maxNodes)
        : m_document(document)
        , m_maxNodes(maxNodes)
    {}

    bool hasRoot() const { return m_document.m_root >= 0; }

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        attach(addNode(YamlNode::Kind::Null, mark, anchor));
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto anchored = m_anchors.constFind(anchor);
        attach(anchored != m_anchors.cend() ? *anchored : addNode(YamlNode::Kind::Null, mark, 0));
    }

    void OnScalar(const YAML::Mark &mark, const std::string &tag, YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const int index = addNode(YamlNode::Kind::Text, mark, anchor);
        YamlDocument::Node &node = m_document.m_nodes[index];
        node.text = QString::fromUtf8(value.data(), qsizetype(value.size()));
        // yaml-cpp tags untagged plain texts "?" and untagged quoted or block texts "!".
        node.plain = tag == "?";
        attach(index);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(addNode(YamlNode::Kind::List, mark, anchor));
    }

    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(addNode(YamlNode::Kind::Map, mark, anchor));
    }

    void OnMapEnd() override { close(); }

private:
    int addNode(YamlNode::Kind kind, const YAML::Mark &mark, YAML::anchor_t anchor)
    {
        if (m_document.m_nodes.size() >= m_maxNodes)
            throw TooManyNodes();
        const int index = int(m_document.m_nodes.size());
        m_document.m_nodes.append({kind, false, toMark(mark), QString(), 0, 0});
        if (anchor != YAML::NullAnchor)
            m_anchors.insert(anchor, index);
        return index;
    }

    void attach(int index)
    {
        if (m_open.isEmpty())
            m_document.m_root = index;
        else
            m_open.last().children.append(index);
    }

    void open(int index)
    {
        attach(index);
        m_open.append(OpenCollection{index, {}});
    }

    void close()
    {
        if (m_open.isEmpty())
            return;
        const OpenCollection collection = m_open.takeLast();
        YamlDocument::Node &node = m_document.m_nodes[collection.index];
        node.firstChild = int(m_document.m_children.size());
        node.childCount = int(collection.children.size());
        m_document.m_children.append(collection.children);
    }

    struct OpenCollection
    {
        int index;
        QList<int> children;
    };

    YamlDocument &m_document;
    const qsizetype m_maxNodes;
    QList<OpenCollection> m_open;
    QHash<YAML::anchor_t, int> m_anchors;
};

YamlParseResult parseFirstYamlDocument(const QByteArray &text, qsizetype maxNodes)
{
    auto document = std::make_shared<YamlDocument>();
    YamlTreeBuilder builder(*document, maxNodes);
    std::istringstream stream(std::string(text.constData(), size_t(text.size())));
    YamlParseResult result;
    try {
        // Only the first document: yaml-cpp 0.7 may return endless empty documents after
        // a stray ',' when asked for the next one.
        YAML::Parser parser(stream);
        if (parser.HandleNextDocument(builder) && builder.hasRoot())
            result.document = document;
    } catch (const YAML::DeepRecursion &exception) {
        // yaml-cpp's own depth limit, which comes with a misleading message.
        result.error = YamlSyntaxError{
            toMark(exception.mark), QStringLiteral("lists and maps are nested too deeply"), false};
    } catch (const YAML::Exception &exception) {
        result.error =
            YamlSyntaxError{toMark(exception.mark), QString::fromStdString(exception.msg)};
    } catch (const TooManyNodes &) {
        const QString message = QStringLiteral("the file holds more than %1 values").arg(maxNodes);
        result.error = YamlSyntaxError{YamlMark(), message, false};
    } catch (const std::exception &exception) {
        result.error = YamlSyntaxError{YamlMark(),
                                       QStringLiteral("the YAML parser failed: ")
                                           + QString::fromLocal8Bit(exception.what()),
                                       false};
    }
    return result;
}

} // namespace pw::loader
