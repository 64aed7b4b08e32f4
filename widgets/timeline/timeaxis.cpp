#include "timeaxis.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace pw::gui {

namespace {

// Beyond this many ticks the axis is too dense to read anyway.
constexpr qint64 kMaxTicks = 5000;

// Gives the strings of this file their own context for translators.
class TimeAxis
{
    Q_DECLARE_TR_FUNCTIONS(pw::gui::TimeAxis)
};

} // namespace

qint64 tickStepMs(double pixelsPerMs, int minSpacingPx)
{
    constexpr qint64 s = 1000;
    constexpr qint64 m = 60 * s;
    constexpr qint64 h = 60 * m;
    static constexpr std::array<qint64, 19> steps = {
        100,   250,   500,    s,      2 * s,  5 * s, 10 * s, 15 * s, 30 * s, m,
        2 * m, 5 * m, 10 * m, 15 * m, 30 * m, h,     3 * h,  6 * h,  24 * h};
    for (qint64 step : steps) {
        if (double(step) * pixelsPerMs >= minSpacingPx)
            return step;
    }
    // Days apart and still too close: whole multiples of days.
    const double days = minSpacingPx / std::max(pixelsPerMs, 1e-12) / double(24 * h);
    return qint64(std::min(days + 1, 1e6)) * 24 * h;
}

QList<AxisTick> axisTicks(qint64 spanMs, double pixelsPerMs, int minSpacingPx)
{
    const qint64 step = tickStepMs(pixelsPerMs, minSpacingPx);
    const qint64 count = std::min(kMaxTicks, std::max<qint64>(0, spanMs) / step + 1);
    QList<AxisTick> ticks;
    ticks.reserve(count);
    for (qint64 i = 0; i < count; ++i)
        ticks.append({i * step, offsetLabel(i * step)});
    return ticks;
}

QString offsetLabel(qint64 ms)
{
    if (ms == 0)
        return QStringLiteral("0");
    if (ms < 1000)
        return TimeAxis::tr("%1ms").arg(ms);

    const qint64 seconds = ms / 1000;
    if (seconds < 60)
        return TimeAxis::tr("%1s").arg(seconds);
    const qint64 minutes = seconds / 60;
    if (minutes < 60) {
        return seconds % 60 == 0 ? TimeAxis::tr("%1m").arg(minutes)
                                 : TimeAxis::tr("%1m %2s").arg(minutes).arg(seconds % 60, 2, 10,
                                                                            QLatin1Char('0'));
    }
    const qint64 hours = minutes / 60;
    return minutes % 60 == 0
               ? TimeAxis::tr("%1h").arg(hours)
               : TimeAxis::tr("%1h %2m").arg(hours).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

} // namespace pw::gui
