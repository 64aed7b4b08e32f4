#pragma once

#include "core/plan/plan.h"
#include "core/store/records.h"
#include "core/util/result.h"

#include <QByteArray>
#include <QSet>

#include <functional>

namespace pw {

// What readying a job's files decided before its first attempt.
struct StagedJob
{
    // Where the job's commands run; empty for the pipeline's folder.
    QString workingDirectory;
    // Whole lines for the job's log, each explaining one decision.
    QByteArray log;
    // Set when the job cannot run: it then fails with this reason, without retries.
    QString failure;
    // An exact cache hit with skip_on_hit: the job need not run. `replayedOutput` is the
    // output it had when the entry was saved.
    bool skip = false;
    QByteArray replayedOutput;
    std::optional<CacheUse> cache;
    // Set when what the job receives changes its variables (GitLab's dotenv reports of the
    // jobs it takes artifacts from): all its variables then, used instead of the planned ones.
    std::optional<Variables> variables;
};

// What was kept of a job's files after its last attempt.
struct ConcludedJob
{
    QByteArray log;
    QList<ArtifactRecord> artifacts;
    // The variables of its dotenv reports, for the jobs that receive its artifacts.
    Variables dotenv;
    // Set when something the job left is unusable (a malformed dotenv report): a job that
    // succeeded then fails with this reason, as GitLab fails a job whose report it refuses.
    QString failure;
};

// Readies and keeps a job's files: its workspace, the artifacts it receives and leaves, and
// its caches. The executor calls it around each job; an implementation does slow work off
// the executor's thread and calls `done` back on it, exactly once, later or at once.
class JobStager
{
public:
    virtual ~JobStager() = default;

    // Before the first attempt of `job`.
    virtual void prepare(const Plan &plan, const RunRecord &run, int job,
                         std::function<void(StagedJob)> done) = 0;
    // After the last attempt of `job`, which ended with `status` (success or failed).
    virtual void conclude(const Plan &plan, const RunRecord &run, int job, JobStatus status,
                          std::function<void(ConcludedJob)> done) = 0;
    // After every job of the run has finished, before the run is reported finished.
    virtual void finishRun(const Plan &plan, const RunRecord &run, std::function<void()> done) = 0;

    // Retries. These are quick lookups in the history, done on the caller's thread before the
    // retry starts. The jobs of `previous` that succeeded but whose artifacts are no longer
    // all kept (they expired, or were removed); by index. Default: none.
    virtual Result<QSet<int>> expiredArtifacts(const RunRecord &previous);
    // Gives each reused job of `run` the artifacts it left in the run it retries, as if it had
    // just left them; `reused` pairs a job of `run` with its index in `previousRun`. Default:
    // nothing, as nothing was kept.
    virtual Status reuseArtifacts(qint64 previousRun, const RunRecord &run,
                                  const QList<std::pair<int, int>> &reused);
};

// A stager that does nothing and answers at once: jobs run in the pipeline's folder.
JobStager &passThroughStager();

} // namespace pw
