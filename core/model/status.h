#pragma once

#include <QString>

#include <optional>

namespace pw {

// The life of a run, a stage and a job. Each moves only forward, and the executor is the one
// place that moves them; the store and the reports only record what it decided.
enum class RunStatus {
    Pending,
    Running,
    WaitingApproval, // every job that can go on waits at a gate
    Success,
    Failed,
    Cancelled,
    Rejected,    // a gate was rejected or expired with on_timeout: reject
    Interrupted, // the orchestrator died while the run was going
};

enum class StageStatus {
    Pending,
    Running,
    Waiting, // at its gate
    Success,
    Failed,
    Skipped,
    Cancelled,
    Rejected,
};

enum class JobStatus {
    Pending,
    WaitingResource, // ready, but another run holds the resource it needs
    Running,
    Success,
    Failed,
    Skipped,
    Cancelled,
    Interrupted,
};

enum class GateStatus {
    Waiting,
    Approved,
    Rejected,
    Expired,   // the deadline passed; whether the stage went on depends on its on_timeout
    Cancelled, // the run ended while the gate waited
};

// The words the store, the JSON reports and the events use: "success", "waiting" ...
QString keyword(RunStatus status);
QString keyword(StageStatus status);
QString keyword(JobStatus status);
std::optional<RunStatus> runStatusFromString(const QString &text);
std::optional<StageStatus> stageStatusFromString(const QString &text);
std::optional<JobStatus> jobStatusFromString(const QString &text);

QString keyword(GateStatus status);
std::optional<GateStatus> gateStatusFromString(const QString &text);

bool isFinished(RunStatus status);
bool isFinished(StageStatus status);
bool isFinished(JobStatus status);

} // namespace pw
