#pragma once

#include "core/plan/plan.h"
#include "core/secrets/secretmasker.h"
#include "core/store/records.h"
#include "jobrunner.h"
#include "jobstager.h"
#include "linebuffer.h"

#include <QHash>
#include <QObject>
#include <QTimer>

#include <set>

namespace pw {

class RunCoordinator;
class RunEventSink;

struct ExecutorOptions
{
    // At most this many jobs run at once.
    int maxParallel = 1;
    // How long a stopped job may take to end after SIGTERM before it is killed.
    Milliseconds killGrace{3000};
    // How often collected output is handed to the sinks while jobs run.
    Milliseconds outputFlushInterval{100};
    // Readies each job's workspace, artifacts and caches around it; null: jobs run in the
    // pipeline's folder and nothing is kept.
    JobStager *stager = nullptr;
    // Decides gates and resource locks; null: a stage with a gate is rejected when reached
    // and resources are taken as free, which only suits a run nobody else can see.
    RunCoordinator *coordinator = nullptr;
    // The values of the secrets the jobs list. Each job gets those it lists as environment
    // variables, and every value is masked in every job's output.
    SecretValues secrets;
};

// The run's initial record for `plan`: every stage and job pending, or skipped with the
// planner's reason. The store assigns its id before the executor starts.
RunRecord makeRunRecord(const Plan &plan);

// Runs a plan: starts jobs as their needs are met, on at most maxParallel workers, the ready
// job with the longest remaining path first; applies retries, fail-fast and `when`; and
// reports every change to the sink. This is the one place where job, stage and run states
// change.
class Executor : public QObject
{
    Q_OBJECT

public:
    Executor(Plan plan, RunRecord run, JobRunner &runner, RunEventSink &sink,
             const ExecutorOptions &options, QObject *parent = nullptr);
    ~Executor() override;

    void start();
    // Stops the run: running jobs are stopped and recorded as cancelled, the rest skipped.
    void cancel(const QString &reason = QStringLiteral("cancelled by user"));

    const RunRecord &run() const { return m_run; }
    const Plan &plan() const { return m_plan; }
    bool isFinished() const;

signals:
    void finished();

private:
    struct Slot
    {
        int unmetNeeds = 0;
        JobExecution *execution = nullptr;
        LineBuffer output;
        qint64 nextLine = 0;
        AttemptRecord attempt;
        // Chosen by the stager before the first attempt.
        QString workingDirectory;
        // Replaces the planned variables when the stager changed them.
        std::optional<Variables> variables;
    };

    void schedule();
    void dispatchReadyJobs();
    void makeReady(int job);
    void releaseFinishedStages();
    QString blockingReason(int job) const;
    void startAttempt(int job);
    void onPrepared(int job, const StagedJob &staged);
    void launchAttempt(int job);
    void onAttemptFinished(int job, const JobOutcome &outcome);
    void concludeJob(int job, JobStatus status, const QString &reason);
    void appendLog(int job, const QByteArray &lines);
    JobStager &stager() const;
    void completeRun();
    void finishJob(int job, JobStatus status, const QString &reason);
    void finishStage(int stage);
    void finishRunIfDone();
    void flushOutput(int job, bool all);
    void flushAllOutput();
    void applyBackpressure();
    JobLaunch launchFor(int job) const;
    bool upstreamSucceeded(int job, QString *failedNeed) const;
    QString failureBefore(int job) const;

    // Gates and resources (executorgates.cpp). A ready job that must wait for either is held
    // aside, taking no worker, and made ready again when its gate opens or its claim is granted.
    bool holdAtGate(int job);
    void requestGate(int stage);
    void onGateChanged(int stage, const GateRecord &gate);
    void openGate(int stage, const QString &reason);
    // `reason` is the stage's; `outcome` completes "the gate of stage S ..." for the run.
    void closeGate(int stage, StageStatus status, const QString &reason, const QString &outcome);
    void updateWaitingForApproval();
    bool holdForResource(int job);
    bool holdForClaim(int job, QHash<int, int> &claims, int key, const QString &resource,
                      const QString &holder);
    void onClaimWaiting(int claim, const QString &why);
    void onClaimGranted(int claim);
    void releaseClaim(QHash<int, int> &claims, int key);
    void releaseHeldJobs(QList<int> &held);
    void cancelWaits();

    Plan m_plan;
    RunRecord m_run;
    JobRunner &m_runner;
    RunEventSink &m_sink;
    ExecutorOptions m_options;

    struct StageGate
    {
        bool requested = false;
        bool open = false;
        bool closed = false;
        QString closedReason;
        QList<int> held;
    };
    struct Claim
    {
        QString resource;
        bool granted = false;
        QList<int> held;
    };

    SecretMasker m_masker;
    QList<Slot> m_slots;
    QList<StageGate> m_gates;
    QHash<int, Claim> m_claims;
    QHash<int, int> m_stageClaims; // stage -> claim
    QHash<int, int> m_jobClaims;   // job -> claim
    int m_nextClaim = 1;
    bool m_rejected = false;
    QList<int> m_unfinishedInStage;
    int m_firstOpenStage = 0;
    // Ordered by priority (highest first), then by position in the file.
    std::set<std::pair<qint64, int>> m_ready;
    int m_running = 0;
    int m_unfinished = 0;
    QString m_firstFailure;
    // The first failure of each stage, for Pipeline::AfterFailure::SkipLaterStages.
    QStringList m_stageFailures;
    bool m_cancelled = false;
    bool m_started = false;
    bool m_scheduling = false;
    bool m_scheduleAgain = false;
    // Every job has finished and the stager is cleaning up after the run.
    bool m_finishing = false;
    QTimer m_flushTimer;
    QTimer m_backpressureTimer;
    bool m_outputPaused = false;
};

} // namespace pw
