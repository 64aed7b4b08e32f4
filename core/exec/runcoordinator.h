#pragma once

#include "core/model/pipeline.h"
#include "core/store/runstore.h"

#include <QObject>

namespace pw {

// What the executor asks of the world beyond its own process: whether a gate may open, and
// whether a run may hold a resource now. A shared store answers for every workstation; a
// test answers by hand. Answers come as signals, later, on the executor's thread.
class RunCoordinator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // The run has started: from now on the coordinator tells other processes it is alive.
    virtual void startRun(const RunRecord &run) = 0;

    // The run reached the gate of `stage`. Answered with gateChanged each time the gate's
    // decisions or status change, the last time with a status other than Waiting.
    virtual void openGate(const RunRecord &run, int stage, const GateSpec &gate) = 0;
    // Look at gates and claims again now rather than at the next poll: someone said a gate
    // was decided or a resource released.
    virtual void checkNow() = 0;

    // The run wants `resource` for `holder` ("stage deploy"); `claim` is the executor's own
    // number for the wish. Answered with claimWaiting while others hold it, then claimGranted.
    virtual void claim(const RunRecord &run, int claim, const QString &resource,
                       const QString &holder) = 0;
    virtual void release(int claim) = 0;

    // The run has ended: gates still waiting are cancelled and every claim is released.
    virtual void finishRun(const RunRecord &run) = 0;

signals:
    void gateChanged(int stage, const GateRecord &gate);
    void claimWaiting(int claim, const QString &why);
    void claimGranted(int claim);
    // A resource this run held is free again, for telling other workstations at once.
    void resourceReleased(const pw::ResourceClaim &claim);
};

} // namespace pw
