#pragma once

#include <QObject>
#include <QString>

class QAction;
class QLabel;
class QStatusBar;

namespace pw {
struct BranchPush;
}

namespace pw::gui {

class RepositoryWatch;
class RunController;

// The open pipeline's "Watch Repository" switch. Whether a pipeline is watched is kept per
// file in the settings, so that opening it again resumes the watch; while it is on, the
// status bar says so, and tells of commits that were not run and why.
class WatchControl : public QObject
{
    Q_OBJECT

public:
    WatchControl(RunController *controller, QStatusBar *statusBar, QObject *parent = nullptr);

    QAction *action() const { return m_action; }
    RepositoryWatch *watch() const { return m_watch; }
    // The pipeline now open (empty: none); its watch starts when it was left on.
    void setPipeline(const QString &file, const QString &directory);

signals:
    // A commit started a run: the controller's feed shows it.
    void runStarted(const pw::BranchPush &push);

private:
    void onToggled(bool on);
    void remember(bool watched);

    RepositoryWatch *m_watch = nullptr;
    QStatusBar *m_statusBar = nullptr;
    QAction *m_action = nullptr;
    QLabel *m_state = nullptr;
    QString m_file;
    QString m_directory;
};

} // namespace pw::gui
