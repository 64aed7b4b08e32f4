#include "historytrend.h"

namespace pw::gui {

namespace {

// When a run happened for the charts: its start, or its end for a run that never started.
QDateTime whenOf(const RunTrendPoint &run)
{
    return run.startedAt.isValid() ? run.startedAt : run.finishedAt;
}

double midnightOf(const QDateTime &time)
{
    return double(time.toLocalTime().date().startOfDay().toMSecsSinceEpoch());
}

struct DayCount
{
    int total = 0;
    int counted = 0;
};

QList<QPointF> percentages(const QMap<double, DayCount> &days)
{
    QList<QPointF> points;
    for (auto day = days.cbegin(); day != days.cend(); ++day) {
        if (day->total > 0)
            points.append({day.key(), 100.0 * day->counted / day->total});
    }
    return points;
}

} // namespace

bool hasEnded(RunStatus status)
{
    switch (status) {
    case RunStatus::Pending:
    case RunStatus::Running:
    case RunStatus::WaitingApproval:
        return false;
    case RunStatus::Success:
    case RunStatus::Failed:
    case RunStatus::Cancelled:
    case RunStatus::Rejected:
    case RunStatus::Interrupted:
        break;
    }
    return true;
}

QMap<RunStatus, QList<QPointF>> durationPoints(const QList<RunTrendPoint> &runs)
{
    QMap<RunStatus, QList<QPointF>> points;
    for (const RunTrendPoint &run : runs) {
        if (!hasEnded(run.status) || !run.startedAt.isValid() || !run.finishedAt.isValid())
            continue;
        points[run.status].append(
            {double(run.startedAt.toMSecsSinceEpoch()), run.durationMs() / 1000.0});
    }
    return points;
}

QList<QPointF> passRateByDay(const QList<RunTrendPoint> &runs)
{
    QMap<double, DayCount> days;
    for (const RunTrendPoint &run : runs) {
        if (!hasEnded(run.status) || run.status == RunStatus::Cancelled || !whenOf(run).isValid())
            continue;
        DayCount &day = days[midnightOf(whenOf(run))];
        ++day.total;
        day.counted += run.status == RunStatus::Success ? 1 : 0;
    }
    return percentages(days);
}

QList<QPointF> cacheHitRateByDay(const QList<RunTrendPoint> &runs)
{
    QMap<double, DayCount> days;
    for (const RunTrendPoint &run : runs) {
        if (run.cachedJobs == 0 || !whenOf(run).isValid())
            continue;
        DayCount &day = days[midnightOf(whenOf(run))];
        day.total += run.cachedJobs;
        day.counted += run.cacheHits;
    }
    return percentages(days);
}

} // namespace pw::gui
