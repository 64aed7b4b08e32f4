#pragma once

#include "core/model/pipeline.h"
#include "outline.h"

namespace pw::edit {

// The stages and jobs a text writes, with the needs they name, as a pipeline to draw while
// the text does not load and has not loaded before: names and places only, nothing
// checked. Stages and jobs without a name, and names given a second time, are left out.
Pipeline sketchOf(const SyntaxTree &tree, const PipelineOutline &outline);

} // namespace pw::edit
