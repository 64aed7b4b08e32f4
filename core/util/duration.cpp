#include "duration.h"

#include <QRegularExpression>

namespace pw {

namespace {

// About 31,700 years: longer is surely a mistake, and the sum of the parts stays far from
// overflowing.
constexpr qint64 longestMs = 1000LL * 1000 * 1000 * 1000 * 1000;

// Milliseconds per unit, for every spelling a pipeline file may use.
std::optional<qint64> unitMilliseconds(const QString &unit)
{
    static const QList<std::pair<QStringList, qint64>> units = {
        {{"ms", "msec", "msecs", "millisecond", "milliseconds"}, 1},
        {{"s", "sec", "secs", "second", "seconds"}, 1000},
        {{"m", "min", "mins", "minute", "minutes"}, 60 * 1000},
        {{"h", "hr", "hrs", "hour", "hours"}, 60 * 60 * 1000},
        {{"d", "day", "days"}, 24 * 60 * 60 * 1000},
        {{"w", "wk", "wks", "week", "weeks"}, 7 * 24 * 60 * 60 * 1000},
    };
    const QString lower = unit.toLower();
    for (const auto &[names, factor] : units) {
        if (names.contains(lower))
            return factor;
    }
    return std::nullopt;
}

} // namespace

Result<Milliseconds> parseDuration(const QString &text)
{
    const QString trimmed = text.trimmed();
    const QString expected = QStringLiteral(
        "expected a duration such as \"90s\", \"10m\", \"2h\" or \"1h30m\", got \"%1\"");
    if (trimmed.isEmpty())
        return Result<Milliseconds>::failure(expected.arg(text));

    // A bare number is a count of seconds, as in GitLab's "timeout: 3600".
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    const auto tooLong = [&text] {
        return Result<Milliseconds>::failure(
            QStringLiteral("duration \"%1\" is too long").arg(text));
    };
    if (isNumber && seconds >= 0)
        return seconds > longestMs / 1000 ? tooLong() : Milliseconds(seconds * 1000);

    static const QRegularExpression part(
        QStringLiteral(R"(\s*(\d+(?:\.\d+)?)\s*([a-zA-Z]+)\s*,?)"));
    qint64 total = 0;
    int position = 0;
    while (position < trimmed.size()) {
        const auto match = part.match(trimmed, position, QRegularExpression::NormalMatch,
                                      QRegularExpression::AnchorAtOffsetMatchOption);
        if (!match.hasMatch())
            return Result<Milliseconds>::failure(expected.arg(text));

        const auto factor = unitMilliseconds(match.captured(2));
        if (!factor) {
            return Result<Milliseconds>::failure(
                QStringLiteral("unknown time unit \"%1\" in \"%2\"; use ms, s, m, h, d or w")
                    .arg(match.captured(2), text));
        }
        const double ms = match.captured(1).toDouble() * double(*factor);
        if (ms > double(longestMs - total))
            return tooLong();
        total += qint64(ms);
        position = match.capturedEnd(0);
    }
    return Milliseconds(total);
}

QString formatDuration(Milliseconds duration)
{
    const qint64 ms = duration.count();
    if (ms < 60 * 1000)
        return QString::number(double(ms) / 1000.0, 'f', ms < 10 * 1000 ? 2 : 1) + QLatin1Char('s');

    const qint64 totalSeconds = ms / 1000;
    const qint64 hours = totalSeconds / 3600;
    const qint64 minutes = (totalSeconds / 60) % 60;
    const qint64 secs = totalSeconds % 60;
    if (hours == 0)
        return QStringLiteral("%1m %2s").arg(minutes).arg(secs, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1h %2m").arg(hours).arg(minutes, 2, 10, QLatin1Char('0'));
}

} // namespace pw
