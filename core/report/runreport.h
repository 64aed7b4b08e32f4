#pragma once

#include "core/store/records.h"

#include <QJsonObject>

namespace pw {

// The run as the JSON object that `pwctl run --json` and `pwctl show --json` print:
// {id, pipeline, status, branch, commit, event, retryOf, startedAt, finishedAt, durationMs,
//  stages: [{name, status, reason, jobs: [{name, status, reason, exitCode, attempts,
//  startedAt, finishedAt, durationMs, cacheHit}]}]}. Times are ISO 8601 UTC with ms.
QJsonObject runToJson(const RunRecord &run);

// "2026-12-03T11:54:09.123Z", or null for an invalid time.
QJsonValue timeToJson(const QDateTime &time);

} // namespace pw
