#pragma once

#include "pipelinedocument.h"
#include "propertyvalue.h"

namespace pw::edit {

// Edits of the keys of jobs and stages, made as those of jobedits.h. Setting a key that
// is there replaces its value in place, keeping the key's line, its quoting where the
// value allows, and the comment after it; a new key goes after the last one.

// The keys setJobProperty() takes: commands, shell, env, timeout, retry, allow_failure,
// when, if, needs, matrix, cache, artifacts, secrets, resource, isolated.
QStringList jobPropertyNames();
Result<TextEdit> setJobProperty(const PipelineDocument &document, const QString &job,
                                const QString &key, const PropertyValue &value);
Result<TextEdit> removeJobProperty(const PipelineDocument &document, const QString &job,
                                   const QString &key);
// Sets or removes one variable of a job's `env`.
Result<TextEdit> setJobEnv(const PipelineDocument &document, const QString &job,
                           const QString &name, const QString &value);
Result<TextEdit> removeJobEnv(const PipelineDocument &document, const QString &job,
                              const QString &name);

// The keys setStageProperty() takes: if, gate, resource.
QStringList stagePropertyNames();
Result<TextEdit> setStageProperty(const PipelineDocument &document, const QString &stage,
                                  const QString &key, const PropertyValue &value);
Result<TextEdit> removeStageProperty(const PipelineDocument &document, const QString &stage,
                                     const QString &key);
// The keys of a stage's gate: approvers, required, timeout, on_timeout,
// allow_self_approval. Setting one on a stage without a gate adds the gate.
QStringList gatePropertyNames();
Result<TextEdit> setGateProperty(const PipelineDocument &document, const QString &stage,
                                 const QString &key, const PropertyValue &value);
Result<TextEdit> removeGateProperty(const PipelineDocument &document, const QString &stage,
                                    const QString &key);

} // namespace pw::edit
