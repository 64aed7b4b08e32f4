#pragma once

#include "core/loader/pipelineloader.h"

#include <optional>

namespace pw {

// Reads a pipeline file of either format: `format` when given, else GitLab CI for files
// that isGitLabFile() recognises by name and Pipewright's own format for any other.
LoadResult loadAnyPipeline(const QString &path,
                           std::optional<Pipeline::Format> format = std::nullopt);

// The pipeline files a folder may hold, as absolute paths, the likeliest first: its
// pipewright.yml, then its .gitlab-ci.yml, then its other YAML files by name.
QStringList pipelineFilesIn(const QString &folder);

// "gitlab" or "native" as a format; nothing for any other word.
std::optional<Pipeline::Format> pipelineFormatFromName(const QString &name);

} // namespace pw
