#pragma once

#include "pipelinedocument.h"

namespace pw::edit {

// Edits of the `needs` of jobs, made as those of jobedits.h.

// Makes `job` need `need`; refused when `need` is no job, is in a later stage, or would
// close a cycle (the message names the cycle).
Result<TextEdit> addNeed(const PipelineDocument &document, const QString &job, const QString &need);
// Drops the need of `job` on `need`. The last need leaves `needs: []`, so that the job
// keeps starting without waiting for the earlier stages.
Result<TextEdit> removeNeed(const PipelineDocument &document, const QString &job,
                            const QString &need);

} // namespace pw::edit
