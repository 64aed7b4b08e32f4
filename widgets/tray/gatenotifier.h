#pragma once

#include "core/store/runstore.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace pw::gui {

class StoreReader;

// Tells when a gate starts waiting that this store's login may decide, once per gate,
// whichever workstation's run it holds. It reads the waiting gates every few seconds and
// at once when told something changed (a Redis event, a run of this app); whether the
// login may decide is the store's own rule (checkDecision), as for `pwctl gates --mine`.
// Kept apart from any tray icon, so that it works and can be tested without one.
class GateNotifier : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultIntervalMs = 5000;

    explicit GateNotifier(StoreReader &reader, QObject *parent = nullptr);

    // Starts reading the gates now and then every `intervalMs`.
    void start(int intervalMs = defaultIntervalMs);
    void stop();
    // Reads the gates now; a read already under way counts as this one.
    void checkNow();

    QString login() const { return m_login; }
    QString lastError() const { return m_lastError; }
    bool isChecking() const { return m_request != 0 || m_loginRequest != 0; }

signals:
    // A gate waits that the login may decide, and has not been told of before.
    void gateWaiting(const pw::WaitingGate &gate);
    // A read of the gates ended (with `error` when it failed).
    void checked(const QString &error);

private:
    void onLogin(quint64 request, const QString &login, const QString &error);
    void onListed(quint64 request, const QList<WaitingGate> &gates, const QString &error);

    StoreReader &m_reader;
    QTimer m_timer;
    QString m_login;
    QString m_lastError;
    // The gates told of that still waited at the last read: a gate closes for good, so one
    // that no longer waits is forgotten and the set stays as small as the list.
    QSet<QPair<qint64, int>> m_told;
    quint64 m_request = 0;
    quint64 m_loginRequest = 0;
    bool m_again = false;
};

} // namespace pw::gui
