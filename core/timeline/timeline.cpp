#include "timeline.h"

#include "criticalpath.h"
#include "expectedduration.h"
#include "jobgraph.h"
#include "recordedbars.h"
#include "schedule.h"
#include "timelinelog.h"

#include <algorithm>

namespace pw::timeline {

namespace {

// A run with many skewed times would otherwise give a sentence per job.
constexpr int kMaxProblems = 20;

void capProblems(QStringList &problems)
{
    if (problems.size() <= kMaxProblems)
        return;
    const qsizetype more = problems.size() - kMaxProblems;
    problems.resize(kMaxProblems);
    problems.append(QStringLiteral("and %1 more problems like these").arg(more));
}

qint64 spanOf(const Timeline &timeline)
{
    qint64 span = std::max<qint64>(0, timeline.nowMs);
    for (const JobBar &bar : timeline.bars)
        span = std::max({span, bar.endMs, bar.expectedEndMs});
    return span;
}

bool waitsForApproval(const RunRecord &run)
{
    if (run.status == RunStatus::WaitingApproval)
        return true;
    return std::any_of(run.stages.begin(), run.stages.end(), [](const StageRecord &stage) {
        return stage.status == StageStatus::Waiting;
    });
}

FinishEstimate estimateFinish(const RunRecord &run, const Timeline &timeline)
{
    FinishEstimate estimate;
    if (isFinished(run.status)) {
        estimate.basis = EstimateBasis::Finished;
        estimate.finish =
            run.finishedAt.isValid() ? run.finishedAt : timeline.timeAt(timeline.nowMs);
        return estimate;
    }

    // A job without history counts as guessed whether or not a guess could be made.
    int toRun = 0;
    int unknown = 0;
    for (const JobBar &bar : timeline.bars) {
        if (bar.kind != BarKind::Running && bar.kind != BarKind::Estimated)
            continue;
        ++toRun;
        if (bar.durationSource != DurationSource::History)
            ++estimate.guessedJobs;
        if (bar.durationSource == DurationSource::Unknown)
            ++unknown;
    }
    estimate.waitsForApproval = waitsForApproval(run);
    if (toRun > 0 && unknown == toRun)
        return estimate;

    estimate.basis = estimate.guessedJobs > 0 ? EstimateBasis::Partial : EstimateBasis::History;
    estimate.remainingMs = timeline.spanMs - timeline.nowMs;
    estimate.finish = timeline.timeAt(timeline.spanMs);
    return estimate;
}

} // namespace

Timeline computeTimeline(const RunRecord &run, const TimelineInputs &inputs)
{
    Timeline timeline;
    placeRecordedBars(run, inputs, timeline);
    assignExpectedDurations(run, inputs, timeline);

    const JobGraph graph = buildJobGraph(run, timeline.problems);
    scheduleRemaining(graph, inputs.workers, timeline);
    markCriticalPath(graph, timeline);

    timeline.spanMs = spanOf(timeline);
    timeline.estimate = estimateFinish(run, timeline);
    capProblems(timeline.problems);
    for (const QString &problem : std::as_const(timeline.problems))
        qCDebug(lcTimeline) << "run" << run.id << problem;
    return timeline;
}

} // namespace pw::timeline
