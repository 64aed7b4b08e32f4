#pragma once

#include "core/store/records.h"

#include <QList>
#include <QStringList>

namespace pw::timeline {

// The jobs of a run and what each waits for, as a graph without cycles. Node j below
// jobCount is job j (its position in RunRecord::jobs); node jobCount + k is the k-th stage's
// barrier, which waits for every job of the stages before it. A job without needs waits for
// its stage's barrier only, so that the edges stay linear in the number of jobs.
struct JobGraph
{
    int jobCount = 0;
    QList<QList<int>> waitsFor; // by node
    QList<QList<int>> followers;
    QList<int> order; // every node, each after all it waits for

    int nodeCount() const { return int(waitsFor.size()); }
    bool isJob(int node) const { return node < jobCount; }
};

// Builds the graph of `run`. Needs on unknown jobs, on the job itself, and needs that close a
// cycle are left out, each with a sentence in `problems`.
JobGraph buildJobGraph(const RunRecord &run, QStringList &problems);

} // namespace pw::timeline
