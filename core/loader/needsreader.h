#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

namespace pw::loader {

// Reads `needs:`, a list whose items are job names or maps {job, artifacts, matrix}; one
// name stands for a list of one. Whether the jobs exist is the validator's concern.
std::optional<QList<JobNeed>> readNeeds(YamlReader &reader, const MapEntry &entry,
                                        const QString &where);

} // namespace pw::loader
