#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

#include <optional>

namespace pw::loader {

// Reads an `if:` text and parses it with pw::expr::parseCondition. A parse error is
// reported at the place in the file where the parser stopped.
std::optional<Condition> readCondition(YamlReader &reader, const MapEntry &entry);

} // namespace pw::loader
