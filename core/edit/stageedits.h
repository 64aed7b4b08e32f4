#pragma once

#include "pipelinedocument.h"

namespace pw::edit {

// Edits of a pipeline's stages, made as those of jobedits.h.

// Adds stage `stage` before the stage at `index`, or at the end when `index` is -1, with
// its first job `job` running `commands` (a stage holds at least one job).
Result<TextEdit> addStage(const PipelineDocument &document, const QString &stage, int index,
                          const QString &job, const QStringList &commands);
Result<TextEdit> renameStage(const PipelineDocument &document, const QString &stage,
                             const QString &newName);
// Removes a stage with its jobs, and the needs of other jobs on them.
Result<TextEdit> removeStage(const PipelineDocument &document, const QString &stage);
// Moves a stage, with the comment lines right above it, before the stage at `index`, or to
// the end when `index` is -1.
Result<TextEdit> moveStage(const PipelineDocument &document, const QString &stage, int index);

} // namespace pw::edit
