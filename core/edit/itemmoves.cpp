#include "itemmoves.h"

#include "flowtext.h"
#include "textscan.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

// The bytes that go with item `item` of a flow list: up to the next item, or from the end
// of the one before, so that one comma goes too.
LineSpan flowPart(const SyntaxTree &tree, int list, int item)
{
    const QList<int> &items = tree.node(list).children;
    const SyntaxNode &node = tree.node(items.at(item));
    if (item + 1 < items.size())
        return {node.start, tree.node(items.at(item + 1)).start};
    if (item > 0)
        return {tree.node(items.at(item - 1)).end, node.end};
    return {node.start, node.end};
}

// The item's lines in a block list, or the part of a flow list that goes with it.
Result<LineSpan> takenPart(const SyntaxTree &tree, int list, int item)
{
    if (isInFlow(tree, list))
        return flowPart(tree, list, item);
    return itemLines(tree, list, item);
}

Status commentWouldGo(const SyntaxTree &tree, const LineSpan &part, const QString &what)
{
    return Status::failure(QStringLiteral("%1 holds comments (from line %2), which cannot "
                                          "stay with it in or out of brackets; move it by hand")
                               .arg(what)
                               .arg(tree.lines().lineOf(part.begin) + 1));
}

// The column of the first dash of a block list, and how far its first item's content is
// past the dash.
std::pair<int, int> dashPlace(const SyntaxTree &tree, const Layout &layout, int list)
{
    const qsizetype dash = tree.dashOf(list, 0);
    const SyntaxNode &first = tree.node(tree.node(list).children.first());
    const LineIndex &lines = tree.lines();
    const bool sameLine = lines.lineOf(first.start) == lines.lineOf(dash);
    const int gap = sameLine ? int(first.start - dash) : layout.itemIndent;
    return {lines.columnOf(dash), std::max(gap, 1)};
}

// What separates the items of a flow list: ", " on one line, or the comma, line break and
// indentation of a list written one item a line.
QByteArray flowSeparator(const SyntaxTree &tree, int list)
{
    const QList<int> &items = tree.node(list).children;
    if (items.size() < 2)
        return ", ";
    const qsizetype begin = tree.node(items.at(0)).end;
    const qsizetype end = tree.node(items.at(1)).start;
    const QByteArray between = tree.text().mid(begin, end - begin);
    const bool plain = between.trimmed() == "," && !holdsComment(tree, begin, end);
    return plain && between.startsWith(',') ? between : QByteArray(", ");
}

void insertFlowText(SpliceBuilder &builder, int list, int before, const QByteArray &text)
{
    const SyntaxTree &tree = builder.tree();
    const QList<int> &items = tree.node(list).children;
    const QByteArray separator = flowSeparator(tree, list);
    if (items.isEmpty())
        builder.insert(tree.node(list).contentStart + 1, text);
    else if (before >= 0)
        builder.insert(tree.node(items.at(before)).start, text + separator);
    else
        builder.insert(tree.node(items.last()).end, separator + text);
}

Status moveBlockItem(SpliceBuilder &builder, int from, int item, int to, int before)
{
    const SyntaxTree &tree = builder.tree();
    const Result<LineSpan> span = itemLines(tree, from, item);
    if (!span)
        return Status(span.error());
    QByteArray lines = tree.text().mid(span->begin, span->end - span->begin);
    if (!lines.endsWith('\n'))
        lines += builder.layout().newline;
    const int delta =
        tree.lines().columnOf(tree.dashOf(to, 0)) - tree.lines().columnOf(tree.dashOf(from, item));
    const Result<QByteArray> moved = reindented(lines, delta);
    if (!moved)
        return Status(moved.error());

    builder.remove(span->begin, span->end);
    insertItemLines(builder, to, before, *moved);
    return {};
}

} // namespace

Status moveItem(SpliceBuilder &builder, int from, int item, int to, int before, const QString &what)
{
    const SyntaxTree &tree = builder.tree();
    const bool fromFlow = isInFlow(tree, from);
    const bool toFlow = isInFlow(tree, to);
    if (!fromFlow && !toFlow)
        return moveBlockItem(builder, from, item, to, before);

    // Brackets hold no comments here, and the lines of a block item lose theirs in them.
    const Result<LineSpan> part = takenPart(tree, from, item);
    if (!part)
        return Status(part.error());
    if (holdsComment(tree, part->begin, part->end))
        return commentWouldGo(tree, *part, what);
    const Result<QByteArray> text = flowTextOf(tree, tree.node(from).children.at(item));
    if (!text)
        return Status(text.error());

    builder.remove(part->begin, part->end);
    if (toFlow) {
        insertFlowText(builder, to, before, *text);
        return {};
    }
    const auto [column, gap] = dashPlace(tree, builder.layout(), to);
    const QByteArray line =
        QByteArray(column, ' ') + '-' + QByteArray(gap - 1, ' ') + *text + builder.layout().newline;
    insertItemLines(builder, to, before, line);
    return {};
}

} // namespace pw::edit
