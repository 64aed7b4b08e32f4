#include "runlooks.h"

#include "core/util/duration.h"
#include "widgets/statuslook.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace pw::gui {

namespace {

// The context lupdate gives this file's strings.
struct RunGraph
{
    Q_DECLARE_TR_FUNCTIONS(RunGraph)
};

QString elapsedOf(const JobRecord &job)
{
    if (!job.startedAt.isValid())
        return {};
    const QDateTime end =
        job.finishedAt.isValid() ? job.finishedAt : QDateTime::currentDateTimeUtc();
    return formatDuration(Milliseconds(std::max<qint64>(0, job.startedAt.msecsTo(end))));
}

// A gate's state in the words and shapes of the stage states nearest to it.
StatusLook gateLookOf(GateStatus status)
{
    switch (status) {
    case GateStatus::Waiting:
        return lookOf(StageStatus::Waiting);
    case GateStatus::Approved:
        return lookOf(StageStatus::Success);
    case GateStatus::Rejected:
        return lookOf(StageStatus::Rejected);
    case GateStatus::Expired:
        return lookOf(JobStatus::Interrupted);
    case GateStatus::Cancelled:
        return lookOf(StageStatus::Cancelled);
    }
    return lookOf(StageStatus::Pending);
}

QString gateTextOf(const GateRecord &gate)
{
    const qsizetype approvals = std::count_if(gate.decisions.cbegin(), gate.decisions.cend(),
                                              [](const GateDecision &d) { return d.approve; });
    switch (gate.status) {
    case GateStatus::Waiting:
        return RunGraph::tr("Gate: waiting (%1 of %2)").arg(approvals).arg(gate.required);
    case GateStatus::Approved:
        return RunGraph::tr("Gate: approved");
    case GateStatus::Rejected:
        return RunGraph::tr("Gate: rejected");
    case GateStatus::Expired:
        return RunGraph::tr("Gate: expired");
    case GateStatus::Cancelled:
        return RunGraph::tr("Gate: cancelled");
    }
    return RunGraph::tr("Gate");
}

} // namespace

JobBoxStatus nodeStatusOf(const JobRecord &job)
{
    const StatusLook look = lookOf(job.status);
    JobBoxStatus status;
    status.keyword = keyword(job.status);
    status.text = job.allowFailure && job.status == JobStatus::Failed
                      ? RunGraph::tr("%1 (allowed)").arg(look.text)
                      : look.text;
    status.colour = look.colour;
    status.icon = look.icon;
    status.elapsed = elapsedOf(job);
    status.attempt = job.attempts;
    status.maxAttempts = job.maxAttempts > 1 ? job.maxAttempts : 0;
    status.reason = job.reason;
    return status;
}

LaneBadge stageBadgeOf(const StageRecord &stage)
{
    const StatusLook look = lookOf(stage.status);
    return {keyword(stage.status), look.text, look.colour, look.icon};
}

std::optional<LaneBadge> gateBadgeOf(const StageRecord &stage)
{
    if (!stage.gate)
        return std::nullopt;
    const StatusLook look = gateLookOf(stage.gate->status);
    return LaneBadge{keyword(stage.gate->status), gateTextOf(*stage.gate), look.colour, look.icon};
}

} // namespace pw::gui
