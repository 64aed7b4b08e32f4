#include "flowtext.h"

#include "textscan.h"
#include "yamlwriter.h"

#include <algorithm>

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

// Deeper than any pipeline file writes; the tree's own limit is larger, and this keeps the
// recursion here well within the stack.
constexpr int maxDepth = 64;

QByteArray sourceOf(const SyntaxTree &tree, qsizetype begin, qsizetype end)
{
    return tree.text().mid(begin, end - begin);
}

// The anchor (and tag) written before the node's content, with a space after it.
QByteArray prefixOf(const SyntaxTree &tree, const SyntaxNode &node)
{
    const QByteArray prefix = sourceOf(tree, node.start, node.contentStart).trimmed();
    return prefix.isEmpty() ? prefix : prefix + ' ';
}

bool isOneLine(const SyntaxTree &tree, const SyntaxNode &node)
{
    const QByteArray content = sourceOf(tree, node.contentStart, node.end);
    return !content.contains('\n') && !content.contains('\r');
}

Result<QByteArray> flowText(const SyntaxTree &tree, int index, int depth)
{
    if (depth > maxDepth)
        return Error{QStringLiteral("the text is nested too deeply to be moved here")};
    const SyntaxNode &node = tree.node(index);
    const QByteArray prefix = prefixOf(tree, node);
    switch (node.kind) {
    case Kind::Null:
        return QByteArray(prefix + "null");
    case Kind::Alias:
        return sourceOf(tree, node.contentStart, node.end);
    case Kind::Scalar: {
        const bool quoted = node.style == '\'' || node.style == '"';
        if (quoted && isOneLine(tree, node))
            return QByteArray(prefix + sourceOf(tree, node.contentStart, node.end));
        // A block text stays a text, never a number or a word such as `true`.
        const bool block = node.style == '|' || node.style == '>';
        return QByteArray(prefix + yamlScalar(node.text, true, block ? '"' : 0));
    }
    case Kind::List:
    case Kind::Map:
        break;
    }
    if (node.flow && isOneLine(tree, node))
        return QByteArray(prefix + sourceOf(tree, node.contentStart, node.end));

    const bool isMap = node.kind == Kind::Map;
    QByteArrayList parts;
    for (qsizetype i = 0; i < node.children.size(); i += isMap ? 2 : 1) {
        Result<QByteArray> part = flowText(tree, node.children.at(i), depth + 1);
        if (part && isMap) {
            const Result<QByteArray> value = flowText(tree, node.children.at(i + 1), depth + 1);
            part = value ? Result<QByteArray>(QByteArray(*part + ": " + *value)) : value;
        }
        if (!part)
            return part;
        parts.append(*part);
    }
    const QByteArray body = parts.join(", ");
    return QByteArray(prefix + (isMap ? "{" + body + "}" : "[" + body + "]"));
}

// Where the texts (scalars, aliases) inside [begin, end) are, in file order.
QList<std::pair<qsizetype, qsizetype>> textsWithin(const SyntaxTree &tree, qsizetype begin,
                                                   qsizetype end)
{
    QList<std::pair<qsizetype, qsizetype>> texts;
    for (int i = 0; i < tree.nodeCount(); ++i) {
        const SyntaxNode &node = tree.node(i);
        const bool isText = node.kind == Kind::Scalar || node.kind == Kind::Alias;
        if (isText && node.end > begin && node.start < end)
            texts.append({node.start, node.end});
    }
    std::sort(texts.begin(), texts.end());
    return texts;
}

} // namespace

Result<QByteArray> flowTextOf(const SyntaxTree &tree, int node)
{
    return flowText(tree, node, 0);
}

bool holdsComment(const SyntaxTree &tree, qsizetype begin, qsizetype end)
{
    const QByteArray &text = tree.text();
    const auto texts = textsWithin(tree, begin, end);
    qsizetype next = 0;
    for (qsizetype at = begin; at < end && at < text.size(); ++at) {
        // Skip the texts that start here or before; a '#' inside them is no comment.
        while (next < texts.size() && texts.at(next).first <= at) {
            at = std::max(at, texts.at(next).second);
            ++next;
        }
        if (at >= end || at >= text.size())
            break;
        const bool afterBlank = at == 0 || isSpace(text.at(at - 1)) || isLineBreak(text.at(at - 1));
        if (text.at(at) == '#' && afterBlank)
            return true;
    }
    return false;
}

} // namespace pw::edit
