#pragma once

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace pw::gui {

// Colours the parts of a YAML line a pipeline file is made of: keys, list dashes, quoted
// texts, anchors and aliases, and comments. Line by line, so a long file costs only the
// lines that change.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

protected:
    void highlightBlock(const QString &text) override;

private:
    // Where the comment of the line starts, or -1: a '#' outside quotes after a space.
    static int commentStart(const QString &text);

    QTextCharFormat m_key;
    QTextCharFormat m_dash;
    QTextCharFormat m_quoted;
    QTextCharFormat m_anchor;
    QTextCharFormat m_comment;
    QRegularExpression m_keyPattern;
    QRegularExpression m_quotedPattern;
    QRegularExpression m_anchorPattern;
};

} // namespace pw::gui
