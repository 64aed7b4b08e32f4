#pragma once

#include "core/plan/retryplan.h"
#include "core/store/records.h"

namespace pw {

// The first record of a retry of `previous`: makeRunRecord's, naming the run it retries,
// with each reused job as the previous run left it (its times, attempts, exit code,
// artifacts and cache use, so durations stay honest) and the reason "reused from run N",
// and each stage whose jobs are all reused or skipped already ended.
RunRecord makeRetryRecord(const Plan &plan, const RunRecord &previous, const RetryPlan &retry);

// The reason a reused job carries in the retry of run `runId`.
QString reusedReason(qint64 runId);

} // namespace pw
