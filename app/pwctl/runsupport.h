#pragma once

#include "core/session/runsession.h"

#include <QCommandLineParser>

namespace pw::cli {

// The options `run` and `retry` share: --jobs, --json, --keep-workspaces, --logs, --redis
// and --poll-interval.
void addRunOptions(QCommandLineParser &parser);

// Runs `request` (its pipeline, context and, for a retry, the run retried) to its end with
// the options of addRunOptions and the store of --db, printing progress to stderr and, with
// --json, the run to stdout. Returns the exit code: 0 for a successful run, 1 for a failed
// or cancelled one, 2 when the options are wrong or the run cannot start.
int runRequest(const QCommandLineParser &parser, RunRequest request);

} // namespace pw::cli
