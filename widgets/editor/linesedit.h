#pragma once

#include <QPlainTextEdit>

namespace pw::gui {

// A few lines of text (commands, NAME=VALUE variables) that, like a line edit, says when
// editing is finished: when it loses the focus.
class LinesEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit LinesEdit(QWidget *parent = nullptr);
    QStringList lines() const { return linesOf(toPlainText()); }
    // The lines of `text` that hold more than spaces, trimmed.
    static QStringList linesOf(const QString &text);

signals:
    void editingFinished();

protected:
    void focusOutEvent(QFocusEvent *event) override;
};

} // namespace pw::gui
