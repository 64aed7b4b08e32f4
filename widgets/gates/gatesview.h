#pragma once

#include "core/store/runstore.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace pw::gui {

class StoreReader;

// Every gate that waits for a decision in the store, whichever workstation's run it holds,
// read again every few seconds while shown. Opening one shows its run, where the gate panel
// decides it.
class GatesView : public QWidget
{
    Q_OBJECT

public:
    explicit GatesView(StoreReader &reader, QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QLabel *statusLabel() const { return m_status; }
    // Reads the gates now.
    void refresh();

signals:
    void runActivated(qint64 runId);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void onListed(quint64 request, const QList<WaitingGate> &gates, const QString &error);

    StoreReader &m_reader;
    QTreeWidget *m_list = nullptr;
    QLabel *m_status = nullptr;
    QTimer m_timer;
    quint64 m_request = 0;
};

} // namespace pw::gui
