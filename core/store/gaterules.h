#pragma once

#include "core/util/result.h"
#include "records.h"

#include <QDateTime>

namespace pw {

// How many of the gate's decisions approve it.
int approvalCount(const GateRecord &gate);

// What a gate's decisions and deadline say at `now`: rejected by one rejection, approved by
// `required` approvals, expired once the deadline has passed without either, else waiting.
// A recorded outcome is not consulted. The database applies the same rule (gateschema.cpp).
GateStatus gateStatusAt(const GateRecord &gate, const QDateTime &now);

// Whether `who` may add a decision to the gate of stage `stageName` of run `runId` now, and
// if not, why, in words for the person who tried.
Status checkDecision(const GateRecord &gate, qint64 runId, const QString &stageName,
                     const QString &who, const QDateTime &now);

} // namespace pw
