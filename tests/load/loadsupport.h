#pragma once

#include "core/store/runstore.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QString>

namespace pw::test {

// The shape of a generated pipeline: `stages` stages of `jobsPerStage` jobs named s<S>j<J>;
// every job past the first stage needs two jobs of the stage before it, and prints `lines`
// lines "<job> line <n>", waiting `lineDelayMs` after each.
struct PipelineShape
{
    QString name = QStringLiteral("load");
    int stages = 5;
    int jobsPerStage = 10;
    int lines = 20;
    int lineDelayMs = 0;

    int jobCount() const { return stages * jobsPerStage; }
};

// The pipeline file (Pipewright's YAML) of `shape`.
QByteArray pipelineText(const PipelineShape &shape);

// What the job `name` of such a pipeline logs, byte for byte: its command, then its lines.
QByteArray expectedOutput(const QString &name, const PipelineShape &shape);

// Checks that the store holds run `runId` of `shape` whole: the run, every stage and job
// succeeded and finished, each job has exactly one attempt that exited 0, and each job's log
// is its output byte for byte in chunks that follow each other without gap or overlap.
// The error says what is missing or wrong, and where.
Status checkRunIsComplete(RunStore &store, qint64 runId, const PipelineShape &shape);

// The ids of every run of `pipeline` in the store, oldest first.
Result<QList<qint64>> runsOf(RunStore &store, const QString &pipeline);

} // namespace pw::test
