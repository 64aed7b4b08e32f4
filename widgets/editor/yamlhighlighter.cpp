#include "yamlhighlighter.h"

namespace pw::gui {

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
    , m_keyPattern(
          QStringLiteral(R"(^\s*(?:-\s+)*([^\s#'"{}\[\],:][^#:]*?|"[^"]*"|'[^']*')\s*:(?=\s|$))"))
    , m_quotedPattern(QStringLiteral(R"("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"))
    , m_anchorPattern(QStringLiteral(R"([&*][A-Za-z0-9_.-]+)"))
{
    m_key.setForeground(QColor(0x1f, 0x4e, 0x9a));
    m_key.setFontWeight(QFont::Bold);
    m_dash.setForeground(QColor(0x80, 0x50, 0x00));
    m_quoted.setForeground(QColor(0x2e, 0x7d, 0x32));
    m_anchor.setForeground(QColor(0x8e, 0x24, 0xaa));
    m_comment.setForeground(QColor(0x75, 0x75, 0x75));
    m_comment.setFontItalic(true);
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    const int comment = commentStart(text);
    const QString code = comment < 0 ? text : text.left(comment);

    // Dashes of list items, each one of "- - key:".
    for (int i = 0; i < code.size(); ++i) {
        if (code.at(i) == QLatin1Char('-') && (i + 1 == code.size() || code.at(i + 1).isSpace()))
            setFormat(i, 1, m_dash);
        else if (!code.at(i).isSpace())
            break;
    }

    const QRegularExpressionMatch key = m_keyPattern.match(code);
    if (key.hasMatch())
        setFormat(key.capturedStart(1), key.capturedLength(1), m_key);
    const int valueStart = key.hasMatch() ? key.capturedEnd(0) : 0;

    for (auto it = m_quotedPattern.globalMatch(code, valueStart); it.hasNext();) {
        const QRegularExpressionMatch quoted = it.next();
        setFormat(quoted.capturedStart(), quoted.capturedLength(), m_quoted);
    }
    for (auto it = m_anchorPattern.globalMatch(code, valueStart); it.hasNext();) {
        const QRegularExpressionMatch anchor = it.next();
        const int at = anchor.capturedStart();
        if (at == 0 || code.at(at - 1).isSpace() || code.at(at - 1) == QLatin1Char('['))
            setFormat(at, anchor.capturedLength(), m_anchor);
    }
    if (comment >= 0)
        setFormat(comment, text.size() - comment, m_comment);
}

namespace {

// A quote opens a quoted text only where a value starts; "it's" is a plain text.
bool opensQuote(const QString &text, int at)
{
    if (at == 0)
        return true;
    const QChar before = text.at(at - 1);
    return before.isSpace() || before == QLatin1Char('[') || before == QLatin1Char('{')
           || before == QLatin1Char(',');
}

} // namespace

int YamlHighlighter::commentStart(const QString &text)
{
    QChar quote;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) && opensQuote(text, i)) {
            quote = c;
        } else if (c == QLatin1Char('#') && (i == 0 || text.at(i - 1).isSpace())) {
            return i;
        }
    }
    return -1;
}

} // namespace pw::gui
