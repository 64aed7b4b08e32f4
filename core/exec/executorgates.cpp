#include "execlog.h"
#include "executor.h"
#include "runcoordinator.h"
#include "runeventsink.h"

namespace pw {

namespace {

QString approverList(const GateSpec &gate)
{
    return gate.approvers.join(QStringLiteral(", "));
}

QString decisionText(const GateRecord &gate, bool approve)
{
    QStringList parts;
    for (const GateDecision &decision : gate.decisions) {
        if (decision.approve != approve)
            continue;
        parts.append(decision.comment.isEmpty()
                         ? decision.by
                         : QStringLiteral("%1: %2").arg(decision.by, decision.comment));
    }
    return parts.join(QStringLiteral("; "));
}

} // namespace

bool Executor::holdAtGate(int job)
{
    const int stage = m_plan.jobs[job].stage;
    StageGate &gate = m_gates[stage];
    if (!m_plan.stages[stage].spec || !m_plan.stages[stage].spec->gate || gate.open)
        return false;

    gate.held.append(job);
    if (!gate.requested)
        requestGate(stage);
    return true;
}

void Executor::requestGate(int stage)
{
    const GateSpec &spec = *m_plan.stages[stage].spec->gate;
    StageGate &gate = m_gates[stage];
    gate.requested = true;

    GateRecord record;
    record.approvers = spec.approvers;
    record.required = spec.required;
    record.allowSelfApproval = spec.allowSelfApproval;
    record.onTimeoutApprove = spec.onTimeout == GateSpec::OnTimeout::Approve;
    record.startedBy = m_run.triggeredBy;
    record.openedAt = QDateTime::currentDateTimeUtc();
    if (spec.timeout)
        record.deadline = record.openedAt.addMSecs(spec.timeout->count());

    StageRecord &stageRecord = m_run.stages[stage];
    stageRecord.status = StageStatus::Waiting;
    stageRecord.reason = QStringLiteral("waits for approval by %1").arg(approverList(spec));
    stageRecord.gate = record;
    qCInfo(lcExec) << "run" << m_run.id << "waits at the gate of" << stageRecord.name;
    m_sink.stageChanged(m_run, stage);
    updateWaitingForApproval();

    if (!m_options.coordinator) {
        closeGate(stage, StageStatus::Rejected,
                  QStringLiteral("the gate cannot be decided: this run has no shared store"),
                  QStringLiteral("cannot be decided"));
        return;
    }
    m_options.coordinator->openGate(m_run, stage, spec);
}

void Executor::onGateChanged(int stage, const GateRecord &record)
{
    if (stage < 0 || stage >= m_gates.size())
        return;
    StageGate &gate = m_gates[stage];
    if (!gate.requested || gate.open || gate.closed)
        return;

    m_run.stages[stage].gate = record;
    switch (record.status) {
    case GateStatus::Waiting:
        m_sink.stageChanged(m_run, stage);
        return;
    case GateStatus::Approved:
        openGate(stage, QStringLiteral("approved by ") + decisionText(record, true));
        return;
    case GateStatus::Rejected: {
        const QString reason = QStringLiteral("rejected by ") + decisionText(record, false);
        closeGate(stage, StageStatus::Rejected, reason, QStringLiteral("was ") + reason);
    }
        return;
    case GateStatus::Expired:
        if (record.onTimeoutApprove) {
            openGate(stage, QStringLiteral("the gate expired and let the stage go on "
                                           "(on_timeout: approve)"));
        } else {
            closeGate(stage, StageStatus::Rejected,
                      QStringLiteral("the gate expired without approval (on_timeout: reject)"),
                      QStringLiteral("expired without approval"));
        }
        return;
    case GateStatus::Cancelled:
        closeGate(stage, StageStatus::Cancelled, QStringLiteral("the gate was cancelled"),
                  QStringLiteral("was cancelled"));
        return;
    }
}

void Executor::openGate(int stage, const QString &reason)
{
    StageGate &gate = m_gates[stage];
    gate.open = true;
    StageRecord &record = m_run.stages[stage];
    record.status = StageStatus::Running;
    record.reason = reason;
    qCInfo(lcExec) << "run" << m_run.id << "passes the gate of" << record.name << reason;
    m_sink.stageChanged(m_run, stage);

    releaseHeldJobs(gate.held);
    updateWaitingForApproval();
    schedule();
}

void Executor::closeGate(int stage, StageStatus status, const QString &reason,
                         const QString &outcome)
{
    StageGate &gate = m_gates[stage];
    gate.closed = true;
    StageRecord &record = m_run.stages[stage];
    gate.closedReason = QStringLiteral("the gate of stage %1 %2").arg(record.name, outcome);
    record.status = status;
    record.reason = reason;
    if (record.gate && record.gate->status == GateStatus::Waiting)
        record.gate->status = GateStatus::Cancelled;
    qCInfo(lcExec) << "run" << m_run.id << "stops at the gate of" << record.name << reason;
    m_sink.stageChanged(m_run, stage);

    // Like a failed job, a closed gate keeps later work from starting; jobs that run on
    // failure still do.
    if (status == StageStatus::Rejected && !m_cancelled) {
        m_rejected = true;
        if (m_firstFailure.isEmpty())
            m_firstFailure = gate.closedReason;
    }
    releaseHeldJobs(gate.held);
    updateWaitingForApproval();
    if (!m_scheduling)
        schedule();
}

void Executor::updateWaitingForApproval()
{
    bool waiting = false;
    for (const StageGate &gate : std::as_const(m_gates))
        waiting |= gate.requested && !gate.open && !gate.closed;

    const RunStatus status = waiting ? RunStatus::WaitingApproval : RunStatus::Running;
    if (isFinished() || m_run.status == status)
        return;
    m_run.status = status;
    m_sink.runChanged(m_run);
}

bool Executor::holdForResource(int job)
{
    const PlannedJob &planned = m_plan.jobs[job];
    const QString stageResource =
        m_plan.stages[planned.stage].spec ? m_plan.stages[planned.stage].spec->resource : QString();
    if (!stageResource.isEmpty()
        && holdForClaim(job, m_stageClaims, planned.stage, stageResource,
                        QStringLiteral("stage ") + m_plan.stages[planned.stage].name)) {
        return true;
    }
    const QString &jobResource = planned.spec->resource;
    if (jobResource.isEmpty() || jobResource == stageResource)
        return false;
    return holdForClaim(job, m_jobClaims, job, jobResource, QStringLiteral("job ") + planned.name);
}

bool Executor::holdForClaim(int job, QHash<int, int> &claims, int key, const QString &resource,
                            const QString &holder)
{
    int number = claims.value(key, 0);
    if (number == 0) {
        number = m_nextClaim++;
        claims.insert(key, number);
        // Without a coordinator nobody else can hold it: the claim is granted at once.
        m_claims.insert(number, Claim{resource, !m_options.coordinator, {}});
        if (m_options.coordinator)
            m_options.coordinator->claim(m_run, number, resource, holder);
    }
    Claim &claim = m_claims[number];
    if (claim.granted)
        return false;

    claim.held.append(job);
    JobRecord &record = m_run.jobs[job];
    record.status = JobStatus::WaitingResource;
    record.reason = QStringLiteral("waiting for resource ") + resource;
    m_sink.jobChanged(m_run, job);
    return true;
}

void Executor::onClaimWaiting(int number, const QString &why)
{
    const auto found = m_claims.find(number);
    if (found == m_claims.end())
        return;
    for (int job : std::as_const(found->held)) {
        m_run.jobs[job].reason = why;
        m_sink.jobChanged(m_run, job);
    }
}

void Executor::onClaimGranted(int number)
{
    const auto found = m_claims.find(number);
    if (found == m_claims.end() || found->granted)
        return;
    found->granted = true;
    qCInfo(lcExec) << "run" << m_run.id << "holds resource" << found->resource;
    releaseHeldJobs(found->held);
    schedule();
}

void Executor::releaseClaim(QHash<int, int> &claims, int key)
{
    const int number = claims.take(key);
    if (number == 0)
        return;
    const Claim claim = m_claims.take(number);
    if (m_options.coordinator)
        m_options.coordinator->release(number);
    qCDebug(lcExec) << "run" << m_run.id << "releases resource" << claim.resource;
}

void Executor::releaseHeldJobs(QList<int> &held)
{
    for (int job : std::exchange(held, {})) {
        JobRecord &record = m_run.jobs[job];
        if (record.status == JobStatus::WaitingResource) {
            record.status = JobStatus::Pending;
            record.reason.clear();
            m_sink.jobChanged(m_run, job);
        }
        makeReady(job);
    }
}

void Executor::cancelWaits()
{
    // Held jobs go back to the ready set, where the cancelled run skips them.
    for (int stage = 0; stage < m_gates.size(); ++stage) {
        StageGate &gate = m_gates[stage];
        if (gate.requested && !gate.open && !gate.closed)
            closeGate(stage, StageStatus::Cancelled, QStringLiteral("cancelled while waiting"),
                      QStringLiteral("was cancelled"));
    }
    for (Claim &claim : m_claims)
        releaseHeldJobs(claim.held);
}

} // namespace pw
