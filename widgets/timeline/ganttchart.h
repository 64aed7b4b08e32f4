#pragma once

#include "core/store/records.h"
#include "core/timeline/timeline.h"

#include <QWidget>

namespace pw::gui {

// A run on a time axis: one row per job under a row per stage, each job's attempts as bars
// in its status colour with its status icon beside its name, estimates hatched, the critical
// path outlined, and a line at now while the run goes on. The names and the axis stay in
// view while the chart scrolls (see setViewOrigin). Clicking a bar or a name picks the job.
class GanttChart : public QWidget
{
    Q_OBJECT

public:
    explicit GanttChart(QWidget *parent = nullptr);

    // Shows `timeline` of `run`; the rows are rebuilt only when the run's jobs change.
    void setTimeline(const RunRecord &run, const timeline::Timeline &timeline);
    const timeline::Timeline &timeline() const { return m_timeline; }
    const RunRecord &run() const { return m_run; }

    double pixelsPerSecond() const { return m_pixelsPerSecond; }
    // Kept between 1 pixel a day and 2,000 pixels a second.
    void setPixelsPerSecond(double pixels);
    // The scale at which the whole run fits `width` pixels of chart.
    double fittingPixelsPerSecond(int width) const;

    // The chart's top-left corner in view; the names and the axis are drawn there.
    void setViewOrigin(const QPoint &origin);
    // Marks the picked job's row.
    void showJob(int job);

    // The job's bar from its start to its (expected) end, in widget coordinates; empty when
    // the job has no row.
    QRect barRect(int job) const;
    // The job whose bar or name is at `pos`, or -1.
    int jobAt(const QPoint &pos) const;
    int labelWidth() const { return m_labelWidth; }
    // The job's tooltip: its name and status, times, duration and marks, one per line.
    QString toolTipFor(int job) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void jobClicked(int job);
    // Ctrl and the wheel ask for a zoom by `factor`.
    void zoomRequested(double factor);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    struct Row
    {
        int stage = -1; // position in RunRecord::stages; -1 for jobs of no known stage
        int job = -1;   // -1 for a stage's row
    };

    void rebuildRows();
    int rowTop(int row) const;
    int rowAt(int y) const;
    int xOf(qint64 ms) const;
    bool isLive() const;

    void paintGrid(QPainter &painter, const QRect &area) const;
    void paintRows(QPainter &painter, const QRect &area) const;
    void paintBar(QPainter &painter, const timeline::JobBar &bar, int top) const;
    void paintNow(QPainter &painter, const QRect &area) const;
    void paintLabels(QPainter &painter, const QRect &area) const;
    void paintAxis(QPainter &painter, const QRect &area) const;

    RunRecord m_run;
    timeline::Timeline m_timeline;
    QList<Row> m_rows;
    QList<int> m_rowOfJob;
    double m_pixelsPerSecond = 20;
    QPoint m_viewOrigin;
    int m_labelWidth = 160;
    int m_picked = -1;
};

} // namespace pw::gui
