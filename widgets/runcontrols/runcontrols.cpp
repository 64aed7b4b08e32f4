#include "runcontrols.h"

#include "widgets/run/runcontroller.h"

#include <QAction>
#include <QHBoxLayout>
#include <QToolButton>

#include <utility>

namespace pw::gui {

namespace {

QAction *makeAction(const QString &icon, const QString &text, const QKeySequence &shortcut,
                    QWidget *parent)
{
    auto *action = new QAction(QIcon::fromTheme(icon), text, parent);
    action->setShortcut(shortcut);
    // Only while the monitor has the focus: the main window has shortcuts of its own.
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parent->addAction(action);
    return action;
}

QToolButton *buttonFor(QAction *action, const QString &name, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    return button;
}

} // namespace

RunControls::RunControls(RunController &controller, QWidget *parent)
    : QWidget(parent)
    , m_controller(controller)
{
    // Escape would cancel a run from the log's search field; the window's Cancel Run has
    // Ctrl+. instead.
    m_cancel = makeAction(QStringLiteral("process-stop"), tr("&Cancel"), QKeySequence(), this);
    m_rerun =
        makeAction(QStringLiteral("view-refresh"), tr("&Re-run"), QKeySequence::Refresh, this);
    m_retry = makeAction(QStringLiteral("edit-redo"), tr("Retry &Failed"), QKeySequence(), this);
    m_cancel->setToolTip(tr("Stop the run: running jobs are cancelled, the rest skipped"));
    m_rerun->setToolTip(tr("Run every job of this run again, with the same parameters"));
    m_retry->setToolTip(tr("Run again the jobs that did not succeed and what follows them; "
                           "the others are reused with their artifacts"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(buttonFor(m_cancel, QStringLiteral("cancelRunButton"), this));
    layout->addWidget(buttonFor(m_rerun, QStringLiteral("rerunButton"), this));
    layout->addWidget(buttonFor(m_retry, QStringLiteral("retryFailedButton"), this));
    layout->addStretch(1);

    connect(m_cancel, &QAction::triggered, &m_controller, &RunController::cancel);
    connect(m_rerun, &QAction::triggered, this, [this] { retryShown(true); });
    connect(m_retry, &QAction::triggered, this, [this] { retryShown(false); });
    connect(&m_controller, &RunController::stateChanged, this, &RunControls::updateActions);
    connect(&m_controller, &RunController::runStarted, this, [this] {
        if (std::exchange(m_starting, false))
            emit runStarted();
    });
    connect(&m_controller, &RunController::startFailed, this, [this] {
        m_starting = false;
        updateActions();
    });
    updateActions();
}

void RunControls::showRun(const RunRecord &run)
{
    m_run = run;
    updateActions();
}

void RunControls::updateActions()
{
    const bool busy = m_controller.isBusy() || m_starting;
    const bool ended = m_run.id > 0 && isFinished(m_run.status);
    // Only the run this app drives can be cancelled from here.
    m_cancel->setEnabled(m_controller.isRunning() && m_controller.currentRunId() == m_run.id);
    m_rerun->setEnabled(ended && !busy);
    m_retry->setEnabled(ended && !busy && m_run.status != RunStatus::Success);
}

void RunControls::retryShown(bool all)
{
    if (m_run.id <= 0 || m_controller.isBusy())
        return;
    m_starting = true;
    updateActions();
    m_controller.retry(m_run, all);
}

} // namespace pw::gui
