#pragma once

#include "core/loader/pipelineloader.h"

namespace pw {

// Reads a GitLab CI file (.gitlab-ci.yml) into Pipewright's pipeline model: stages (with
// .pre first and .post last), jobs with their scripts, needs, rules, variables, caches and
// artifacts, after resolving include: local, extends, !reference, YAML anchors and merge
// keys, and default:. What Pipewright does not do (images, services, tags, other kinds of
// include) is reported as warnings; what GitLab would reject, as errors with positions.
// Never throws.
LoadResult loadGitLabFile(const QString &path);
// The same for text in memory; `fileName` is used in diagnostics, and `directory` is the
// project folder: jobs run there and `include: local` paths are relative to it.
LoadResult loadGitLabText(const QByteArray &text, const QString &fileName,
                          const QString &directory);

// Whether `path` names a GitLab CI file: `.gitlab-ci.yml`, `NAME.gitlab-ci.yml`, or a
// variant such as `.gitlab-ci-deploy.yml` (`.yaml` too).
bool isGitLabFile(const QString &path);

} // namespace pw
