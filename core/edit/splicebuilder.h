#pragma once

#include "core/util/result.h"
#include "layout.h"
#include "syntaxtree.h"
#include "textedit.h"

namespace pw::edit {

// Collects the splices of one edit of a text whose tree is `tree`.
class SpliceBuilder
{
public:
    SpliceBuilder(const SyntaxTree &tree, const Layout &layout)
        : m_tree(tree)
        , m_layout(layout)
    {}

    const SyntaxTree &tree() const { return m_tree; }
    const Layout &layout() const { return m_layout; }
    const QByteArray &text() const { return m_tree.text(); }

    void replace(qsizetype begin, qsizetype end, const QByteArray &text);
    void insert(qsizetype at, const QByteArray &text) { replace(at, at, text); }
    void remove(qsizetype begin, qsizetype end) { replace(begin, end, QByteArray()); }

    // The splices as one edit; fails when two of them overlap, or when one would change
    // text that an anchor shares with the places that alias it.
    Result<TextEdit> finish() const;

private:
    QString sharedTextMessage(int anchored) const;

    const SyntaxTree &m_tree;
    const Layout &m_layout;
    QList<TextSplice> m_splices;
};

} // namespace pw::edit
