#pragma once

#include "core/model/pipeline.h"
#include "yamlreader.h"

namespace pw::loader {

// Reads the model of a native pipeline file from its top-level map, as far as the file
// allows; every problem goes to the reader's sink. Cross-checks between jobs are the
// validator's.
Pipeline readNativePipeline(YamlReader &reader, const YamlNode &root);

} // namespace pw::loader
