#pragma once

#include "core/model/variable.h"

#include <QHash>

namespace pw {
struct Pipeline;
struct RunContext;
} // namespace pw

namespace pw::gitlab {

// Expands `$NAME` and `${NAME}` in `text` with `values`, as GitLab expands variables that
// refer to others: `$$` stands for one `$`, a name that is not set stays as written, and
// `${A_${B}}` expands the inner name first.
QString expandText(const QString &text, const QHash<QString, QString> &values);

// The variables with each value expanded from the others (later declarations of a name win
// and are the ones referred to). A variable with `expand: false` keeps its value as written
// and is taken as written where others refer to it. References that loop end as written.
Variables expandVariables(const Variables &variables);

// The values of `variables` by name, the last declaration winning.
QHash<QString, QString> valuesByName(const Variables &variables);

// GitLab's predefined variables that depend on the run and not on a job: CI, CI_COMMIT_*,
// CI_DEFAULT_BRANCH, CI_PIPELINE_SOURCE, CI_PROJECT_DIR, CI_PROJECT_NAME ...
Variables predefinedVariables(const Pipeline &pipeline, const RunContext &context);

// The predefined variables of one job instance: CI_JOB_NAME, CI_JOB_STAGE, CI_JOB_STATUS
// and CI_NODE_TOTAL (1 unless the instance sets its own).
void addJobVariables(Variables &variables, const QString &jobName, const QString &stage);

// "feature-x-y" for "Feature/X_Y": GitLab's CI_COMMIT_REF_SLUG form.
QString slug(const QString &text);

} // namespace pw::gitlab
