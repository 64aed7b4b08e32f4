#pragma once

#include "core/timeline/timeline.h"

#include <QString>

namespace pw::gui {

// "about 3 min", "about 40 s", "about 2 h": a remaining time rounded for people.
QString aboutDuration(qint64 ms);

// What the timeline says of the run's end: "Finished at 14:32 after 3m 04s", "Estimated
// finish 14:32, in about 3 min", with what the estimate could not know, or why there is none.
// Times are shown in local time.
QString finishText(const timeline::Timeline &timeline);

} // namespace pw::gui
