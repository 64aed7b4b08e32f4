#pragma once

#include "core/plan/plan.h"

namespace pw::gitlab {

// The variables of the planned job `job` once it receives `dotenv`, the variables of the
// dotenv reports of the jobs it takes artifacts from. They rank above the file's variables
// and below the run's (`--var`) and Pipewright's own. In a GitLab pipeline the job's variables
// are expanded again with them, so that `REF: $BUILD_REF` sees a dotenv `BUILD_REF`; in a
// native one they are set on top of the planned variables.
Variables variablesWithDotenv(const Plan &plan, int job, const Variables &dotenv);

} // namespace pw::gitlab
