#pragma once

#include "connectionsettings.h"
#include "core/loader/pipelineloader.h"
#include "core/plan/runcontext.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QMenu;
class QTabWidget;

namespace pw::gui {

class GateNotifier;
class GateTray;
class GatesView;
class HistoryModel;
class HistoryView;
class PipelineEditor;
class RecentFiles;
class RedisStatus;
class RunController;
class RunDialog;
class RunMonitor;
class StoreReader;
class WatchControl;

// The desktop app's window: open a pipeline, run it, watch the run and read its logs, and
// look back through the history. Everything slow (reading files and git, store queries)
// happens off the GUI thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // `connection`: the history store and Redis; empty fields for the defaults.
    explicit MainWindow(const ConnectionSettings &connection = {}, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the pipeline file on a worker thread; pipelineLoaded or pipelineFailed follow.
    void openPipeline(const QString &path);
    // Starts the open pipeline with `context`; a failure is shown and returned.
    Status startRun(const RunContext &context);
    void showRunDialog();

    const std::shared_ptr<const Pipeline> &pipeline() const { return m_pipeline; }
    QString pipelinePath() const { return m_pipelinePath; }
    QString storeLocation() const { return m_storeLocation; }
    RunMonitor *monitor() const { return m_monitor; }
    HistoryView *historyView() const { return m_historyView; }
    GatesView *gatesView() const { return m_gatesView; }
    // The pipeline editor's tab.
    PipelineEditor *editor() const { return m_editor; }
    // Shows the pipeline file at `path` in the editor, once its unsaved changes are dealt with.
    void editPipeline(const QString &path);
    // Tells of gates the user may decide; the tray icon (where there is a tray) shows them.
    GateNotifier *gateNotifier() const { return m_gateNotifier; }
    GateTray *gateTray() const { return m_gateTray; }
    RedisStatus *redisStatus() const { return m_redisStatus; }
    HistoryModel *historyModel() const { return m_historyModel; }
    RunController *controller() const { return m_controller; }
    QTabWidget *tabs() const { return m_tabs; }
    QAction *runAction() const { return m_runAction; }
    QAction *cancelAction() const { return m_cancelAction; }
    QAction *rerunAction() const { return m_rerunAction; }
    QAction *settingsAction() const { return m_settingsAction; }
    // The open pipeline's "Watch Repository" switch and the watch behind it.
    WatchControl *watchControl() const { return m_watchControl; }

signals:
    void pipelineLoaded();
    void pipelineFailed(const QString &message);
    // The user saved other connection settings: the window is to be replaced by one that
    // uses them (no run is going then).
    void connectionChanged(const pw::gui::ConnectionSettings &settings);

protected:
    // A run still going is cancelled first; the window closes once it has ended.
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void updateActions();
    void updateRecentMenu();
    void choosePipeline();
    void chooseFolder();
    void openFolder(const QString &folder);
    void onPipelineRead(const QString &path, const LoadResult &result);
    void rerun();
    void onRunFinished();
    void showHistoryRun(qint64 runId);
    // The editor's tab, its File menu entries and its Run (which saves, opens and runs).
    void createEditor(QMenu *file);
    void chooseEditedPipeline();
    void runFromEditor(const QString &path);
    // The tray, the gate notifications and the Redis state in the status bar.
    void createNotifications(const QString &redis);
    void showProblem(const QString &title, const QString &message);
    void showSettings();
    // The version (project(VERSION) in CMake) and the Qt the app runs on.
    void showAbout();

    QString m_storeLocation;
    StoreReader *m_reader = nullptr;
    RunController *m_controller = nullptr;
    HistoryModel *m_historyModel = nullptr;
    std::unique_ptr<RecentFiles> m_recent;
    std::shared_ptr<const Pipeline> m_pipeline;
    QString m_pipelinePath;
    QTabWidget *m_tabs = nullptr;
    RunMonitor *m_monitor = nullptr;
    HistoryView *m_historyView = nullptr;
    GatesView *m_gatesView = nullptr;
    PipelineEditor *m_editor = nullptr;
    GateNotifier *m_gateNotifier = nullptr;
    GateTray *m_gateTray = nullptr;
    RedisStatus *m_redisStatus = nullptr;
    WatchControl *m_watchControl = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_openFolderAction = nullptr;
    QAction *m_runAction = nullptr;
    QAction *m_cancelAction = nullptr;
    QAction *m_rerunAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_settingsAction = nullptr;
    QMenu *m_recentMenu = nullptr;
    quint64 m_historyRequest = 0;
    bool m_rerunPending = false;
    bool m_closeWhenEnded = false;
    bool m_runWhenOpened = false;
    bool m_editorChangesSettled = false;
};

} // namespace pw::gui
