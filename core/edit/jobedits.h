#pragma once

#include "pipelinedocument.h"

namespace pw::edit {

// Edits of a pipeline's jobs. Each returns the edit of the document's current text, for
// PipelineDocument::apply(), and its inverse undoes it; or why it cannot be made, with the
// loader's message when the result would not be a valid pipeline. The document is not
// changed.

// Adds job `job` running `commands` at the end of stage `stage`.
Result<TextEdit> addJob(const PipelineDocument &document, const QString &stage, const QString &job,
                        const QStringList &commands);
// Renames a job, and the needs of other jobs on it.
Result<TextEdit> renameJob(const PipelineDocument &document, const QString &job,
                           const QString &newName);
// Removes a job, and the needs of other jobs on it.
Result<TextEdit> removeJob(const PipelineDocument &document, const QString &job);
// Moves a job, with the comment lines right above it, to stage `stage`: before the job at
// `index` there, or at its end when `index` is -1. Its needs stay as they are.
Result<TextEdit> moveJob(const PipelineDocument &document, const QString &job, const QString &stage,
                         int index = -1);

} // namespace pw::edit
