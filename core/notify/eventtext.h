#pragma once

#include <QJsonObject>
#include <QString>

namespace pw {

// One line for a person, in local time, for an event that parseEvent() accepted:
// "14:00:03  run 12 webapp: stage deploy waits for approval by anna, lead (1 of 2 needed,
// until 18:00)". Types this version does not know get a generic line.
QString describeEvent(const QJsonObject &event);

// "850 ms", "12s", "3m 05s", "2h 10m".
QString describeDuration(qint64 ms);

} // namespace pw
