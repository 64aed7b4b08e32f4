#include "runmonitor.h"

#include "gatepanel.h"
#include "logbatcher.h"
#include "loglinesmodel.h"
#include "logview.h"
#include "runmodel.h"
#include "runmodelfeed.h"
#include "statuslook.h"

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
    connect(m_runModel, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_runModel, &QAbstractItemModel::dataChanged, this, &RunMonitor::updateTitle);
    connect(m_runModel, &QAbstractItemModel::modelReset, this, &RunMonitor::updateTitle);
    const auto showGates = [this] { m_gates->showRun(m_runModel->run()); };
    connect(m_runModel, &QAbstractItemModel::dataChanged, m_gates, showGates);
    connect(m_runModel, &QAbstractItemModel::modelReset, m_gates, showGates);
    updateTitle();
}

RunMonitor::~RunMonitor()
{
    detachFeed();
}

void RunMonitor::showLive(RunModelFeed *feed)
{
    detachFeed();
    m_feed = feed;
    m_job = -1;
    m_batcher->stop();
    m_logModel->clear();
    if (!m_feed)
        return;
    m_feed->attach(m_runModel);
    connect(m_feed, &RunModelFeed::output, m_batcher, &LogBatcher::add);
}

void RunMonitor::showStored(const RunRecord &run)
{
    detachFeed();
    m_job = -1;
    m_batcher->stop();
    m_logModel->clear();
    m_runModel->setRun(run);
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
    m_feed = nullptr;
}

void RunMonitor::onCurrentChanged()
{
    const int job = m_runModel->jobAt(m_tree->currentIndex());
    if (job == m_job)
        return;
    m_job = job;
    m_batcher->stop();
    if (job < 0) {
        m_logModel->clear();
        return;
    }

    // A live job shows what it printed so far, then what comes; a stored one reads its log.
    if (m_feed) {
        m_logModel->showLive();
        m_logModel->appendChunks(m_feed->outputOf(job));
        m_batcher->watch(job, m_feed->attemptOf(job));
        return;
    }
    m_logModel->showStored(&m_reader, run().id, job);
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

} // namespace pw::gui
