#pragma once

#include "coordinationoptions.h"
#include "core/exec/runcoordinator.h"

#include <QThread>

namespace pw {

class CoordinationWorker;
class Mailbox;

// Gates and resource locks kept in the history store, so that every process using the same
// store (another workstation's app, a pwctl) sees and decides them. The store is used on a
// thread of its own: the run never waits for the database.
class StoreCoordinator : public RunCoordinator
{
    Q_OBJECT

public:
    StoreCoordinator(const QString &storeLocation, const CoordinationOptions &options = {},
                     QObject *parent = nullptr);
    // Cancels what still waits and releases every claim before it returns.
    ~StoreCoordinator() override;

    void startRun(const RunRecord &run) override;
    void openGate(const RunRecord &run, int stage, const GateSpec &gate) override;
    void checkNow() override;
    void claim(const RunRecord &run, int claim, const QString &resource,
               const QString &holder) override;
    void release(int claim) override;
    void finishRun(const RunRecord &run) override;

private:
    template<typename Call>
    void post(Call call);

    QThread m_thread;
    Mailbox *m_mailbox = nullptr; // this thread's
    CoordinationWorker *m_worker = nullptr;
    Mailbox *m_workerMailbox = nullptr;
};

} // namespace pw
