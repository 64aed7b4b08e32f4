#include "anypipeline.h"

#include "gitlabloader.h"

#include <QDir>
#include <QFileInfo>

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

QStringList pipelineFilesIn(const QString &folder)
{
    const QDir dir(folder);
    const QStringList first{QStringLiteral("pipewright.yml"), QStringLiteral("pipewright.yaml"),
                            QStringLiteral(".gitlab-ci.yml")};
    QStringList found;
    for (const QString &name : first) {
        if (QFileInfo(dir.filePath(name)).isFile())
            found.append(dir.absoluteFilePath(name));
    }
    const QStringList others = dir.entryList({QStringLiteral("*.yml"), QStringLiteral("*.yaml")},
                                             QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : others) {
        if (!first.contains(name))
            found.append(dir.absoluteFilePath(name));
    }
    return found;
}

} // namespace pw
