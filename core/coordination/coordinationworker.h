#pragma once

#include "coordinationoptions.h"
#include "core/store/runstore.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pw {

class Mailbox;
class RunCoordinator;

// The part of StoreCoordinator that lives on its thread and owns that thread's store
// connection, so that waiting on the database never stalls the run.
class CoordinationWorker : public QObject
{
    Q_OBJECT

public:
    // What it learns is reported as `coordinator`'s signals, through `reportTo`, a mailbox
    // of the coordinator's thread.
    CoordinationWorker(const QString &location, const CoordinationOptions &options,
                       RunCoordinator *coordinator, Mailbox *reportTo);
    ~CoordinationWorker() override;

    // Renews the run in the store until finishRun, so that others see it is alive.
    void startRun(qint64 runId);
    void openGate(const GateOpening &opening);
    void checkNow();
    void claim(int claim, const ResourceClaim &wish);
    void release(int claim);
    // Cancels waiting gates and releases every claim, then stops polling.
    void finishRun();

private:
    struct Gate
    {
        GateOpening opening;
        bool recorded = false;
        std::optional<GateRecord> last;
    };
    struct Claim
    {
        ResourceClaim wish;
        qint64 id = 0; // the store's; 0 until recorded
        bool granted = false;
        QString lastWhy;
    };

    RunStore *store();
    void pollGates();
    void pollGate(int stage, Gate &gate);
    void pollClaims();
    void pollClaim(int number, Claim &claim);
    void renewClaims();
    void renewRun();
    void scheduleDeadline(const GateRecord &gate);
    void updateTimers();
    void warnOnce(const QString &message);
    void report(std::function<void(RunCoordinator &)> signal);

    QString m_location;
    CoordinationOptions m_options;
    RunCoordinator *m_coordinator;
    Mailbox *m_reportTo;
    std::unique_ptr<RunStore> m_store;
    QHash<int, Gate> m_gates;
    QHash<int, Claim> m_claims;
    QTimer m_gateTimer;
    QTimer m_claimTimer;
    QTimer m_renewTimer;
    QTimer m_runTimer;
    qint64 m_runId = 0;
    QString m_lastWarning;
};

} // namespace pw
