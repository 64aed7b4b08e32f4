#include "splicebuilder.h"

namespace pw::edit {

void SpliceBuilder::replace(qsizetype begin, qsizetype end, const QByteArray &text)
{
    m_splices.append({begin, m_tree.text().mid(begin, end - begin), text});
}

Result<TextEdit> SpliceBuilder::finish() const
{
    for (const TextSplice &splice : m_splices) {
        const int shared =
            m_tree.sharedNodeAt(splice.offset, splice.offset + splice.removed.size());
        if (shared >= 0)
            return Error{sharedTextMessage(shared)};
    }
    TextEdit edit(m_splices);
    if (!edit.appliesTo(m_tree.text()))
        return Error{QStringLiteral("the edit changes one place of the file twice")};
    return edit;
}

QString SpliceBuilder::sharedTextMessage(int anchored) const
{
    const SyntaxNode &node = m_tree.node(anchored);
    const int alias = m_tree.firstAliasOf(anchored);
    const int aliasLine = alias >= 0 ? m_tree.lines().lineOf(m_tree.node(alias).start) + 1 : 0;
    return QStringLiteral("this part of the file is the anchor '&%1' (line %2), which line %3 "
                          "uses as '*%1'; changing it would change every place that uses it, "
                          "so edit the text by hand")
        .arg(node.anchor)
        .arg(m_tree.lines().lineOf(node.start) + 1)
        .arg(aliasLine);
}

} // namespace pw::edit
