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
Job readJob(YamlReader &reader, const YamlNode &map, const JobDefaults &defaults);

// `retry`: how many times a failed job runs again, from 0 to maxRetries.
std::optional<int> readRetry(YamlReader &reader, const MapEntry &entry);

} // namespace pw::loader
