#include "treeedits.h"

#include "textscan.h"
#include "yamlwriter.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

// Where the line of `offset` starts, moved up over the comment lines right above it that
// are indented like it.
qsizetype attachedStart(const SyntaxTree &tree, qsizetype offset)
{
    const LineIndex &lines = tree.lines();
    const int column = lines.columnOf(offset);
    int line = lines.lineOf(offset);
    while (line > 0) {
        const qsizetype above = lines.lineStart(line - 1);
        if (!isCommentLine(tree.text(), above) || indentationAt(tree.text(), above) != column)
            break;
        --line;
    }
    return lines.lineStart(line);
}

// The offset after the ':' that follows a key.
qsizetype colonEnd(const SyntaxTree &tree, int key)
{
    const qsizetype at = skipSpaces(tree.text(), tree.node(key).end);
    return at < tree.text().size() && tree.text().at(at) == ':' ? at + 1 : tree.node(key).end;
}

// The offset after the line break that ends the line holding `offset`.
qsizetype afterLine(const SyntaxTree &tree, qsizetype offset)
{
    return tree.lines().nextLineStart(tree.lines().lineOf(offset));
}

// Inserts whole lines after the line holding `offset`; at the end of a file without a
// last newline, the newline comes first.
void insertLinesAfter(SpliceBuilder &builder, qsizetype offset, QByteArray lines)
{
    const qsizetype at = afterLine(builder.tree(), offset);
    if (at == builder.text().size() && !builder.text().endsWith('\n')) {
        lines.chop(builder.layout().newline.size());
        lines.prepend(builder.layout().newline);
    }
    builder.insert(at, lines);
}

Status unsupportedLayout(const SyntaxTree &tree, qsizetype at, const char *what)
{
    return Status::failure(QStringLiteral("line %1 writes %2 in a way that cannot be changed "
                                          "here; edit the text by hand")
                               .arg(tree.lines().lineOf(at) + 1)
                               .arg(QLatin1String(what)));
}

// Removes item or entry `index` of a flow collection with its comma; `spans` are where
// each item (or key and value) is.
void removeFlowPart(SpliceBuilder &builder, const QList<LineSpan> &spans, qsizetype index)
{
    if (index + 1 < spans.size())
        builder.remove(spans.at(index).begin, spans.at(index + 1).begin);
    else if (index > 0)
        builder.remove(spans.at(index - 1).end, spans.at(index).end);
    else
        builder.remove(spans.at(index).begin, spans.at(index).end);
}

} // namespace

bool isInFlow(const SyntaxTree &tree, int index)
{
    for (int at = index; at >= 0; at = tree.node(at).parent) {
        if (tree.node(at).flow)
            return true;
    }
    return false;
}

Result<LineSpan> itemLines(const SyntaxTree &tree, int list, int item)
{
    const qsizetype dash = tree.dashOf(list, item);
    const SyntaxNode &node = tree.node(tree.node(list).children.at(item));
    if (tree.node(list).flow || !startsLine(tree.text(), dash) || !endsLine(tree.text(), node.end))
        return Error{unsupportedLayout(tree, dash, "this list item").error().message};
    return LineSpan{attachedStart(tree, dash), afterLine(tree, node.end)};
}

void replaceScalar(SpliceBuilder &builder, int scalar, const QString &text)
{
    const SyntaxNode &node = builder.tree().node(scalar);
    const char style = node.style == '\'' || node.style == '"' ? node.style : 0;
    const bool inFlow = isInFlow(builder.tree(), scalar);
    builder.replace(node.contentStart, node.end, yamlScalar(text, inFlow, style));
}

Status setEntry(SpliceBuilder &builder, int map, const QString &key, const PropertyValue &value)
{
    const SyntaxTree &tree = builder.tree();
    const int entry = tree.findEntry(map, key);
    if (entry >= 0)
        return replaceValue(builder, map, entry, value);

    const SyntaxNode &node = tree.node(map);
    if (isInFlow(tree, map)) {
        const QByteArray part = yamlScalar(key, true) + ": " + yamlFlow(value);
        if (node.children.isEmpty())
            builder.insert(node.contentStart + 1, part);
        else
            builder.insert(tree.node(node.children.last()).end, ", " + part);
        return {};
    }
    const int column = tree.contentColumn(map);
    const bool flow = builder.layout().prefersFlow(key);
    const QByteArray line = QByteArray(column, ' ') + yamlScalar(key, false) + ":"
                            + yamlAfterColon(value, column, flow, builder.layout())
                            + builder.layout().newline;
    insertLinesAfter(builder, node.end, line);
    return {};
}

Status replaceValue(SpliceBuilder &builder, int map, int entry, const PropertyValue &value)
{
    const SyntaxTree &tree = builder.tree();
    const int key = tree.keyAt(map, entry);
    const int old = tree.valueAt(map, entry);
    const SyntaxNode &oldNode = tree.node(old);
    const bool inFlow = isInFlow(tree, map);
    const bool oldBlock =
        !oldNode.flow && (oldNode.kind == Kind::Map || oldNode.kind == Kind::List);

    // A text over a text keeps the key's line, the quoting and any comment after it.
    if (value.isText() && oldNode.kind == Kind::Scalar && oldNode.style != '|'
        && oldNode.style != '>') {
        replaceScalar(builder, old, value.text());
        return {};
    }
    if (inFlow || oldNode.flow || (!oldBlock && (value.isText() || value.isEmptyCollection()))) {
        const QByteArray text = value.isText() ? yamlScalar(value.text(), inFlow) : yamlFlow(value);
        if (oldNode.kind == Kind::Null)
            builder.insert(oldNode.start, " " + text);
        else
            builder.replace(oldNode.contentStart, oldNode.end, text);
        return {};
    }

    const int keyColumn = tree.lines().columnOf(tree.node(key).start);
    const bool flow = !oldBlock && builder.layout().prefersFlow(tree.node(key).text);
    const QByteArray after = yamlAfterColon(value, keyColumn, flow, builder.layout());
    if (oldBlock && !value.isText() && !value.isEmptyCollection()
        && (oldNode.kind == Kind::List) == (value.kind() == PropertyValue::Kind::List)) {
        // New block lines where the old ones were, at their indentation.
        const int indent = tree.contentColumn(old);
        QByteArray lines = yamlBlock(value, indent, builder.layout());
        lines.chop(builder.layout().newline.size());
        const qsizetype begin = tree.lines().lineStart(tree.lines().lineOf(oldNode.contentStart));
        builder.replace(begin, oldNode.end, lines);
        return {};
    }
    // Block lines after the key's line, below any comment it ends with.
    const qsizetype colon = colonEnd(tree, key);
    const qsizetype oldEnd = oldNode.kind == Kind::Null ? colon : oldNode.end;
    if (after.startsWith(builder.layout().newline)) {
        builder.remove(colon, oldEnd);
        const qsizetype lineEnd = tree.lines().contentEnd(tree.lines().lineOf(oldEnd));
        builder.insert(lineEnd, after);
    } else {
        builder.replace(colon, oldEnd, after);
    }
    return {};
}

Status removeEntry(SpliceBuilder &builder, int map, int entry)
{
    const SyntaxTree &tree = builder.tree();
    const int key = tree.keyAt(map, entry);
    const SyntaxNode &keyNode = tree.node(key);
    const SyntaxNode &value = tree.node(tree.valueAt(map, entry));
    const qsizetype valueEnd = value.kind == Kind::Null ? colonEnd(tree, key) : value.end;

    if (isInFlow(tree, map)) {
        QList<LineSpan> spans;
        for (int i = 0; i < tree.entryCount(map); ++i)
            spans.append(
                {tree.node(tree.keyAt(map, i)).start, tree.node(tree.valueAt(map, i)).end});
        spans[entry].end = valueEnd;
        removeFlowPart(builder, spans, entry);
        return {};
    }
    if (startsLine(tree.text(), keyNode.start)) {
        if (!endsLine(tree.text(), valueEnd))
            return unsupportedLayout(tree, keyNode.start, "this key");
        builder.remove(attachedStart(tree, keyNode.start), afterLine(tree, valueEnd));
        return {};
    }
    // The key shares the line of a list item's dash: the next key moves up to it.
    if (entry + 1 >= tree.entryCount(map))
        return unsupportedLayout(tree, keyNode.start, "this key");
    builder.remove(keyNode.start, tree.node(tree.keyAt(map, entry + 1)).start);
    return {};
}

Status insertItem(SpliceBuilder &builder, int list, int before, const PropertyValue &value)
{
    const SyntaxTree &tree = builder.tree();
    const SyntaxNode &node = tree.node(list);
    if (isInFlow(tree, list)) {
        const QByteArray item = yamlFlow(value);
        if (node.children.isEmpty())
            builder.insert(node.contentStart + 1, item);
        else if (before >= 0)
            builder.insert(tree.node(node.children.at(before)).start, item + ", ");
        else
            builder.insert(tree.node(node.children.last()).end, ", " + item);
        return {};
    }
    if (node.children.isEmpty())
        return unsupportedLayout(tree, node.start, "this list");

    // New items line up with the first one, their content as far past the dash.
    const qsizetype dash = tree.dashOf(list, 0);
    const int first = node.children.first();
    const bool mapOnDashLine =
        tree.node(first).kind == Kind::Map && !tree.node(first).flow
        && tree.lines().lineOf(tree.node(first).contentStart) == tree.lines().lineOf(dash);
    const int itemIndent =
        mapOnDashLine ? int(tree.node(first).contentStart - dash) : builder.layout().itemIndent;
    const QByteArray lines =
        yamlBlockItem(value, tree.lines().columnOf(dash), itemIndent, builder.layout());
    insertItemLines(builder, list, before, lines);
    return {};
}

void insertItemLines(SpliceBuilder &builder, int list, int before, const QByteArray &lines)
{
    const SyntaxTree &tree = builder.tree();
    if (before >= 0) {
        builder.insert(attachedStart(tree, tree.dashOf(list, before)), lines);
        return;
    }
    insertLinesAfter(builder, tree.node(list).end, lines);
}

Status removeItem(SpliceBuilder &builder, int list, int item)
{
    const SyntaxTree &tree = builder.tree();
    const QList<int> &items = tree.node(list).children;
    if (isInFlow(tree, list)) {
        QList<LineSpan> spans;
        for (const int child : items)
            spans.append({tree.node(child).start, tree.node(child).end});
        removeFlowPart(builder, spans, item);
        return {};
    }
    const Result<LineSpan> lines = itemLines(tree, list, item);
    if (!lines)
        return Status(lines.error());
    builder.remove(lines->begin, lines->end);
    return {};
}

Status removeItems(SpliceBuilder &builder, int list, QList<int> items)
{
    const SyntaxTree &tree = builder.tree();
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
    const QList<int> &children = tree.node(list).children;
    if (!isInFlow(tree, list)) {
        for (const int item : std::as_const(items)) {
            if (const Status removed = removeItem(builder, list, item); !removed)
                return removed;
        }
        return {};
    }

    // Each run of removed neighbours goes up to the item after it, or, at the end of the
    // list, from the end of the item before it.
    for (qsizetype first = 0; first < items.size();) {
        qsizetype last = first;
        while (last + 1 < items.size() && items.at(last + 1) == items.at(last) + 1)
            ++last;
        const int before = items.at(first) - 1;
        const int after = items.at(last) + 1;
        const qsizetype begin = tree.node(children.at(items.at(first))).start;
        if (after < children.size())
            builder.remove(begin, tree.node(children.at(after)).start);
        else if (before >= 0)
            builder.remove(tree.node(children.at(before)).end,
                           tree.node(children.at(items.at(last))).end);
        else
            builder.remove(begin, tree.node(children.at(items.at(last))).end);
        first = last + 1;
    }
    return {};
}

Result<QByteArray> reindented(const QByteArray &lines, int delta)
{
    if (delta == 0)
        return lines;
    QByteArrayList parts = lines.split('\n');
    for (QByteArray &line : parts) {
        if (line.trimmed().isEmpty())
            continue;
        if (delta > 0) {
            line.prepend(QByteArray(delta, ' '));
            continue;
        }
        if (indentationAt(line, 0) < -delta)
            return Error{QStringLiteral("the text cannot be indented less")};
        line.remove(0, -delta);
    }
    return parts.join('\n');
}

} // namespace pw::edit
