#include "gaterules.h"

#include <algorithm>

namespace pw {

int approvalCount(const GateRecord &gate)
{
    return int(std::count_if(gate.decisions.cbegin(), gate.decisions.cend(),
                             [](const GateDecision &decision) { return decision.approve; }));
}

GateStatus gateStatusAt(const GateRecord &gate, const QDateTime &now)
{
    const int approvals = approvalCount(gate);
    if (approvals < gate.decisions.size())
        return GateStatus::Rejected;
    if (approvals >= gate.required)
        return GateStatus::Approved;
    if (gate.deadline.isValid() && now >= gate.deadline)
        return GateStatus::Expired;
    return GateStatus::Waiting;
}

Status checkDecision(const GateRecord &gate, qint64 runId, const QString &stageName,
                     const QString &who, const QDateTime &now)
{
    if (gate.status != GateStatus::Waiting) {
        return Status::failure(QStringLiteral("the gate of stage \"%1\" of run %2 is closed: %3")
                                   .arg(stageName)
                                   .arg(runId)
                                   .arg(keyword(gate.status)));
    }
    const GateStatus status = gateStatusAt(gate, now);
    if (status != GateStatus::Waiting) {
        return Status::failure(QStringLiteral("the gate of stage \"%1\" of run %2 is already %3")
                                   .arg(stageName)
                                   .arg(runId)
                                   .arg(keyword(status)));
    }
    if (!gate.approvers.contains(who)) {
        return Status::failure(
            QStringLiteral("%1 is not an approver of the gate of stage \"%2\" (approvers: %3)")
                .arg(who, stageName, gate.approvers.join(QStringLiteral(", "))));
    }
    if (who == gate.startedBy && !gate.allowSelfApproval) {
        return Status::failure(QStringLiteral("%1 started run %2 and may not decide its gates "
                                              "(the gate does not set allow_self_approval)")
                                   .arg(who)
                                   .arg(runId));
    }
    for (const GateDecision &decision : gate.decisions) {
        if (decision.by == who) {
            return Status::failure(
                QStringLiteral("%1 has already decided the gate of stage \"%2\" of run %3")
                    .arg(who, stageName)
                    .arg(runId));
        }
    }
    return {};
}

} // namespace pw
