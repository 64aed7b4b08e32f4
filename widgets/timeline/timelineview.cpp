#include "timelineview.h"

#include "finishtext.h"
#include "ganttchart.h"
#include "ganttlegend.h"
#include "widgets/run/runmodel.h"
#include "widgets/store/storereader.h"
#include "widgets/widgetslog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSet>
#include <QThread>
#include <QToolButton>
#include <QVBoxLayout>

namespace pw::gui {

namespace {

// Run updates come in bursts (a job's status, its stage, the run); one layout serves them.
constexpr int kCoalesceMs = 50;
constexpr int kTickMs = 1000;
constexpr double kZoomStep = 1.5;

QToolButton *toolButton(const QString &text, const QString &toolTip, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TimelineView::TimelineView(RunModel &model, StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_reader(reader)
    , m_finish(new QLabel(this))
    , m_problems(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_chart(new GanttChart)
    , m_workers(QThread::idealThreadCount())
{
    setObjectName(QStringLiteral("timelineView"));
    m_finish->setObjectName(QStringLiteral("timelineFinish"));
    m_finish->setTextFormat(Qt::PlainText);
    m_problems->setObjectName(QStringLiteral("timelineProblems"));
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->hide();
    m_scroll->setWidget(m_chart);
    m_scroll->setWidgetResizable(false);
    m_scroll->setBackgroundRole(QPalette::Base);

    auto *zoomIn = toolButton(tr("Zoom &in"), tr("Show less time, in more detail"), this);
    auto *zoomOut = toolButton(tr("Zoom &out"), tr("Show more time"), this);
    auto *fit = toolButton(tr("&Fit"), tr("Show the whole run"), this);
    zoomIn->setObjectName(QStringLiteral("timelineZoomIn"));
    zoomOut->setObjectName(QStringLiteral("timelineZoomOut"));
    fit->setObjectName(QStringLiteral("timelineFit"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_finish, 1);
    top->addWidget(m_problems);
    top->addWidget(new GanttLegend(this));
    top->addWidget(zoomOut);
    top->addWidget(zoomIn);
    top->addWidget(fit);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_scroll, 1);

    connect(zoomIn, &QToolButton::clicked, this, &TimelineView::zoomIn);
    connect(zoomOut, &QToolButton::clicked, this, &TimelineView::zoomOut);
    connect(fit, &QToolButton::clicked, this, &TimelineView::fitToView);
    connect(m_chart, &GanttChart::zoomRequested, this, &TimelineView::zoomBy);
    connect(m_chart, &GanttChart::jobClicked, this, &TimelineView::jobActivated);
    const auto pin = [this] {
        m_chart->setViewOrigin(
            {m_scroll->horizontalScrollBar()->value(), m_scroll->verticalScrollBar()->value()});
    };
    connect(m_scroll->horizontalScrollBar(), &QScrollBar::valueChanged, m_chart, pin);
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, m_chart, pin);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &TimelineView::onRunChanged);
    m_ticker.setInterval(kTickMs);
    connect(&m_ticker, &QTimer::timeout, this, &TimelineView::recompute);
    connect(&m_model, &QAbstractItemModel::modelReset, &m_coalesce, qOverload<>(&QTimer::start));
    connect(&m_model, &QAbstractItemModel::dataChanged, &m_coalesce, qOverload<>(&QTimer::start));
    connect(&m_reader, &StoreReader::jobDurationsRead, this, &TimelineView::onDurationsRead);
    connect(&m_reader, &StoreReader::attemptsLoaded, this, &TimelineView::onAttemptsLoaded);
    onRunChanged();
}

void TimelineView::setWorkers(int workers)
{
    m_workers = workers;
    recompute();
}

void TimelineView::showJob(int job)
{
    m_chart->showJob(job);
    const QRect bar = m_chart->barRect(job);
    if (!bar.isEmpty())
        m_scroll->ensureVisible(bar.left(), bar.center().y(), m_chart->labelWidth() + 20, 40);
}

void TimelineView::zoomIn()
{
    zoomBy(kZoomStep);
}

void TimelineView::zoomOut()
{
    zoomBy(1 / kZoomStep);
}

void TimelineView::fitToView()
{
    m_fitting = true;
    layoutChart();
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutChart();
}

QString TimelineView::historyKey() const
{
    // A new run of the same pipeline brings new history: the run before it.
    const RunRecord &run = m_model.run();
    return QString::number(run.id) + QLatin1Char('/') + run.pipeline;
}

void TimelineView::onRunChanged()
{
    const RunRecord &run = m_model.run();
    if (run.id != m_attemptsRun) {
        m_attemptsRun = run.id;
        m_attempts.clear();
        m_attemptsKnown.clear();
        m_attemptsRequest = 0;
        m_fitting = true;
    }
    requestHistory();
    requestAttempts();
    recompute();
}

void TimelineView::recompute()
{
    const RunRecord &run = m_model.run();
    timeline::TimelineInputs inputs;
    inputs.attempts = m_attempts;
    inputs.pastDurationsMs = m_durations;
    inputs.now = QDateTime::currentDateTimeUtc();
    inputs.workers = m_workers;
    m_timeline = timeline::computeTimeline(run, inputs);
    m_chart->setTimeline(run, m_timeline);

    const bool empty = run.jobs.isEmpty();
    m_finish->setText(empty ? tr("No run to show yet") : finishText(m_timeline));
    m_problems->setVisible(!m_timeline.problems.isEmpty());
    m_problems->setText(
        tr("%n problem(s) in the record", nullptr, int(m_timeline.problems.size())));
    m_problems->setToolTip(m_timeline.problems.join(QLatin1Char('\n')));

    // Now only moves the picture while the run goes on.
    const bool live = !empty && !isFinished(run.status);
    if (live && !m_ticker.isActive())
        m_ticker.start();
    else if (!live)
        m_ticker.stop();
    layoutChart();
}

void TimelineView::requestHistory()
{
    const RunRecord &run = m_model.run();
    const QString key = historyKey();
    if (run.pipeline.isEmpty() || key == m_historyReadFor || key == m_historyRequestedFor)
        return;
    m_historyRequestedFor = key;
    m_historyRequest = m_reader.lastJobDurations(run.pipeline);
}

void TimelineView::onDurationsRead(quint64 request, const QHash<QString, qint64> &durations,
                                   const QString &error)
{
    if (request != m_historyRequest)
        return;
    m_historyRequest = 0;
    m_historyReadFor = m_historyRequestedFor;
    m_historyRequestedFor.clear();
    if (!error.isEmpty())
        qCWarning(lcWidgets) << "cannot read past job durations for the timeline:" << error;
    m_durations = durations;
    recompute();
}

void TimelineView::requestAttempts()
{
    // Only retried jobs have attempts the job's own times do not tell.
    const RunRecord &run = m_model.run();
    if (run.id <= 0 || m_attemptsRequest != 0)
        return;
    QList<int> jobs;
    for (const JobRecord &job : run.jobs) {
        if (job.attempts > 1 && m_attemptsKnown.value(job.index) != job.attempts)
            jobs.append(job.index);
    }
    if (jobs.isEmpty())
        return;
    for (const JobRecord &job : run.jobs) {
        if (jobs.contains(job.index))
            m_attemptsKnown.insert(job.index, job.attempts);
    }
    m_attemptsRequest = m_reader.loadAttempts(run.id, jobs);
}

void TimelineView::onAttemptsLoaded(quint64 request, const QList<AttemptRecord> &attempts,
                                    const QString &error)
{
    if (request != m_attemptsRequest)
        return;
    m_attemptsRequest = 0;
    if (!error.isEmpty())
        qCWarning(lcWidgets) << "cannot read the attempts of run" << m_attemptsRun << error;

    // The answer replaces what was known of those jobs.
    QSet<int> answered;
    for (const AttemptRecord &attempt : attempts)
        answered.insert(attempt.job);
    m_attempts.removeIf([&](const AttemptRecord &known) { return answered.contains(known.job); });
    m_attempts.append(attempts);
    requestAttempts();
    recompute();
}

void TimelineView::zoomBy(double factor)
{
    m_fitting = false;
    m_chart->setPixelsPerSecond(m_chart->pixelsPerSecond() * factor);
    layoutChart();
}

void TimelineView::layoutChart()
{
    const QSize viewport = m_scroll->viewport()->size();
    if (m_fitting)
        m_chart->setPixelsPerSecond(m_chart->fittingPixelsPerSecond(viewport.width()));
    m_chart->resize(m_chart->sizeHint().expandedTo(viewport));
}

} // namespace pw::gui
