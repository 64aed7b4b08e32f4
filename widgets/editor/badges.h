#pragma once

#include "core/model/pipeline.h"
#include "graphitems.h"

namespace pw::gui {

// The badges of a stage (its gate, its `if`), of a job (`when`, `if`, allow_failure, retry,
// matrix) and of a pipeline (its `on` triggers).
QList<Badge> stageBadges(const Stage &stage);
QList<Badge> jobBadges(const Job &job);
QList<Badge> pipelineBadges(const Pipeline &pipeline);

} // namespace pw::gui
