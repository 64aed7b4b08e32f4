#include "anypipeline.h"

#include "gitlabloader.h"

namespace pw {

LoadResult loadAnyPipeline(const QString &path, std::optional<Pipeline::Format> format)
{
    const Pipeline::Format chosen =
        format.value_or(isGitLabFile(path) ? Pipeline::Format::GitLab : Pipeline::Format::Native);
    return chosen == Pipeline::Format::GitLab ? loadGitLabFile(path) : loadPipelineFile(path);
}

std::optional<Pipeline::Format> pipelineFormatFromName(const QString &name)
{
    if (name == QLatin1String("gitlab"))
        return Pipeline::Format::GitLab;
    if (name == QLatin1String("native"))
        return Pipeline::Format::Native;
    return std::nullopt;
}

} // namespace pw
