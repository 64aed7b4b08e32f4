#pragma once

#include "core/store/records.h"
#include "jobboxitem.h"
#include "stagelaneitem.h"

namespace pw::gui {

// How the parts of a run are decorated in its graph, from widgets/statuslook.h.
JobBoxStatus nodeStatusOf(const JobRecord &job);
LaneBadge stageBadgeOf(const StageRecord &stage);
// Empty until the run reaches the stage's gate.
std::optional<LaneBadge> gateBadgeOf(const StageRecord &stage);

} // namespace pw::gui
