#include "expectedduration.h"

#include <algorithm>

namespace pw::timeline {

namespace {

constexpr qint64 kMaxDurationMs = qint64(1) << 40;

std::optional<qint64> usable(qint64 duration)
{
    if (duration < 0)
        return std::nullopt;
    return std::min(duration, kMaxDurationMs);
}

// The median of `durations`, or nothing for none; reorders them.
std::optional<qint64> medianOf(QList<qint64> &durations)
{
    if (durations.isEmpty())
        return std::nullopt;
    const auto middle = durations.begin() + durations.size() / 2;
    std::nth_element(durations.begin(), middle, durations.end());
    return *middle;
}

} // namespace

std::optional<qint64> pastDurationOf(const QString &jobName,
                                     const QHash<QString, qint64> &pastDurationsMs)
{
    if (const auto found = pastDurationsMs.constFind(jobName); found != pastDurationsMs.cend())
        return usable(*found);

    // A matrix instance is shown as "name: [values]"; its history may be under the job's name.
    const qsizetype values = jobName.indexOf(QStringLiteral(": ["));
    if (values <= 0 || !jobName.endsWith(QLatin1Char(']')))
        return std::nullopt;
    if (const auto found = pastDurationsMs.constFind(jobName.left(values));
        found != pastDurationsMs.cend())
        return usable(*found);
    return std::nullopt;
}

void assignExpectedDurations(const RunRecord &run, const TimelineInputs &inputs, Timeline &timeline)
{
    // First what is known, which also gives the guess for the rest.
    QList<qint64> known;
    for (JobBar &bar : timeline.bars) {
        if (bar.kind == BarKind::Finished) {
            bar.expectedDurationMs = bar.endMs - bar.startMs;
            bar.durationSource = DurationSource::Recorded;
        } else if (bar.kind != BarKind::NotRun) {
            bar.expectedDurationMs =
                pastDurationOf(run.jobs.at(bar.job).name, inputs.pastDurationsMs);
            if (bar.expectedDurationMs)
                bar.durationSource = DurationSource::History;
        }
        if (bar.expectedDurationMs)
            known.append(*bar.expectedDurationMs);
    }

    const std::optional<qint64> guess = medianOf(known);
    if (!guess)
        return;
    for (JobBar &bar : timeline.bars) {
        if (bar.kind != BarKind::NotRun && !bar.expectedDurationMs) {
            bar.expectedDurationMs = guess;
            bar.durationSource = DurationSource::Guess;
        }
    }
}

} // namespace pw::timeline
