#pragma once

#include "diagnosticsink.h"
#include "jobindex.h"

namespace pw::loader {

// Reports each cycle among the needs of jobs of one stage (needs of other stages cannot
// close one), naming its jobs in order from the one written first: "a -> b -> a".
// A job needing itself is left to the caller.
void reportNeedCycles(const JobIndex &index, DiagnosticSink &sink);

} // namespace pw::loader
