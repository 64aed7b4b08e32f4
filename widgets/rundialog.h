#pragma once

#include "core/plan/runcontext.h"
#include "core/util/result.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pw::gui {

// Asks what a run is for: branch, commit, event and variables. Branch and commit are
// prefilled from the git repository around the pipeline, read on a worker thread; the
// fields stay editable meanwhile and a value the user typed is never overwritten.
class RunDialog : public QDialog
{
    Q_OBJECT

public:
    RunDialog(const QString &pipelineName, const QString &pipelineDirectory,
              QWidget *parent = nullptr);

    // The context as entered; fails naming the variable line that is not NAME=VALUE.
    Result<RunContext> context() const;
    bool isPrefilled() const { return m_prefilled; }

    QLineEdit *branchField() const { return m_branch; }
    QLineEdit *commitField() const { return m_commit; }
    QComboBox *eventField() const { return m_event; }
    QPlainTextEdit *variablesField() const { return m_variables; }

    void accept() override;

signals:
    void prefilled();

private:
    void readGitState(const QString &directory);

    QLineEdit *m_branch = nullptr;
    QLineEdit *m_commit = nullptr;
    QComboBox *m_event = nullptr;
    QPlainTextEdit *m_variables = nullptr;
    QLabel *m_problem = nullptr;
    QString m_tag;
    bool m_prefilled = false;
};

} // namespace pw::gui
