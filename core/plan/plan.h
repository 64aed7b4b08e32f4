#pragma once

#include "core/model/pipeline.h"
#include "runcontext.h"

#include <QList>
#include <QPair>

#include <memory>

namespace pw {

// A dependency of one planned job on another, by index into Plan::jobs.
struct PlannedNeed
{
    int job = -1;
    bool artifacts = true;
};

// One job instance of a run: a job of the file, or one combination of its matrix.
struct PlannedJob
{
    int index = -1;
    int stage = -1;
    // As shown to users: "unit", or "e2e: [chrome, linux]" for a matrix instance.
    QString name;
    // The job as the file declares it; owned by Plan::pipeline.
    const Job *spec = nullptr;
    QList<QPair<QString, QString>> matrixValues;

    // The environment the job's commands see on top of the process environment: the
    // pipeline's variables, the job's env, its matrix values and the run's variables.
    Variables variables;

    // Jobs named by `needs`. A job without `needs` instead waits for every job of all
    // earlier stages (afterEarlierStages), so that edges stay linear in the number of jobs.
    QList<PlannedNeed> needs;
    bool afterEarlierStages = true;
    // Jobs that name this one in their needs.
    QList<int> dependents;

    When when = When::OnSuccess;
    bool allowFailure = false;

    // Decided before the run starts: a false condition, or a need on a skipped job.
    bool skipped = false;
    QString skipReason;

    // The longest path from the start of this job to the end of the run, in milliseconds
    // of recorded duration (1 ms per job without history). Ready jobs start highest first.
    qint64 priority = 0;
};

struct PlannedStage
{
    int index = -1;
    QString name;
    // The stage as the file declares it; owned by Plan::pipeline.
    const Stage *spec = nullptr;
    QList<int> jobs;
    bool skipped = false;
    QString skipReason;
};

struct Plan
{
    std::shared_ptr<const Pipeline> pipeline;
    RunContext context;
    QList<PlannedStage> stages;
    QList<PlannedJob> jobs;

    // False when `on:` (respected) or GitLab's workflow rules say this run should not happen.
    bool triggered = true;
    QString notTriggeredReason;

    // The index of the planned job with that display name, or -1.
    int findJob(const QString &name) const;
};

} // namespace pw
