#pragma once

#include "core/model/pipeline.h"

namespace pw {

// The text of a native Pipewright pipeline file equivalent to `pipeline`, for `pwctl
// convert`. What the native format cannot say (GitLab's rules, after_script, manual jobs,
// dotenv reports, several matrix groups ...) is left out, each with a note in `notes` and a
// comment in the text, so that a person can finish the conversion.
QByteArray writeNativePipeline(const Pipeline &pipeline, QStringList *notes);

} // namespace pw
