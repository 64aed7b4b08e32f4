#pragma once

#include "core/util/duration.h"

namespace pw::gui {

// A duration as pipeline files write it and parseDuration() reads it back: "90s" as
// "1m30s", "2h", "500ms".
QString durationText(Milliseconds duration);

} // namespace pw::gui
