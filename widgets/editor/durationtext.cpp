#include "durationtext.h"

namespace pw::gui {

QString durationText(Milliseconds duration)
{
    qint64 ms = duration.count();
    if (ms % 1000 != 0)
        return QString::number(ms) + QStringLiteral("ms");

    // Whole units from the largest down: 1d2h, 1h30m, 45s.
    qint64 seconds = ms / 1000;
    if (seconds == 0)
        return QStringLiteral("0s");
    const std::pair<qint64, const char *> units[] = {
        {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
    QString text;
    for (const auto &[size, suffix] : units) {
        if (seconds >= size) {
            text += QString::number(seconds / size) + QLatin1String(suffix);
            seconds %= size;
        }
    }
    return text;
}

} // namespace pw::gui
