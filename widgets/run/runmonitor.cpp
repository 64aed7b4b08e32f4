#include "runmonitor.h"

#include "runcontroller.h"
#include "runmodel.h"
#include "runmodelfeed.h"
#include "widgets/artifacts/artifactsview.h"
#include "widgets/gates/gatepanel.h"
#include "widgets/graph/rungraphview.h"
#include "widgets/logs/logbatcher.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/logs/logview.h"
#include "widgets/logsearch/runlogsearch.h"
#include "widgets/runcontrols/runcontrols.h"
#include "widgets/statuslook.h"
#include "widgets/store/storereader.h"
#include "widgets/timeline/timelineview.h"

#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace pw::gui {

RunMonitor::RunMonitor(StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_runModel(new RunModel(this))
    , m_logModel(new LogLinesModel(this))
    , m_batcher(new LogBatcher(*m_logModel, this))
    , m_title(new QLabel(this))
    , m_gates(new GatePanel(reader, this))
    , m_views(new QTabWidget(this))
    , m_tree(new QTreeView(this))
    , m_logView(new LogView(*m_logModel, this))
    , m_runSearch(new RunLogSearch(this))
    , m_artifacts(new ArtifactsView(reader.location(), this))
{
    m_title->setObjectName(QStringLiteral("runTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_tree->setObjectName(QStringLiteral("jobTree"));
    m_tree->setModel(m_runModel);
    m_tree->setUniformRowHeights(true);
    m_tree->setAccessibleName(tr("Jobs by stage"));
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);

    m_views->setObjectName(QStringLiteral("runViews"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_tree, tr("&Jobs"));
    // The same run as a graph; picking a job in either view picks it in the other.
    auto *graph = new RunGraphView(*m_runModel, this);
    m_views->addTab(graph, tr("&Graph"));
    connect(graph, &RunGraphView::jobActivated, this, &RunMonitor::selectJob);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, graph,
            [this, graph] { graph->showJob(m_runModel->jobAt(m_tree->currentIndex())); });
    m_artifacts->setObjectName(QStringLiteral("artifactsView"));
    m_views->addTab(m_artifacts, tr("&Artifacts"));
    // The run on a time axis; clicking a bar picks its job.
    auto *timeline = new TimelineView(*m_runModel, reader, this);
    m_views->addTab(timeline, tr("&Timeline"));
    connect(timeline, &TimelineView::jobActivated, this, &RunMonitor::selectJob);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, timeline,
            [this, timeline] { timeline->showJob(m_runModel->jobAt(m_tree->currentIndex())); });

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_views);
    splitter->addWidget(m_logView);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({380, 620});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_gates);
    layout->addWidget(splitter, 1);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RunMonitor::onCurrentChanged);
    m_logView->setRunSearch(m_runSearch);
    connect(m_logView, &LogView::runMatchActivated, this, &RunMonitor::showRunMatch);
    connect(m_runModel, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_runModel, &QAbstractItemModel::dataChanged, this, &RunMonitor::updateTitle);
    connect(m_runModel, &QAbstractItemModel::modelReset, this, &RunMonitor::updateTitle);
    // A live job's artifacts are known once it ends.
    connect(m_runModel, &QAbstractItemModel::dataChanged, this, &RunMonitor::showJobArtifacts);
    connect(m_runModel, &QAbstractItemModel::modelReset, this, &RunMonitor::showJobArtifacts);
    const auto showGates = [this] { m_gates->showRun(m_runModel->run()); };
    connect(m_runModel, &QAbstractItemModel::dataChanged, m_gates, showGates);
    connect(m_runModel, &QAbstractItemModel::modelReset, m_gates, showGates);
    updateTitle();
}

RunMonitor::~RunMonitor()
{
    detachFeed();
}

void RunMonitor::setController(RunController *controller)
{
    if (m_controls || !controller)
        return;
    m_controls = new RunControls(*controller, this);
    m_controls->setObjectName(QStringLiteral("runControls"));
    static_cast<QVBoxLayout *>(layout())->insertWidget(1, m_controls);
    const auto showRun = [this] { m_controls->showRun(run()); };
    connect(m_runModel, &QAbstractItemModel::dataChanged, m_controls, showRun);
    connect(m_runModel, &QAbstractItemModel::modelReset, m_controls, showRun);
    connect(m_controls, &RunControls::runStarted, this,
            [this, controller] { showLive(controller->feed()); });
    showRun();
}

void RunMonitor::showLive(RunModelFeed *feed)
{
    detachFeed();
    m_feed = feed;
    m_job = -1;
    m_batcher->stop();
    m_logModel->clear();
    m_runSearch->searchLive(m_feed);
    if (!m_feed)
        return;
    m_feed->attach(m_runModel);
    connect(m_feed, &RunModelFeed::output, m_batcher, &LogBatcher::add);
    connect(m_feed, &RunModelFeed::attemptStarted, this, &RunMonitor::onAttemptStarted);
}

void RunMonitor::showStored(const RunRecord &run)
{
    detachFeed();
    m_job = -1;
    m_batcher->stop();
    m_logModel->clear();
    m_runModel->setRun(run);
    m_runSearch->searchStored(m_reader.location(), run);
}

const RunRecord &RunMonitor::run() const
{
    return m_runModel->run();
}

void RunMonitor::selectJob(int job)
{
    const QModelIndex index = m_runModel->indexOfJob(job);
    if (index.isValid())
        m_tree->setCurrentIndex(index);
}

void RunMonitor::detachFeed()
{
    if (!m_feed)
        return;
    m_feed->attach(nullptr);
    disconnect(m_feed, nullptr, m_batcher, nullptr);
    disconnect(m_feed, nullptr, this, nullptr);
    m_feed = nullptr;
}

void RunMonitor::onCurrentChanged()
{
    const int job = m_runModel->jobAt(m_tree->currentIndex());
    if (job == m_job)
        return;
    m_job = job;
    m_batcher->stop();
    showJobArtifacts();
    if (job < 0) {
        m_logModel->clear();
        return;
    }

    // A live job shows what it printed so far, then what comes; a stored one reads its log.
    if (m_feed) {
        // Shared with the feed, so the log is held once however long it grows.
        m_logModel->showLive(m_feed->logOf(job));
        m_batcher->watch(job, m_feed->attemptOf(job));
        return;
    }
    m_logModel->showStored(&m_reader, run().id, job);
}

void RunMonitor::onAttemptStarted(int job, int attempt)
{
    // A retry's output starts again from line 0, in a text of its own.
    if (job != m_job || !m_feed)
        return;
    m_logModel->showLive(m_feed->logOf(job));
    m_batcher->watch(job, attempt);
}

void RunMonitor::showRunMatch(int job, qint64 line)
{
    selectJob(job);
    m_logView->revealLine(line);
}

void RunMonitor::updateTitle()
{
    const RunRecord &shown = run();
    if (shown.id == 0 && shown.pipeline.isEmpty()) {
        m_title->setText(tr("No run yet: open a pipeline and run it."));
        return;
    }
    m_title->setText(tr("Run #%1 of %2 on %3: %4")
                         .arg(shown.id)
                         .arg(shown.pipeline,
                              shown.branch.isEmpty() ? tr("no branch") : shown.branch,
                              lookOf(shown.status).text));
}

void RunMonitor::showJobArtifacts()
{
    const QList<JobRecord> &jobs = run().jobs;
    const auto picked = std::find_if(jobs.cbegin(), jobs.cend(),
                                     [this](const JobRecord &job) { return job.index == m_job; });
    m_artifacts->showJob(run().id, picked == jobs.cend() ? nullptr : &*picked);
}

} // namespace pw::gui
