#pragma once

#include "core/store/runstore.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTabWidget;

namespace pw::gui {

class StoreReader;

// Charts of one pipeline's recent runs: how long each took (by how it ended), the share of
// runs that passed per day, and, when its jobs use caches, the share of cache lookups that
// hit per day. The runs are read on the reader's thread; colours follow the palette.
class HistoryCharts : public QWidget
{
    Q_OBJECT

public:
    // How many of the newest runs the charts show.
    static constexpr int windowRuns = 500;

    explicit HistoryCharts(StoreReader &reader, QWidget *parent = nullptr);

    // Reads and shows the runs of `pipeline` (empty: asks for one); the same pipeline is
    // read again only after invalidate().
    void showPipeline(const QString &pipeline);
    // The next showPipeline reads the store again, for instance after a run ended.
    void invalidate() { m_stale = true; }

    QString pipeline() const { return m_pipeline; }
    bool isLoading() const { return m_request != 0; }
    QChart *durationChart() const { return m_duration; }
    QChart *passRateChart() const { return m_passRate; }
    QChart *cacheChart() const { return m_cache; }
    QTabWidget *tabs() const { return m_tabs; }
    QLabel *caption() const { return m_caption; }

signals:
    // The charts show the runs read for `pipeline` (or say why not).
    void shown(const QString &pipeline);

protected:
    void changeEvent(QEvent *event) override;

private:
    void onTrendRead(quint64 request, const QList<RunTrendPoint> &runs, const QString &error);
    void draw(const QList<RunTrendPoint> &runs);
    void drawDurations(const QList<RunTrendPoint> &runs);
    void drawRate(QChart *chart, const QList<QPointF> &points, const QString &name);
    void applyPalette();

    StoreReader &m_reader;
    QLabel *m_caption = nullptr;
    QTabWidget *m_tabs = nullptr;
    QChartView *m_durationView = nullptr;
    QChartView *m_passRateView = nullptr;
    QChartView *m_cacheView = nullptr;
    QChart *m_duration = nullptr;
    QChart *m_passRate = nullptr;
    QChart *m_cache = nullptr;
    QString m_pipeline;
    QList<RunTrendPoint> m_runs;
    quint64 m_request = 0;
    bool m_stale = true;
};

} // namespace pw::gui
