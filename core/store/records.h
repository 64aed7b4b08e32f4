#pragma once

#include "core/model/status.h"
#include "core/model/variable.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QStringList>

#include <optional>

namespace pw {

// One file a job left as an artifact, by its name inside the job's workspace.
struct ArtifactRecord
{
    QString path;
    qint64 size = 0;
};

// What a job's cache lookup decided: the exact key it looked for, whether that key had an
// entry, and the key of the entry restored (a fallback key's match, or empty for none).
struct CacheUse
{
    QString key;
    bool hit = false;
    QString restoredFrom;
};

// What the history keeps of a job instance of a run. The executor keeps the live run in
// the same shape, so a report looks the same whether it is live or read back later.
struct JobRecord
{
    int index = -1; // position in the plan; stable for the life of the run
    int stage = -1;
    QString name;
    JobStatus status = JobStatus::Pending;
    QString reason;
    std::optional<int> exitCode;
    int attempts = 0;
    int maxAttempts = 1; // one plus the retries the job allows
    QDateTime startedAt; // UTC; null until it starts
    QDateTime finishedAt;
    bool allowFailure = false;
    bool cacheHit = false;
    QStringList needs; // display names of the jobs it waited for
    QList<ArtifactRecord> artifacts;
    // Set for jobs with a cache: the decision of its first cache.
    std::optional<CacheUse> cache;

    qint64 durationMs() const;
};

// One try of a job: jobs with `retry` may have several.
struct AttemptRecord
{
    int job = -1;
    int number = 1; // from 1
    QDateTime startedAt;
    QDateTime finishedAt;
    std::optional<int> exitCode;
    QString reason;
};

// One person's word on a gate. Decisions are only ever added, never changed.
struct GateDecision
{
    QString by; // the approver: the database login on PostgreSQL, the OS user on SQLite
    QDateTime at;
    bool approve = false;
    QString comment; // the reason, for a rejection
};

// A stage's gate once the run has reached it: who may decide, until when, and what they said.
struct GateRecord
{
    GateStatus status = GateStatus::Waiting;
    QStringList approvers;
    int required = 1;
    bool allowSelfApproval = false;
    bool onTimeoutApprove = false;
    QString startedBy; // who started the run, who may not approve unless allowed
    QDateTime openedAt;
    QDateTime deadline; // null: waits for ever
    QList<GateDecision> decisions;
};

struct StageRecord
{
    int index = -1;
    QString name;
    StageStatus status = StageStatus::Pending;
    QString reason;
    // Set once the run has reached the stage's gate.
    std::optional<GateRecord> gate;
};

struct RunRecord
{
    qint64 id = 0; // assigned by the store
    QString pipeline;
    QString pipelineFile;
    RunStatus status = RunStatus::Pending;
    QString reason;
    QString branch;
    QString commit;
    QString event;
    QString triggeredBy;
    QDateTime startedAt;
    QDateTime finishedAt;
    QList<StageRecord> stages;
    QList<JobRecord> jobs;
    // What the run was started with beyond branch, commit and event, so that it can be run
    // again alike: the tag, the values given for it (`--var`) and the file's format.
    QString tag;
    Variables variables;
    QString format; // "native" or "gitlab"
    // The run this one retries (`pwctl retry`), or 0.
    qint64 retryOf = 0;

    qint64 durationMs() const;
};

// A piece of a job's output: whole lines (the last may lack its newline only at the end of
// the attempt), numbered from 0 across the attempt so a viewer can seek by line.
struct LogChunk
{
    qint64 runId = 0;
    int job = -1;
    int attempt = 1;
    qint64 firstLine = 0;
    int lineCount = 0;
    QByteArray data;
};

} // namespace pw
