#pragma once

#include "core/store/runstore.h"

#include <QObject>

class QSystemTrayIcon;

namespace pw::gui {

// The app's icon in the system tray, which shows a message for each gate the user may
// decide; clicking the message asks for the gate's run. Make one only where
// QSystemTrayIcon::isSystemTrayAvailable().
class GateTray : public QObject
{
    Q_OBJECT

public:
    explicit GateTray(const QIcon &icon, QObject *parent = nullptr);
    ~GateTray() override;

    void notify(const pw::WaitingGate &gate);
    QSystemTrayIcon *icon() const { return m_icon; }

    // The message's title and text for a gate.
    static QString messageTitle(const WaitingGate &gate);
    static QString messageText(const WaitingGate &gate);

signals:
    // The user clicked the message of the gate of stage `stage` of run `runId`.
    void gateClicked(qint64 runId, int stage);
    // The user activated the icon itself.
    void activated();

private:
    QSystemTrayIcon *m_icon = nullptr;
    qint64 m_shownRun = 0;
    int m_shownStage = -1;
};

} // namespace pw::gui
