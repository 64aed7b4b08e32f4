#include "document.h"

#include "core/loader/inputguard.h"

namespace pw::gitlab {

namespace {

using loader::DiagnosticSink;
using loader::SourceText;

bool isMergeKey(const YAML::Node &key)
{
    return key.IsScalar() && key.Tag() == "?" && key.Scalar() == "<<";
}

QString textOf(const YAML::Node &node)
{
    const std::string &text = node.Scalar();
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// The tag as written; yaml-cpp gives "?" and "!" for untagged plain and quoted texts.
QString tagOf(const YAML::Node &node)
{
    const std::string &tag = node.Tag();
    if (tag.empty() || tag == "?" || tag == "!")
        return QString();
    return QString::fromStdString(tag);
}

class Converter
{
public:
    Converter(const SourceText &source, DiagnosticSink &sink, NodeBudget &budget)
        : m_source(source)
        , m_sink(sink)
        , m_budget(budget)
    {}

    DocNode convert(const YAML::Node &node, int depth)
    {
        DocNode result;
        result.location = locate(node);
        if (depth > maxDocumentDepth) {
            if (!m_depthReported)
                m_sink.error(result.location, QStringLiteral("lists and maps are nested more "
                                                             "than %1 levels deep here")
                                                  .arg(maxDocumentDepth));
            m_depthReported = true;
            return result;
        }
        if (!m_budget.spend(1, result.location, m_sink))
            return result;

        result.tag = tagOf(node);
        switch (node.Type()) {
        case YAML::NodeType::Scalar:
            result.kind = DocNode::Kind::Text;
            result.text = textOf(node);
            result.quoted = node.Tag() == "!";
            break;
        case YAML::NodeType::Sequence:
            result.kind = DocNode::Kind::List;
            for (const YAML::Node &item : node)
                result.items.append(convert(item, depth + 1));
            break;
        case YAML::NodeType::Map:
            result.kind = DocNode::Kind::Map;
            convertMap(node, depth, result);
            break;
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            break;
        }
        return result;
    }

private:
    SourceLocation locate(const YAML::Node &node) const
    {
        const YAML::Mark mark = node.Mark();
        return m_source.locate(mark.pos, mark.line, mark.column);
    }

    void convertMap(const YAML::Node &node, int depth, DocNode &result)
    {
        QList<DocNode> merged;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key = it->first;
            if (isMergeKey(key)) {
                merged.append(convert(it->second, depth + 1));
                continue;
            }
            if (!key.IsScalar()) {
                m_sink.error(locate(key), QStringLiteral("keys must be names, got a %1")
                                              .arg(key.IsMap() ? "map" : "list"));
                continue;
            }
            const QString name = textOf(key);
            if (const DocNode *earlier = result.find(name)) {
                m_sink.warning(locate(key), QStringLiteral("the key '%1' is given twice; this "
                                                           "later value wins")
                                                .arg(name));
                Q_UNUSED(earlier);
            }
            result.set(name, locate(key), convert(it->second, depth + 1));
        }
        applyMerges(merged, result);
    }

    // YAML's merge key: the merged maps add the keys the map does not set itself, the
    // first merged map winning.
    void applyMerges(const QList<DocNode> &merged, DocNode &result)
    {
        for (const DocNode &source : merged) {
            const QList<DocNode> maps = source.isList() ? source.items : QList<DocNode>{source};
            for (const DocNode &map : maps) {
                if (!map.isMap()) {
                    m_sink.error(map.location,
                                 QStringLiteral("'<<' merges maps, got %1").arg(describe(map)));
                    continue;
                }
                for (const DocEntry &entry : map.entries) {
                    if (!result.find(entry.key))
                        result.entries.append(entry);
                }
            }
        }
    }

    const SourceText &m_source;
    DiagnosticSink &m_sink;
    NodeBudget &m_budget;
    bool m_depthReported = false;
};

} // namespace

const DocNode *DocNode::find(const QString &key) const
{
    for (const DocEntry &entry : entries) {
        if (entry.key == key)
            return &entry.value;
    }
    return nullptr;
}

DocNode *DocNode::find(const QString &key)
{
    for (DocEntry &entry : entries) {
        if (entry.key == key)
            return &entry.value;
    }
    return nullptr;
}

void DocNode::set(const QString &key, const SourceLocation &keyLocation, const DocNode &value)
{
    if (DocNode *existing = find(key)) {
        *existing = value;
        return;
    }
    entries.append({key, keyLocation, value});
}

void DocNode::remove(const QString &key)
{
    entries.removeIf([&](const DocEntry &entry) { return entry.key == key; });
}

QString describe(const DocNode &node)
{
    switch (node.kind) {
    case DocNode::Kind::List:
        return QStringLiteral("a list");
    case DocNode::Kind::Map:
        return QStringLiteral("a map");
    case DocNode::Kind::Text: {
        const QString shown =
            node.text.size() > 40 ? node.text.left(37) + QStringLiteral("...") : node.text;
        return QLatin1Char('\'') + shown + QLatin1Char('\'');
    }
    case DocNode::Kind::Null:
        break;
    }
    return QStringLiteral("nothing");
}

bool NodeBudget::spend(qint64 count, const SourceLocation &where, loader::DiagnosticSink &sink)
{
    const bool wasExhausted = exhausted();
    m_spent += count;
    if (!exhausted())
        return true;
    if (!wasExhausted) {
        sink.error(where, QStringLiteral("the file expands to more than %1 values (through "
                                         "aliases, extends or !reference?); the rest was not "
                                         "read")
                              .arg(m_limit));
    }
    return false;
}

qint64 nodeCount(const DocNode &node)
{
    qint64 count = 1;
    for (const DocNode &item : node.items)
        count += nodeCount(item);
    for (const DocEntry &entry : node.entries)
        count += nodeCount(entry.value);
    return count;
}

DocNode convertDocument(const YAML::Node &root, const SourceText &source, DiagnosticSink &sink,
                        NodeBudget &budget)
{
    return Converter(source, sink, budget).convert(root, 0);
}

std::optional<DocNode> parseDocument(const SourceText &source, DiagnosticSink &sink,
                                     NodeBudget &budget)
{
    if (!loader::checkInput(source, sink))
        return std::nullopt;

    const QByteArray &bytes = source.bytes();
    try {
        const YAML::Node root = YAML::Load(std::string(bytes.constData(), size_t(bytes.size())));
        return convertDocument(root, source, sink, budget);
    } catch (const YAML::Exception &exception) {
        // yaml-cpp's exceptions end here; the rest of Pipewright sees diagnostics.
        const YAML::Mark mark = exception.mark;
        sink.error(source.locate(mark.pos, mark.line, mark.column),
                   QStringLiteral("invalid YAML: ") + QString::fromStdString(exception.msg));
    } catch (const std::exception &exception) {
        sink.error(source.wholeFile(), QStringLiteral("the YAML parser failed: ")
                                           + QString::fromLocal8Bit(exception.what()));
    }
    return std::nullopt;
}

} // namespace pw::gitlab
