#pragma once

#include "core/layout/layout.h"
#include "core/store/records.h"

namespace pw::gui {

// What of a run its graph draws, as the layout takes it: one node per job, one edge per
// need, the stages as lanes.
struct RunGraphShape
{
    layout::LayoutInput input;
    QList<int> jobOfNode;              // per layout node
    QList<QPair<int, int>> jobsOfEdge; // per layout edge: the job needed, the job waiting
    // Changes exactly when the drawing needs a new layout: stages, jobs and needs.
    QString signature;
};

// Jobs in no known stage are left out, as the job tree leaves them out; a need naming no
// job of the run is not drawn.
RunGraphShape graphShapeOf(const RunRecord &run, const layout::LayoutSpacing &spacing);

} // namespace pw::gui
