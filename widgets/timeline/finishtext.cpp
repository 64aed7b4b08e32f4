#include "finishtext.h"

#include "core/util/duration.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace pw::gui {

namespace {

// Gives the strings of this file their own context for translators.
class FinishText
{
    Q_DECLARE_TR_FUNCTIONS(pw::gui::FinishText)
};

QString clockTime(const QDateTime &utc)
{
    return QLocale().toString(utc.toLocalTime().time(), QLocale::ShortFormat);
}

QString finishedText(const timeline::Timeline &timeline)
{
    const timeline::FinishEstimate &estimate = timeline.estimate;
    const qint64 took = std::max<qint64>(0, timeline.origin.msecsTo(estimate.finish));
    return FinishText::tr("Finished at %1 after %2")
        .arg(clockTime(estimate.finish), formatDuration(Milliseconds(took)));
}

} // namespace

QString aboutDuration(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(0, (ms + 500) / 1000);
    if (seconds < 60)
        return FinishText::tr("about %n s", nullptr, int(seconds));
    const int minutes = int(std::lround(double(seconds) / 60));
    if (minutes < 120)
        return FinishText::tr("about %n min", nullptr, minutes);
    return FinishText::tr("about %n h", nullptr, int(std::lround(double(seconds) / 3600)));
}

QString finishText(const timeline::Timeline &timeline)
{
    using timeline::EstimateBasis;
    const timeline::FinishEstimate &estimate = timeline.estimate;
    switch (estimate.basis) {
    case EstimateBasis::Finished:
        return finishedText(timeline);
    case EstimateBasis::Unknown:
        return FinishText::tr("No estimate yet: no job still to run has a past duration");
    case EstimateBasis::History:
    case EstimateBasis::Partial:
        break;
    }

    QString text = estimate.waitsForApproval
                       ? FinishText::tr("Waits for approval; if approved now, finish %1, in %2")
                       : FinishText::tr("Estimated finish %1, in %2");
    text = text.arg(clockTime(estimate.finish), aboutDuration(estimate.remainingMs));
    if (estimate.basis == EstimateBasis::Partial)
        text += QLatin1Char(' ')
                + FinishText::tr("(guessed for %n job(s) without a past duration)", nullptr,
                                 estimate.guessedJobs);
    return text;
}

} // namespace pw::gui
