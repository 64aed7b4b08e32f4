#include "status.h"

#include <array>

namespace pw {

namespace {

template<typename Enum, size_t N>
QString nameOf(const std::array<const char *, N> &names, Enum value)
{
    return QString::fromLatin1(names[size_t(value)]);
}

template<typename Enum, size_t N>
std::optional<Enum> valueOf(const std::array<const char *, N> &names, const QString &text)
{
    for (size_t i = 0; i < N; ++i) {
        if (text == QLatin1String(names[i]))
            return Enum(i);
    }
    return std::nullopt;
}

// In enum order; these are the words the store, the JSON reports and the events use.
constexpr std::array<const char *, 8> runNames = {"pending",  "running",    "waiting_approval",
                                                  "success",  "failed",     "cancelled",
                                                  "rejected", "interrupted"};
constexpr std::array<const char *, 8> stageNames = {"pending", "running", "waiting",   "success",
                                                    "failed",  "skipped", "cancelled", "rejected"};
constexpr std::array<const char *, 8> jobNames = {"pending",   "waiting_resource", "running",
                                                  "success",   "failed",           "skipped",
                                                  "cancelled", "interrupted"};
constexpr std::array<const char *, 5> gateNames = {"waiting", "approved", "rejected", "expired",
                                                   "cancelled"};

} // namespace

QString keyword(RunStatus status)
{
    return nameOf(runNames, status);
}
QString keyword(StageStatus status)
{
    return nameOf(stageNames, status);
}
QString keyword(JobStatus status)
{
    return nameOf(jobNames, status);
}

QString keyword(GateStatus status)
{
    return nameOf(gateNames, status);
}

std::optional<GateStatus> gateStatusFromString(const QString &text)
{
    return valueOf<GateStatus>(gateNames, text);
}

std::optional<RunStatus> runStatusFromString(const QString &text)
{
    return valueOf<RunStatus>(runNames, text);
}

std::optional<StageStatus> stageStatusFromString(const QString &text)
{
    return valueOf<StageStatus>(stageNames, text);
}

std::optional<JobStatus> jobStatusFromString(const QString &text)
{
    return valueOf<JobStatus>(jobNames, text);
}

bool isFinished(RunStatus status)
{
    return status != RunStatus::Pending && status != RunStatus::Running
           && status != RunStatus::WaitingApproval;
}

bool isFinished(StageStatus status)
{
    return status != StageStatus::Pending && status != StageStatus::Running
           && status != StageStatus::Waiting;
}

bool isFinished(JobStatus status)
{
    return status != JobStatus::Pending && status != JobStatus::WaitingResource
           && status != JobStatus::Running;
}

} // namespace pw
