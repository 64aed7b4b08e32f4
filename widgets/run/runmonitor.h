#pragma once

#include "core/store/records.h"
#include "runmodelfeed.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTabWidget;
class QTreeView;

namespace pw::gui {

class ArtifactsView;
class GatePanel;
class LogBatcher;
class LogLinesModel;
class LogView;
class RunControls;
class RunController;
class RunLogSearch;
class RunModel;
class StoreReader;

// One run: its jobs by stage with live status, and the log of the job picked. Shows either
// a live run (through its feed) or a run read from the history.
class RunMonitor : public QWidget
{
    Q_OBJECT

public:
    explicit RunMonitor(StoreReader &reader, QWidget *parent = nullptr);
    ~RunMonitor() override;

    // Follows the run `feed` reports; its output is shown from memory as it comes.
    void showLive(RunModelFeed *feed);
    // Shows a finished or running run from the history; logs are read from the store.
    void showStored(const RunRecord &run);

    bool isLive() const { return m_feed != nullptr; }
    const RunRecord &run() const;
    // Picks `job` in the tree and shows its log.
    void selectJob(int job);
    int selectedJob() const { return m_job; }

    RunModel &runModel() const { return *m_runModel; }
    LogLinesModel &logModel() const { return *m_logModel; }
    QTreeView *jobTree() const { return m_tree; }
    LogView *logView() const { return m_logView; }
    GatePanel *gatePanel() const { return m_gates; }
    // The artifacts of the job picked.
    ArtifactsView *artifactsView() const { return m_artifacts; }
    // The views of the run beside its log: the job tree first, then the others.
    QTabWidget *views() const { return m_views; }
    // Adds the buttons that cancel, re-run and retry the shown run through `controller`.
    void setController(RunController *controller);
    // Null until setController.
    RunControls *controls() const { return m_controls; }

private:
    void detachFeed();
    void onCurrentChanged();
    void updateTitle();
    void showJobArtifacts();
    void showRunMatch(int job, qint64 line);
    void onAttemptStarted(int job, int attempt);

    StoreReader &m_reader;
    RunModel *m_runModel = nullptr;
    LogLinesModel *m_logModel = nullptr;
    LogBatcher *m_batcher = nullptr;
    QPointer<RunModelFeed> m_feed;
    QLabel *m_title = nullptr;
    GatePanel *m_gates = nullptr;
    QTabWidget *m_views = nullptr;
    QTreeView *m_tree = nullptr;
    LogView *m_logView = nullptr;
    RunLogSearch *m_runSearch = nullptr;
    ArtifactsView *m_artifacts = nullptr;
    RunControls *m_controls = nullptr;
    int m_job = -1;
};

} // namespace pw::gui
