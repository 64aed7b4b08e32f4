#pragma once

#include "core/model/pipeline.h"
#include "diagnosticsink.h"

namespace pw::loader {

// Checks what no single key can: that stage and job names are unique, that needs name
// jobs of the same or an earlier stage and select matrix values those jobs have, and
// that needs do not form cycles. Jobs without a name (already reported) are left out.
void validatePipeline(const Pipeline &pipeline, DiagnosticSink &sink);

} // namespace pw::loader
