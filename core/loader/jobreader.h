#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

namespace pw::loader {

// The values of `defaults:` that a job takes unless it sets its own.
struct JobDefaults
{
    std::optional<Milliseconds> timeout;
    int retry = 0;
    bool isolated = false;
    QString shell = QStringLiteral("sh");
};

// Reads one map of a stage's `jobs:` list, starting from `defaults`.
Job readJob(YamlReader &reader, const YAML::Node &map, const JobDefaults &defaults);

// The keys a job may hold, for messages and documentation.
const QStringList &jobKeys();

} // namespace pw::loader
