#pragma once

#include "core/store/runstore.h"
#include "core/util/result.h"

#include <QDateTime>

namespace pw::bench {

// The runs a benchmark or load test fills a history with: 20 pipelines, 51 branches, five
// statuses in a fixed mix, 2 stages and 3 jobs each, started 5 minutes apart from
// historyStart(). Run `number` (from 0) is always the same run.
RunRecord sampleHistoryRun(int number);
QDateTime historyStart();

// How many of the sample runs have `pipeline`, `status` and `branch` (empty: any) among the
// first `runs`, as a store filled with them must count.
int sampleRunsMatching(int runs, const QString &pipeline, const QString &status,
                       const QString &branch);

// Records sample runs through `store`, a thousand to a transaction (RunStore::createRuns),
// until it holds `runs` runs (its newest id says how many it has); returns the seconds it
// took, 0 when it held them already.
Result<double> fillHistory(RunStore &store, int runs);

} // namespace pw::bench
