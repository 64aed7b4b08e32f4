#pragma once

#include "core/util/result.h"
#include "plan.h"

#include <QHash>

namespace pw::planner {

// The planned instances of each job of the file, by the job's name.
using InstancesByJob = QHash<QString, QList<int>>;

// Bounds the work and memory of needs on large matrices.
inline constexpr qsizetype kMaxNeedEdges = 1000000;

// Turns each job's `needs` into edges between instances (PlannedJob::needs, and dependents
// for the reverse): a need on a matrix job names all its instances, or those matching the
// need's matrix filter. An optional need on a job that is not in the pipeline is dropped.
// Fails, naming the need's place, on a need of a missing job, of a job of a later stage or
// of the job itself, or on a filter that matches no instance.
Status resolveNeeds(Plan &plan, const InstancesByJob &instances);

// Every planned job after all the jobs it waits for: stage by stage, and within a stage after
// the jobs of that stage it needs, otherwise in the order of the file. Fails on a cycle.
Result<QList<int>> planOrder(const Plan &plan);

} // namespace pw::planner
