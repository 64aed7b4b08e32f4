#pragma once

#include "core/model/pipeline.h"
#include "core/util/result.h"

#include <QPair>

namespace pw::planner {

// One instance a job of the file becomes in a run: the job itself, one combination of its
// matrix, or one of its `parallel` copies.
struct JobInstance
{
    QString name;
    QList<QPair<QString, QString>> matrixValues;
    // The matrix values, or CI_NODE_INDEX and CI_NODE_TOTAL, as variables.
    Variables variables;
};

// More would make a plan no person can read, and a typo in a matrix could exhaust memory.
inline constexpr qsizetype kMaxInstancesPerJob = 1000;

// The instances of `job` in the order of the file: matrix groups one after the other, each
// the cartesian product of its dimensions with the first dimension varying slowest. A job
// with `parallel: N` and no matrix gives "job 1/N" ... "job N/N"; any other job, itself.
// Fails when a group or dimension is empty or there would be more than kMaxInstancesPerJob.
Result<QList<JobInstance>> expandJob(const Job &job);

// "e2e: [chrome, linux]": the job's name and the values in dimension order.
QString matrixInstanceName(const QString &jobName, const QList<QPair<QString, QString>> &values);

} // namespace pw::planner
