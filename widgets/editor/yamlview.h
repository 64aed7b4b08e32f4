#pragma once

#include <QPlainTextEdit>

class QTimer;

namespace pw::gui {

class EditorDocument;
class YamlHighlighter;

// The pipeline file's text beside its graph. It shows the document's bytes and follows
// every change of them with the smallest change of its own text, keeping the cursor and
// the scroll position where the change allows. What is typed becomes part of the document
// after a short pause (or at once with commitTyping()), as one undo step of the document's
// history: the view keeps no undo history of its own, so Undo means the same everywhere.
// Errors of the text are underlined at their lines, their messages as tooltips.
class YamlView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit YamlView(EditorDocument &document, QWidget *parent = nullptr);

    // How long typing must pause before it counts as one edit.
    void setIdleDelay(int milliseconds);
    bool hasPendingTyping() const;
    // Makes what was typed since the last pause part of the document now.
    void commitTyping();
    // Puts the cursor at the start of `line` (from 1) and scrolls it into view.
    void showLine(int line);

signals:
    // Undo or Redo was pressed here; the document's history is to take it.
    void undoRequested();
    void redoRequested();

protected:
    bool event(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void followDocument();
    void replaceChangedPart(const QString &wanted);
    void underlineProblems();
    QString problemsAt(int line) const;
    QByteArray typedBytes() const;
    QString shownText() const;

    EditorDocument &m_document;
    YamlHighlighter *m_highlighter = nullptr;
    QTimer *m_idle = nullptr;
    bool m_following = false;
};

} // namespace pw::gui
