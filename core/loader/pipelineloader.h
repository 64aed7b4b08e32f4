#pragma once

#include "core/model/pipeline.h"
#include "core/util/result.h"

#include <memory>

namespace pw {

// The outcome of reading a pipeline file: the pipeline when it is valid, and every
// problem found in the file (all of them, not only the first), with their positions.
struct LoadResult
{
    std::shared_ptr<const Pipeline> pipeline; // null when there are errors
    Diagnostics diagnostics;

    bool ok() const { return pipeline != nullptr; }
};

// Reads and validates a native Pipewright pipeline file. Never throws; any input,
// however malformed, yields diagnostics rather than a crash.
LoadResult loadPipelineFile(const QString &path);
// The same for text already in memory; `fileName` is used in diagnostics, and
// `directory` becomes the folder the jobs run in.
LoadResult loadPipelineText(const QByteArray &text, const QString &fileName,
                            const QString &directory);

} // namespace pw
