#include "pathvariables.h"

#include "core/gitlab/variables.h"

namespace pw::files {

namespace {

QString expandedPath(const QString &pattern, const JobFilesInput &input)
{
    QString path = gitlab::expandText(pattern, input.pathVariables);
    // $CI_PROJECT_DIR/dist names dist in the project, whatever folder the job runs in.
    const QString project = input.pipeline ? input.pipeline->directory : QString();
    if (!project.isEmpty() && path.startsWith(project + QLatin1Char('/')))
        path = path.mid(project.size() + 1);
    else if (!project.isEmpty() && path == project)
        path = QStringLiteral(".");
    return path;
}

} // namespace

QStringList expandedPaths(const QStringList &patterns, const JobFilesInput &input)
{
    if (input.pathVariables.isEmpty())
        return patterns;
    QStringList paths;
    paths.reserve(patterns.size());
    for (const QString &pattern : patterns)
        paths.append(expandedPath(pattern, input));
    return paths;
}

CacheSpec expandedCache(const CacheSpec &cache, const JobFilesInput &input)
{
    if (input.pathVariables.isEmpty())
        return cache;
    CacheSpec expanded = cache;
    expanded.key = gitlab::expandText(cache.key, input.pathVariables);
    expanded.files = expandedPaths(cache.files, input);
    expanded.paths = expandedPaths(cache.paths, input);
    for (QString &key : expanded.fallbackKeys)
        key = gitlab::expandText(key, input.pathVariables);
    return expanded;
}

} // namespace pw::files
