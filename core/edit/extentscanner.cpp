#include "extentscanner.h"

#include "textscan.h"

namespace pw::edit {

using Kind = SyntaxNode::Kind;

void ExtentScanner::scan()
{
    scanNode(m_tree.m_root, -1, false, false);
}

void ExtentScanner::scanNode(int index, int parentIndent, bool inFlow, bool isKey)
{
    SyntaxNode &node = m_tree.m_nodes[index];
    switch (node.kind) {
    case Kind::Null:
        // The parser marks an empty node where the next token is; the parent places it.
        node.contentStart = node.end = node.start;
        return;
    case Kind::Alias:
        node.contentStart = node.start;
        node.end = aliasEnd(node.start);
        return;
    case Kind::Scalar:
        scanScalar(node, parentIndent, inFlow, isKey);
        return;
    case Kind::List:
    case Kind::Map:
        scanCollection(index, inFlow);
        return;
    }
}

void ExtentScanner::scanScalar(SyntaxNode &node, int parentIndent, bool inFlow, bool isKey)
{
    const qsizetype afterProperties = skipProperties(node.start);
    const bool onNextLine = afterProperties >= m_text.size()
                            || isLineBreak(m_text.at(afterProperties))
                            || m_text.at(afterProperties) == '#';
    // A tag or anchor with nothing after it on its line is an empty text, as in `a: !!str`.
    if (node.text.isEmpty() && onNextLine) {
        node.contentStart = node.end = afterProperties;
        return;
    }
    node.contentStart =
        onNextLine ? skipBlanksAndComments(m_text, afterProperties) : afterProperties;

    const char first = node.contentStart < m_text.size() ? m_text.at(node.contentStart) : 0;
    if (first == '\'' || first == '"') {
        node.style = first;
        node.end = quotedEnd(node.contentStart, first);
    } else if ((first == '|' || first == '>') && !inFlow) {
        node.style = first;
        node.end = blockScalarEnd(node.contentStart, parentIndent);
    } else {
        node.end = plainEnd(node.contentStart, parentIndent, inFlow, isKey);
    }
}

void ExtentScanner::scanCollection(int index, bool inFlow)
{
    SyntaxNode &node = m_tree.m_nodes[index];
    const qsizetype afterProperties = skipBlanksAndComments(m_text, skipProperties(node.start));
    const char open = node.kind == Kind::List ? '[' : '{';
    const bool bracketed =
        node.flow && afterProperties < m_text.size() && m_text.at(afterProperties) == open;
    const bool blockMap = node.kind == Kind::Map && !node.flow && !node.children.isEmpty();
    // A block map starts at its first key, whose own anchor the parser marks as the map's.
    node.contentStart = blockMap ? m_tree.m_nodes.at(node.children.first()).start : afterProperties;

    const int indent = node.flow ? -1 : m_tree.m_lines.columnOf(node.contentStart);
    if (node.kind == Kind::Map)
        scanMapChildren(index, indent, inFlow || node.flow);
    else
        scanListChildren(index, indent, inFlow || node.flow);

    // The children may have moved in memory; look the node up again.
    SyntaxNode &scanned = m_tree.m_nodes[index];
    if (bracketed)
        scanned.end = flowEnd(scanned.contentStart);
    else if (!scanned.children.isEmpty())
        scanned.end = m_tree.m_nodes.at(scanned.children.last()).end;
    else
        scanned.end = scanned.contentStart;
}

void ExtentScanner::scanMapChildren(int index, int indent, bool inFlow)
{
    const QList<int> children = m_tree.m_nodes.at(index).children;
    for (qsizetype i = 0; i + 1 < children.size(); i += 2) {
        scanNode(children.at(i), indent, inFlow, true);
        const int value = children.at(i + 1);
        if (m_tree.m_nodes.at(value).kind != Kind::Null) {
            scanNode(value, indent, inFlow, false);
            continue;
        }
        // An empty value sits right after its key's ':'.
        qsizetype at = skipSpaces(m_text, m_tree.m_nodes.at(children.at(i)).end);
        if (at < m_text.size() && m_text.at(at) == ':')
            ++at;
        placeEmpty(value, at);
    }
}

void ExtentScanner::scanListChildren(int index, int indent, bool inFlow)
{
    const QList<int> children = m_tree.m_nodes.at(index).children;
    for (qsizetype i = 0; i < children.size(); ++i) {
        const int item = children.at(i);
        if (m_tree.m_nodes.at(item).kind != Kind::Null) {
            scanNode(item, indent, inFlow, false);
            continue;
        }
        // An empty item of a block list sits right after its '-'.
        const qsizetype dash =
            inFlow ? m_tree.m_nodes.at(index).contentStart : m_tree.dashOf(index, int(i));
        placeEmpty(item, std::min(dash + 1, m_text.size()));
    }
}

void ExtentScanner::placeEmpty(int index, qsizetype at)
{
    SyntaxNode &node = m_tree.m_nodes[index];
    node.start = node.contentStart = node.end = at;
}

qsizetype ExtentScanner::skipProperties(qsizetype from) const
{
    qsizetype i = from;
    while (i < m_text.size() && (m_text.at(i) == '&' || m_text.at(i) == '!')) {
        while (i < m_text.size() && !isSpace(m_text.at(i)) && !isLineBreak(m_text.at(i)))
            ++i;
        i = skipSpaces(m_text, i);
    }
    return i;
}

qsizetype ExtentScanner::quotedEnd(qsizetype from, char quote) const
{
    for (qsizetype i = from + 1; i < m_text.size(); ++i) {
        const char c = m_text.at(i);
        if (quote == '"' && c == '\\') {
            ++i;
        } else if (c == quote) {
            // In single quotes, '' is a quote inside the text.
            if (quote == '\'' && i + 1 < m_text.size() && m_text.at(i + 1) == '\'')
                ++i;
            else
                return i + 1;
        }
    }
    return m_text.size();
}

qsizetype ExtentScanner::blockScalarEnd(qsizetype from, int parentIndent) const
{
    // The header: the indicator with its chomping and indentation marks.
    qsizetype end = from + 1;
    while (end < m_text.size()
           && (m_text.at(end) == '+' || m_text.at(end) == '-'
               || (m_text.at(end) >= '0' && m_text.at(end) <= '9')))
        ++end;

    const LineIndex &lines = m_tree.m_lines;
    for (int line = lines.lineOf(from) + 1; line < lines.lineCount(); ++line) {
        const qsizetype start = lines.lineStart(line);
        if (isBlankLine(m_text, start))
            continue;
        if (indentationAt(m_text, start) <= parentIndent)
            break;
        end = lines.contentEnd(line);
    }
    return end;
}

qsizetype ExtentScanner::plainEnd(qsizetype from, int parentIndent, bool inFlow, bool isKey) const
{
    qsizetype end = plainLineEnd(from, inFlow);
    if (inFlow || isKey)
        return end;

    // Lines indented deeper than the parent continue a plain text in block context.
    const LineIndex &lines = m_tree.m_lines;
    for (int line = lines.lineOf(end) + 1; line < lines.lineCount(); ++line) {
        const qsizetype start = lines.lineStart(line);
        if (isBlankLine(m_text, start))
            continue;
        const int indent = indentationAt(m_text, start);
        if (indent <= parentIndent || m_text.at(start + indent) == '#')
            break;
        const qsizetype lineEnd = plainLineEnd(start + indent, false);
        if (lineEnd == start + indent)
            break;
        end = lineEnd;
    }
    return end;
}

qsizetype ExtentScanner::plainLineEnd(qsizetype from, bool inFlow) const
{
    qsizetype end = from;
    for (qsizetype i = from; i < m_text.size(); ++i) {
        const char c = m_text.at(i);
        const char next = i + 1 < m_text.size() ? m_text.at(i + 1) : ' ';
        if (isLineBreak(c) || (inFlow && isFlowIndicator(c)))
            break;
        if (c == '#' && i > from && isSpace(m_text.at(i - 1)))
            break;
        if (c == ':' && (isSpace(next) || isLineBreak(next) || (inFlow && isFlowIndicator(next))))
            break;
        if (!isSpace(c))
            end = i + 1;
    }
    return end;
}

qsizetype ExtentScanner::flowEnd(qsizetype from) const
{
    int depth = 0;
    // Quotes open a quoted text only where a token starts: `[it's]` holds a plain text.
    bool tokenStart = true;
    for (qsizetype i = from; i < m_text.size(); ++i) {
        const char c = m_text.at(i);
        if (tokenStart && (c == '"' || c == '\'')) {
            i = quotedEnd(i, c) - 1;
            tokenStart = false;
        } else if (c == '#'
                   && (i == 0 || isSpace(m_text.at(i - 1)) || isLineBreak(m_text.at(i - 1)))) {
            i = lineBreakAfter(m_text, i) - 1;
        } else if (c == '[' || c == '{') {
            ++depth;
            tokenStart = true;
        } else if (c == ']' || c == '}') {
            if (--depth == 0)
                return i + 1;
        } else if (c == ',' || c == ':' || c == '?') {
            tokenStart = true;
        } else if (!isSpace(c) && !isLineBreak(c)) {
            tokenStart = false;
        }
    }
    return m_text.size();
}

qsizetype ExtentScanner::aliasEnd(qsizetype from) const
{
    qsizetype i = from + 1;
    while (i < m_text.size() && !isSpace(m_text.at(i)) && !isLineBreak(m_text.at(i))
           && !isFlowIndicator(m_text.at(i)))
        ++i;
    return i;
}

} // namespace pw::edit
