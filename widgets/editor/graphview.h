#pragma once

#include <QGraphicsView>

#include <functional>

class QGraphicsLineItem;

namespace pw::gui {

class EditorScene;
class JobNodeItem;

// The view of the editor's graph. Dragging from a job's output handle to another job asks
// to connect them (the line says beforehand whether that would be refused, and why);
// dragging a node asks to move it to the lane it is dropped in, or to pin it there; a drag
// on the background pans, Ctrl+wheel zooms, Delete asks to delete the selection.
class GraphView : public QGraphicsView
{
    Q_OBJECT

public:
    // Why `to` cannot be made to need `from`, or an empty text when it can.
    using ConnectCheck = std::function<QString(const QString &from, const QString &to)>;

    GraphView(EditorScene &scene, QWidget *parent = nullptr);

    void setConnectCheck(ConnectCheck check) { m_check = std::move(check); }
    // Zooms by `factor` around the view's centre, within sensible bounds.
    void zoomBy(double factor);
    void fitAll();
    double zoom() const;

signals:
    void connectRequested(const QString &from, const QString &to);
    // While connecting: why the job under the cursor cannot be connected, or an empty text.
    void connectHint(const QString &message);
    // A node was dropped with its top left at `topLeft`; `stage` is the lane it is in.
    void nodeDropped(const QString &job, const QString &stage, QPointF topLeft);
    void deleteRequested();
    void jobMenuRequested(const QString &job, QPoint globalPos);
    void stageMenuRequested(const QString &stage, QPoint globalPos);
    void edgeMenuRequested(const QString &from, const QString &to, QPoint globalPos);
    void backgroundMenuRequested(QPoint globalPos);

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    JobNodeItem *nodeAt(QPoint viewPos) const;
    void updateConnectLine(QPoint viewPos);
    void finishConnecting(QPoint viewPos);
    void cancelConnecting();

    EditorScene &m_scene;
    ConnectCheck m_check;
    QString m_connectFrom;
    QGraphicsLineItem *m_connectLine = nullptr;
    QString m_lastTarget;
    JobNodeItem *m_dragged = nullptr;
    QPointF m_dragStart;
    // A graph fitted before the view had its size is fitted again when first shown.
    bool m_shown = false;
};

} // namespace pw::gui
