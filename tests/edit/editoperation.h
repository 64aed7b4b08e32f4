#pragma once

#include "core/edit/pipelinedocument.h"

#include <QStringList>

namespace pw::test {

// Runs the edit operation named `operation` ("renameJob", "setJobProperty" ...) with
// `arguments` as texts, for data-driven tests: a property value given as "[a, b]" is a
// list of texts, and "{k: v}" a map of texts.
Result<edit::TextEdit> runOperation(const edit::PipelineDocument &document,
                                    const QString &operation, const QStringList &arguments);

} // namespace pw::test
