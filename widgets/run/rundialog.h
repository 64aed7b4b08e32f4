#pragma once

#include "core/plan/runcontext.h"
#include "core/util/result.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace pw::gui {

// The context a run of the pipeline in `directory` has unless someone changes it: the
// branch, commit and tag of the git repository around it (read on a worker thread; empty
// outside one), the event "manual", no variables beyond the pipeline's own, triggered by
// the current user. `done` gets it on `receiver`'s thread, with whether git gave the
// values; not at all when `receiver` is gone by then. The run dialog starts from it.
void prefillRunContext(const QString &directory, QObject *receiver,
                       std::function<void(const RunContext &context, bool fromGit)> done);

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
