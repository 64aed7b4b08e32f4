#pragma once

#include <QGraphicsView>

class QAction;

namespace pw::gui {

class RunGraphScene;
class RunModel;

// The run's DAG beside its job tree: follows the RunModel (a new layout when the run's shape
// changes, redrawn decorations when only states move). Ctrl+wheel, Ctrl++ and Ctrl+- zoom,
// Ctrl+0 fits the graph, dragging the background pans; picking a node announces its job.
class RunGraphView : public QGraphicsView
{
    Q_OBJECT

public:
    explicit RunGraphView(RunModel &model, QWidget *parent = nullptr);

    RunGraphScene *graphScene() const { return m_scene; }
    // The scale of the view: 1 shows the scene's units as pixels.
    double zoom() const;
    void zoomBy(double factor);
    // Shows the whole graph, at most at its natural size.
    void fitGraph();
    // Selects the node of `job` and scrolls to it, without announcing it.
    void showJob(int job);

    QAction *zoomInAction() const { return m_zoomIn; }
    QAction *zoomOutAction() const { return m_zoomOut; }
    QAction *fitAction() const { return m_fit; }

signals:
    // The user picked the node of `job`.
    void jobActivated(int job);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    void onLaidOut();
    QAction *addZoomAction(const QString &text, const QKeySequence &keys);

    RunModel &m_model;
    RunGraphScene *m_scene = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_fit = nullptr;
    // Each new graph is fitted until the user zooms it.
    bool m_userZoomed = false;
    QString m_shownShape;
};

} // namespace pw::gui
