#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

namespace pw::loader {

// Reads `cache:`, one map or a list of maps. Each needs `paths`.
std::optional<QList<CacheSpec>> readCaches(YamlReader &reader, const MapEntry &entry,
                                           const QString &where);

// Reads `artifacts:`, a map that needs `paths`.
std::optional<ArtifactSpec> readArtifacts(YamlReader &reader, const MapEntry &entry,
                                          const QString &where);

} // namespace pw::loader
