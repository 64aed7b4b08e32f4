#pragma once

#include "jobreader.h"

namespace pw::loader {

// Reads one map of the `stages:` list and its jobs.
Stage readStage(YamlReader &reader, const YamlNode &map, const JobDefaults &defaults);

} // namespace pw::loader
