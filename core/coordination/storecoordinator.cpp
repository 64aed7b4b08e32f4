#include "storecoordinator.h"

#include "coordinationworker.h"
#include "core/threads/mailbox.h"

namespace pw {

StoreCoordinator::StoreCoordinator(const QString &storeLocation, const CoordinationOptions &options,
                                   QObject *parent)
    : RunCoordinator(parent)
    , m_mailbox(new Mailbox(this))
    , m_worker(new CoordinationWorker(storeLocation, options, this, m_mailbox))
    , m_workerMailbox(new Mailbox(m_worker))
{
    m_thread.setObjectName(QStringLiteral("pipewright-coordination"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreCoordinator::~StoreCoordinator()
{
    CoordinationWorker *worker = m_worker;
    m_workerMailbox->postAndWait([worker] { worker->finishRun(); });
    m_thread.quit();
    m_thread.wait();
}

template<typename Call>
void StoreCoordinator::post(Call call)
{
    CoordinationWorker *worker = m_worker;
    m_workerMailbox->post([worker, call] { call(*worker); });
}

void StoreCoordinator::startRun(const RunRecord &run)
{
    const qint64 id = run.id;
    post([id](CoordinationWorker &worker) { worker.startRun(id); });
}

void StoreCoordinator::openGate(const RunRecord &run, int stage, const GateSpec &gate)
{
    GateOpening opening;
    opening.runId = run.id;
    opening.stage = stage;
    opening.stageName = run.stages.value(stage).name;
    opening.approvers = gate.approvers;
    opening.required = gate.required;
    opening.allowSelfApproval = gate.allowSelfApproval;
    opening.onTimeoutApprove = gate.onTimeout == GateSpec::OnTimeout::Approve;
    if (gate.timeout)
        opening.timeoutMs = gate.timeout->count();
    post([opening](CoordinationWorker &worker) { worker.openGate(opening); });
}

void StoreCoordinator::checkNow()
{
    post([](CoordinationWorker &worker) { worker.checkNow(); });
}

void StoreCoordinator::claim(const RunRecord &run, int claim, const QString &resource,
                             const QString &holder)
{
    const ResourceClaim wish{resource, run.id, run.pipeline, holder};
    post([claim, wish](CoordinationWorker &worker) { worker.claim(claim, wish); });
}

void StoreCoordinator::release(int claim)
{
    post([claim](CoordinationWorker &worker) { worker.release(claim); });
}

void StoreCoordinator::finishRun(const RunRecord &)
{
    post([](CoordinationWorker &worker) { worker.finishRun(); });
}

} // namespace pw
