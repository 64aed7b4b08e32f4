#include "yamlview.h"

#include "editordocument.h"
#include "yamlhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QToolTip>

#include <algorithm>

namespace pw::gui {

namespace {

constexpr int defaultIdleDelayMs = 400;
// Lines kept above a change scrolled into view, so that it is seen with its context.
constexpr int contextLines = 3;

bool isUndoOrRedo(const QKeyEvent *key)
{
    return key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo);
}

QString displayed(const QByteArray &bytes)
{
    QString text = QString::fromUtf8(bytes);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    return text;
}

} // namespace

YamlView::YamlView(EditorDocument &document, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_document(document)
    , m_highlighter(new YamlHighlighter(this->document()))
    , m_idle(new QTimer(this))
{
    setObjectName(QStringLiteral("yamlView"));
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setUndoRedoEnabled(false);
    m_idle->setSingleShot(true);
    m_idle->setInterval(defaultIdleDelayMs);

    connect(m_idle, &QTimer::timeout, this, &YamlView::commitTyping);
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_following)
            m_idle->start();
    });
    connect(&m_document, &EditorDocument::changed, this, &YamlView::followDocument);
    followDocument();
}

void YamlView::setIdleDelay(int milliseconds)
{
    m_idle->setInterval(milliseconds);
}

bool YamlView::hasPendingTyping() const
{
    return m_idle->isActive();
}

void YamlView::commitTyping()
{
    m_idle->stop();
    m_document.replaceText(typedBytes());
}

void YamlView::showLine(int line)
{
    const QTextBlock block = document()->findBlockByNumber(line - 1);
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    setTextCursor(cursor);
    verticalScrollBar()->setValue(std::max(0, line - 1 - contextLines));
}

bool YamlView::event(QEvent *event)
{
    // Undo and Redo go to the document's history (the editor's actions), not to the text.
    if (event->type() == QEvent::ShortcutOverride
        && isUndoOrRedo(static_cast<QKeyEvent *>(event))) {
        event->ignore();
        return true;
    }
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QPoint at = viewport()->mapFromGlobal(help->globalPos());
        const QString problems = problemsAt(cursorForPosition(at).blockNumber() + 1);
        if (problems.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), problems, this);
        return true;
    }
    return QPlainTextEdit::event(event);
}

void YamlView::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Undo))
        return emit undoRequested();
    if (event->matches(QKeySequence::Redo))
        return emit redoRequested();
    QPlainTextEdit::keyPressEvent(event);
}

void YamlView::followDocument()
{
    // Typing not yet committed is older than the change that arrives; the change wins.
    m_idle->stop();
    setReadOnly(m_document.isReadOnly());
    const QString wanted = displayed(m_document.text());
    if (wanted != shownText()) {
        m_following = true;
        replaceChangedPart(wanted);
        m_following = false;
    }
    underlineProblems();
}

void YamlView::replaceChangedPart(const QString &wanted)
{
    const QString shown = shownText();
    const qsizetype shorter = std::min(shown.size(), wanted.size());
    qsizetype head = 0;
    while (head < shorter && shown.at(head) == wanted.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < shorter - head
           && shown.at(shown.size() - 1 - tail) == wanted.at(wanted.size() - 1 - tail))
        ++tail;

    // Only the changed part is replaced, so the view's cursor moves with the text around
    // it; the scroll position stays unless the change is out of sight.
    const int scrolled = verticalScrollBar()->value();
    QTextCursor change(document());
    change.setPosition(int(head));
    change.setPosition(int(shown.size() - tail), QTextCursor::KeepAnchor);
    change.insertText(wanted.mid(head, wanted.size() - head - tail));
    verticalScrollBar()->setValue(scrolled);

    const int changedLine = document()->findBlock(int(head)).blockNumber();
    const int visibleLines = viewport()->height() / std::max(1, fontMetrics().height());
    if (changedLine < scrolled || changedLine >= scrolled + visibleLines)
        verticalScrollBar()->setValue(std::max(0, changedLine - contextLines));
}

void YamlView::underlineProblems()
{
    QList<QTextEdit::ExtraSelection> marks;
    for (const Diagnostic &diagnostic : m_document.diagnostics()) {
        const QTextBlock block = document()->findBlockByNumber(diagnostic.location.line - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(block);
        const int column = std::clamp(diagnostic.location.column - 1, 0, block.length() - 1);
        mark.cursor.setPosition(block.position() + column);
        mark.cursor.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
        if (!mark.cursor.hasSelection())
            mark.cursor.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        const bool error = diagnostic.severity == Diagnostic::Severity::Error;
        mark.format.setUnderlineStyle(QTextCharFormat::SpellCheckUnderline);
        mark.format.setUnderlineColor(error ? Qt::red : QColor(0xc0, 0x80, 0x00));
        marks.append(mark);
    }
    setExtraSelections(marks);
}

QString YamlView::problemsAt(int line) const
{
    QStringList messages;
    for (const Diagnostic &diagnostic : m_document.diagnostics()) {
        if (diagnostic.location.line == line)
            messages.append(diagnostic.message);
    }
    return messages.join(QLatin1Char('\n'));
}

QByteArray YamlView::typedBytes() const
{
    QString text = shownText();
    // The file's line ending is kept; the view shows every line ending as one break.
    if (m_document.text().contains("\r\n"))
        text.replace(QLatin1String("\n"), QLatin1String("\r\n"));
    return text.toUtf8();
}

QString YamlView::shownText() const
{
    // The raw text: toPlainText() would turn non-breaking spaces into spaces.
    QString text = document()->toRawText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

} // namespace pw::gui
