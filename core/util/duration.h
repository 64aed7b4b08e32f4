#pragma once

#include "result.h"

#include <chrono>

namespace pw {

using Milliseconds = std::chrono::milliseconds;

// Parses durations as users write them in pipeline files: "90s", "10m", "2h", "7d", "500ms",
// combinations such as "1h30m", and a bare number of seconds. Also accepts the long forms
// GitLab uses ("1 hour 30 minutes", "3 days"). Fails with a message naming what was expected.
Result<Milliseconds> parseDuration(const QString &text);

// "1.2s", "3m 04s", "2h 10m": short, for progress lines and tables.
QString formatDuration(Milliseconds duration);

} // namespace pw
