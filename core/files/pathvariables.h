#pragma once

#include "jobfiles.h"

namespace pw::files {

// `patterns` with `$NAME` and `${NAME}` replaced by the job's variables
// (JobFilesInput::pathVariables), GitLab's way; a path that then starts with the project's
// folder is made relative to it. Without variables the patterns stay as they are.
QStringList expandedPaths(const QStringList &patterns, const JobFilesInput &input);

// `cache` with its key, files, paths and fallback keys expanded in the same way.
CacheSpec expandedCache(const CacheSpec &cache, const JobFilesInput &input);

} // namespace pw::files
