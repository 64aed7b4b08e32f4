#pragma once

#include "syntaxtree.h"

namespace pw::edit {

// Finds where each node of a freshly built tree ends and where its content starts, from
// the parser's start marks and the text: the parser reports only where nodes begin.
class ExtentScanner
{
public:
    explicit ExtentScanner(SyntaxTree &tree)
        : m_tree(tree)
        , m_text(tree.m_text)
    {}

    void scan();

private:
    // `parentIndent` is the column of the block collection holding the node (-1 at the
    // top), which bounds block texts and multi-line plain texts.
    void scanNode(int index, int parentIndent, bool inFlow, bool isKey);
    void scanCollection(int index, bool inFlow);
    void scanMapChildren(int index, int indent, bool inFlow);
    void scanListChildren(int index, int indent, bool inFlow);
    void scanScalar(SyntaxNode &node, int parentIndent, bool inFlow, bool isKey);
    void placeEmpty(int index, qsizetype at);

    qsizetype skipProperties(qsizetype from) const;
    qsizetype quotedEnd(qsizetype from, char quote) const;
    qsizetype blockScalarEnd(qsizetype from, int parentIndent) const;
    qsizetype plainEnd(qsizetype from, int parentIndent, bool inFlow, bool isKey) const;
    qsizetype plainLineEnd(qsizetype from, bool inFlow) const;
    qsizetype flowEnd(qsizetype from) const;
    qsizetype aliasEnd(qsizetype from) const;

    SyntaxTree &m_tree;
    const QByteArray &m_text;
};

} // namespace pw::edit
