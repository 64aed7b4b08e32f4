#include "historycharts.h"

#include "historytrend.h"
#include "widgets/statuslook.h"
#include "widgets/store/storereader.h"

#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace pw::gui {

namespace {

// A marker shape per status besides its colour, so that no status is told by colour alone.
QScatterSeries::MarkerShape shapeOf(RunStatus status)
{
    switch (status) {
    case RunStatus::Success:
        return QScatterSeries::MarkerShapeCircle;
    case RunStatus::Failed:
        return QScatterSeries::MarkerShapeRotatedRectangle;
    case RunStatus::Cancelled:
        return QScatterSeries::MarkerShapeRectangle;
    case RunStatus::Rejected:
        return QScatterSeries::MarkerShapeTriangle;
    case RunStatus::Interrupted:
        return QScatterSeries::MarkerShapeStar;
    case RunStatus::Pending:
    case RunStatus::Running:
    case RunStatus::WaitingApproval:
        break;
    }
    return QScatterSeries::MarkerShapePentagon;
}

QChart *makeChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

QChartView *makeView(QChart *chart, const QString &name, QWidget *parent)
{
    auto *view = new QChartView(chart, parent);
    view->setObjectName(name);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(160);
    return view;
}

void clear(QChart *chart)
{
    chart->removeAllSeries();
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        chart->removeAxis(axis);
        delete axis;
    }
}

// A time axis below and a value axis to the left, attached to every series of `chart`.
void addAxes(QChart *chart, const QString &valueTitle, double maxValue)
{
    auto *time = new QDateTimeAxis;
    time->setFormat(QLocale().dateFormat(QLocale::ShortFormat));
    time->setTickCount(5);
    auto *value = new QValueAxis;
    value->setTitleText(valueTitle);
    value->setRange(0, maxValue);
    value->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(time, Qt::AlignBottom);
    chart->addAxis(value, Qt::AlignLeft);
    const QList<QAbstractSeries *> series = chart->series();
    for (QAbstractSeries *one : series) {
        one->attachAxis(time);
        one->attachAxis(value);
    }
}

} // namespace

HistoryCharts::HistoryCharts(StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_caption(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_duration(makeChart(tr("Duration of each run")))
    , m_passRate(makeChart(tr("Runs that passed, per day")))
    , m_cache(makeChart(tr("Cache lookups that hit, per day")))
{
    m_caption->setObjectName(QStringLiteral("historyChartsCaption"));
    m_caption->setTextFormat(Qt::PlainText);
    m_durationView = makeView(m_duration, QStringLiteral("durationChart"), this);
    m_passRateView = makeView(m_passRate, QStringLiteral("passRateChart"), this);
    m_cacheView = makeView(m_cache, QStringLiteral("cacheChart"), this);
    m_tabs->setObjectName(QStringLiteral("historyCharts"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_durationView, tr("D&uration"));
    m_tabs->addTab(m_passRateView, tr("Pass &rate"));
    m_tabs->addTab(m_cacheView, tr("&Cache hits"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_caption);
    layout->addWidget(m_tabs, 1);

    connect(&m_reader, &StoreReader::runTrendRead, this, &HistoryCharts::onTrendRead);
    applyPalette();
    draw({});
}

void HistoryCharts::showPipeline(const QString &pipeline)
{
    if (pipeline == m_pipeline && !m_stale)
        return;
    m_pipeline = pipeline;
    m_stale = false;
    if (pipeline.isEmpty()) {
        // An answer still under way is for a pipeline no longer asked for.
        m_request = 0;
        m_runs.clear();
        draw({});
        m_caption->setText(tr("Type a pipeline's name in the filter, or select a run, to see "
                              "its trends."));
        emit shown(pipeline);
        return;
    }
    m_caption->setText(tr("Reading the runs of %1…").arg(pipeline));
    m_request = m_reader.runTrend(pipeline, windowRuns);
}

void HistoryCharts::onTrendRead(quint64 request, const QList<RunTrendPoint> &runs,
                                const QString &error)
{
    if (request != m_request)
        return;
    m_request = 0;
    m_runs = error.isEmpty() ? runs : QList<RunTrendPoint>();
    draw(m_runs);
    if (!error.isEmpty())
        m_caption->setText(tr("Cannot read the runs of %1: %2").arg(m_pipeline, error));
    else if (runs.isEmpty())
        m_caption->setText(tr("%1 has no runs yet.").arg(m_pipeline));
    else
        m_caption->setText(tr("%1: the last %n run(s)", nullptr, int(runs.size())).arg(m_pipeline));
    emit shown(m_pipeline);
}

void HistoryCharts::draw(const QList<RunTrendPoint> &runs)
{
    drawDurations(runs);
    drawRate(m_passRate, passRateByDay(runs), tr("Passed"));
    const QList<QPointF> hits = cacheHitRateByDay(runs);
    drawRate(m_cache, hits, tr("Hits"));
    // Only pipelines with caches have a hit rate to show.
    m_tabs->setTabVisible(m_tabs->indexOf(m_cacheView), !hits.isEmpty());
}

void HistoryCharts::drawDurations(const QList<RunTrendPoint> &runs)
{
    clear(m_duration);
    const QMap<RunStatus, QList<QPointF>> points = durationPoints(runs);
    double longest = 1;
    for (auto group = points.cbegin(); group != points.cend(); ++group) {
        const StatusLook look = lookOf(group.key());
        auto *series = new QScatterSeries;
        series->setName(look.text);
        series->setColor(look.colour);
        series->setBorderColor(palette().color(QPalette::Text));
        series->setMarkerShape(shapeOf(group.key()));
        series->setMarkerSize(9);
        series->append(*group);
        for (const QPointF &point : *group)
            longest = qMax(longest, point.y());
        m_duration->addSeries(series);
    }
    addAxes(m_duration, tr("seconds"), longest * 1.1);
}

void HistoryCharts::drawRate(QChart *chart, const QList<QPointF> &points, const QString &name)
{
    clear(chart);
    auto *series = new QLineSeries;
    series->setName(name);
    series->setPointsVisible(true);
    series->setColor(palette().color(QPalette::Highlight));
    series->append(points);
    chart->addSeries(series);
    addAxes(chart, tr("%"), 100);
}

void HistoryCharts::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        draw(m_runs);
    }
}

void HistoryCharts::applyPalette()
{
    const QPalette colours = palette();
    const bool dark = colours.color(QPalette::Window).lightness() < 128;
    for (QChart *chart : {m_duration, m_passRate, m_cache}) {
        // The theme first: it resets the brushes set after it.
        chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
        chart->setBackgroundBrush(colours.base());
        chart->setTitleBrush(colours.text());
        chart->legend()->setLabelColor(colours.color(QPalette::Text));
    }
}

} // namespace pw::gui
