#include "gatenotifier.h"

#include "core/store/gaterules.h"
#include "widgets/store/storereader.h"
#include "widgets/widgetslog.h"

namespace pw::gui {

GateNotifier::GateNotifier(StoreReader &reader, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
{
    connect(&m_reader, &StoreReader::loginRead, this, &GateNotifier::onLogin);
    connect(&m_reader, &StoreReader::waitingGatesListed, this, &GateNotifier::onListed);
    connect(&m_timer, &QTimer::timeout, this, &GateNotifier::checkNow);
}

void GateNotifier::start(int intervalMs)
{
    m_timer.start(qMax(100, intervalMs));
    checkNow();
}

void GateNotifier::stop()
{
    m_timer.stop();
}

void GateNotifier::checkNow()
{
    // One question at a time, so that a slow store does not pile them up; a change told
    // of meanwhile asks again once the answer is in.
    if (isChecking()) {
        m_again = true;
        return;
    }
    m_again = false;
    // Who may decide depends on the login, asked for once it is known to work.
    if (m_login.isEmpty())
        m_loginRequest = m_reader.readLogin();
    else
        m_request = m_reader.listWaitingGates();
}

void GateNotifier::onLogin(quint64 request, const QString &login, const QString &error)
{
    if (request != m_loginRequest)
        return;
    m_loginRequest = 0;
    if (login.isEmpty()) {
        const QString problem = error.isEmpty() ? tr("the store did not say who you are") : error;
        // Asked again at every tick; said once.
        if (problem != std::exchange(m_lastError, problem))
            qCWarning(lcWidgets).noquote() << "gate notifications wait for the login:" << problem;
        emit checked(problem);
        return;
    }
    m_login = login;
    m_request = m_reader.listWaitingGates();
}

void GateNotifier::onListed(quint64 request, const QList<WaitingGate> &gates, const QString &error)
{
    if (request != m_request)
        return;
    m_request = 0;
    m_lastError = error;
    if (error.isEmpty()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QSet<QPair<qint64, int>> waiting;
        for (const WaitingGate &gate : gates) {
            const QPair<qint64, int> key{gate.runId, gate.stage};
            waiting.insert(key);
            if (m_told.contains(key)
                || !checkDecision(gate.gate, gate.runId, gate.stageName, m_login, now).ok())
                continue;
            m_told.insert(key);
            emit gateWaiting(gate);
        }
        m_told.intersect(waiting);
    }
    emit checked(error);
    if (m_again)
        checkNow();
}

} // namespace pw::gui
