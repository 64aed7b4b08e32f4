#include "layout.h"

#include "textscan.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

struct Seen
{
    bool mapIndent = false;
    bool listIndent = false;
    bool itemIndent = false;
};

void noteEntry(const SyntaxTree &tree, int key, int value, Layout &layout, Seen &seen)
{
    const SyntaxNode &node = tree.node(value);
    const int keyColumn = tree.lines().columnOf(tree.node(key).start);
    if (node.kind == Kind::Map && !node.flow && !seen.mapIndent) {
        layout.mapIndent = tree.contentColumn(value) - keyColumn;
        seen.mapIndent = layout.mapIndent > 0;
    } else if (node.kind == Kind::List && !node.flow && !seen.listIndent) {
        layout.listIndent = tree.contentColumn(value) - keyColumn;
        seen.listIndent = layout.listIndent >= 0;
    }
}

void noteItem(const SyntaxTree &tree, int list, int item, Layout &layout, Seen &seen)
{
    const SyntaxNode &node = tree.node(item);
    if (seen.itemIndent || node.kind != Kind::Map || node.flow)
        return;
    const qsizetype dash = tree.dashOf(list, 0);
    // Only an item whose map starts on the dash's line tells the indentation.
    if (tree.lines().lineOf(dash) != tree.lines().lineOf(node.contentStart))
        return;
    layout.itemIndent = int(node.contentStart - dash);
    seen.itemIndent = layout.itemIndent > 0;
}

} // namespace

Layout Layout::of(const SyntaxTree &tree)
{
    Layout layout;
    const QByteArray &text = tree.text();
    const qsizetype firstBreak = text.indexOf('\n');
    if (firstBreak > 0 && text.at(firstBreak - 1) == '\r')
        layout.newline = "\r\n";

    Seen seen;
    QList<int> pending{tree.root()};
    while (!pending.isEmpty()) {
        const int index = pending.takeLast();
        const SyntaxNode &node = tree.node(index);
        if (node.kind == Kind::Map && !node.flow) {
            for (int entry = 0; entry < tree.entryCount(index); ++entry) {
                const int key = tree.keyAt(index, entry);
                const int value = tree.valueAt(index, entry);
                noteEntry(tree, key, value, layout, seen);
                const SyntaxNode &valueNode = tree.node(value);
                const bool collection = valueNode.kind == Kind::Map || valueNode.kind == Kind::List;
                if (collection && !layout.m_flowKeys.contains(tree.node(key).text))
                    layout.m_flowKeys.insert(tree.node(key).text, valueNode.flow);
            }
        } else if (node.kind == Kind::List && !node.flow && !node.children.isEmpty()) {
            noteItem(tree, index, 0, layout, seen);
        }
        // File order: the first occurrence of a key decides its style.
        for (qsizetype i = node.children.size() - 1; i >= 0; --i)
            pending.append(node.children.at(i));
    }
    return layout;
}

} // namespace pw::edit
