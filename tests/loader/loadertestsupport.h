#pragma once

#include "core/loader/pipelineloader.h"

#include <QStringList>

namespace pw::test {

// Loads YAML text as the file "pipeline.yml" of the folder /work/project.
LoadResult loadYaml(const QByteArray &yaml);

// The pipeline as lines of "key: value", one per field, with stage and job fields
// prefixed by "stage NAME " and "job NAME ", for checking fields without a line of
// comparisons each.
QStringList describePipeline(const Pipeline &pipeline);

// A duration as a file would write it: "10m", "1h30m", "7d", "500ms".
QString compactDuration(Milliseconds duration);

// Diagnostics as "line:column: message" (errors) or "line:column: warning: message".
QStringList describeDiagnostics(const Diagnostics &diagnostics);

// Whether each diagnostic matches the expectation at its index: the same "line:column: "
// prefix (and "warning: " for warnings), and the message containing the rest. Sets
// `explanation` to what differs.
bool diagnosticsMatch(const Diagnostics &diagnostics, const QStringList &expected,
                      QString *explanation);

} // namespace pw::test
