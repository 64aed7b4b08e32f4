#pragma once

#include "core/timeline/timeline.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QLabel;
class QScrollArea;
class QToolButton;

namespace pw::gui {

class GanttChart;
class RunModel;
class StoreReader;

// The "Timeline" view of a run: its Gantt chart with the estimated finish above it. Follows
// the run a RunModel shows; reads the pipeline's past durations and the attempts of retried
// jobs through the StoreReader, and while the run goes on moves now forward once a second.
class TimelineView : public QWidget
{
    Q_OBJECT

public:
    TimelineView(RunModel &model, StoreReader &reader, QWidget *parent = nullptr);

    // How many jobs the executor runs at once, for estimates (the app's default at first).
    void setWorkers(int workers);
    // Marks the picked job's row.
    void showJob(int job);

    const timeline::Timeline &timeline() const { return m_timeline; }
    GanttChart *chart() const { return m_chart; }
    QLabel *finishLabel() const { return m_finish; }
    QLabel *problemsLabel() const { return m_problems; }
    bool isTicking() const { return m_ticker.isActive(); }
    // False until the past durations of the shown run's pipeline have come.
    bool hasHistory() const { return m_historyReadFor == historyKey(); }

    void zoomIn();
    void zoomOut();
    // Fits the whole run in view, and keeps fitting it as it grows until the next zoom.
    void fitToView();

signals:
    void jobActivated(int job);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    QString historyKey() const;
    void onRunChanged();
    void recompute();
    void requestHistory();
    void requestAttempts();
    void zoomBy(double factor);
    void layoutChart();
    void onDurationsRead(quint64 request, const QHash<QString, qint64> &durations,
                         const QString &error);
    void onAttemptsLoaded(quint64 request, const QList<pw::AttemptRecord> &attempts,
                          const QString &error);

    RunModel &m_model;
    StoreReader &m_reader;
    QLabel *m_finish = nullptr;
    QLabel *m_problems = nullptr;
    QScrollArea *m_scroll = nullptr;
    GanttChart *m_chart = nullptr;
    QTimer m_coalesce;
    QTimer m_ticker;
    timeline::Timeline m_timeline;
    int m_workers = 0;
    bool m_fitting = true;

    QHash<QString, qint64> m_durations;
    QString m_historyReadFor;
    quint64 m_historyRequest = 0;
    QString m_historyRequestedFor;

    qint64 m_attemptsRun = 0;
    QList<AttemptRecord> m_attempts;
    QHash<int, int> m_attemptsKnown; // job index -> attempts count the loaded records cover
    quint64 m_attemptsRequest = 0;
};

} // namespace pw::gui
