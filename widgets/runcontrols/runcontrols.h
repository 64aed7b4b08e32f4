#pragma once

#include "core/store/records.h"

#include <QWidget>

class QAction;

namespace pw::gui {

class RunController;

// The buttons of the run monitor that act on the run it shows: cancel it while it goes, run
// it again with the same parameters, or retry only what did not succeed. Each is enabled by
// the shown run's state and the controller's; a new run starts asynchronously, and
// `runStarted` says when it is live.
class RunControls : public QWidget
{
    Q_OBJECT

public:
    RunControls(RunController &controller, QWidget *parent = nullptr);

    // The run shown now, live or from the history.
    void showRun(const RunRecord &run);

    QAction *cancelAction() const { return m_cancel; }
    QAction *rerunAction() const { return m_rerun; }
    QAction *retryAction() const { return m_retry; }

signals:
    // A run started from these controls is going; the controller's feed shows it.
    void runStarted();

private:
    void updateActions();
    void retryShown(bool all);

    RunController &m_controller;
    RunRecord m_run;
    QAction *m_cancel = nullptr;
    QAction *m_rerun = nullptr;
    QAction *m_retry = nullptr;
    bool m_starting = false;
};

} // namespace pw::gui
