// How the executor holds jobs at gates and for resources, with the coordinator's answers
// given by the test.
#include "core/exec/executor.h"
#include "core/exec/localjobrunner.h"
#include "core/exec/runcoordinator.h"
#include "core/exec/runeventsink.h"
#include "core/loader/pipelineloader.h"
#include "core/plan/planner.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QTemporaryDir>
#include <QTimer>

using namespace pw;

namespace {

// Records what the executor asked; the test answers through the signals.
class ScriptedCoordinator : public RunCoordinator
{
public:
    void startRun(const RunRecord &) override { ++started; }
    void openGate(const RunRecord &, int stage, const GateSpec &gate) override
    {
        openedGates.append(stage);
        approvers = gate.approvers;
    }
    void checkNow() override {}
    void claim(const RunRecord &, int claim, const QString &resource,
               const QString &holder) override
    {
        claims.append({claim, resource + QLatin1Char('/') + holder});
    }
    void release(int claim) override { released.append(claim); }
    void finishRun(const RunRecord &) override { ++finished; }

    QList<int> openedGates;
    QStringList approvers;
    QList<std::pair<int, QString>> claims;
    QList<int> released;
    int started = 0;
    int finished = 0;
};

class StatusSink : public RunEventSink
{
public:
    void runChanged(const RunRecord &run) override { runStatuses.append(run.status); }
    void stageChanged(const RunRecord &run, int stage) override
    {
        stageStatuses[run.stages[stage].name].append(run.stages[stage].status);
    }
    void jobChanged(const RunRecord &run, int job) override
    {
        jobStatuses[run.jobs[job].name].append(run.jobs[job].status);
        jobReasons[run.jobs[job].name] = run.jobs[job].reason;
    }

    QList<RunStatus> runStatuses;
    QHash<QString, QList<StageStatus>> stageStatuses;
    QHash<QString, QList<JobStatus>> jobStatuses;
    QHash<QString, QString> jobReasons;
};

const JobRecord &job(const RunRecord &run, const QString &name)
{
    static const JobRecord none;
    for (const JobRecord &record : run.jobs) {
        if (record.name == name)
            return record;
    }
    return none;
}

GateRecord decided(GateStatus status, bool approve, const QString &by, const QString &comment)
{
    GateRecord gate;
    gate.status = status;
    gate.approvers = {QStringLiteral("anna")};
    gate.decisions.append({by, QDateTime::currentDateTimeUtc(), approve, comment});
    return gate;
}

// A build, a gated deploy after it, and docs beside the deploy that do not wait for it.
const QByteArray gatedPipeline = R"(name: gated
stages:
  - name: build
    jobs:
      - name: build
        commands: ['true']
  - name: deploy
    gate: {approvers: [anna, lead]}
    jobs:
      - name: deploy
        needs: [build]
        commands: ['true']
  - name: verify
    jobs:
      - name: smoke
        needs: [deploy]
        commands: ['true']
      - name: docs
        needs: [build]
        commands: ['true']
      - name: notify
        needs: [deploy]
        when: on_failure
        commands: ['true']
)";

} // namespace

class tst_ExecutorGates : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void gateHoldsItsStageButNotTheWorkers();
    void approvalLetsTheStageGoOn();
    void rejectionFailsTheRunWithItsReason();
    void expiryFollowsOnTimeout_data();
    void expiryFollowsOnTimeout();
    void cancelWhileWaitingEndsTheRun();
    void withoutCoordinatorAGateIsRejected();
    void resourceIsClaimedAndReleased();
    void runWaitingAtAGateHoldsNoResource();

private:
    // Starts `yaml` and calls `step` each time the run is idle or changes, until it ends.
    RunRecord run(const QByteArray &yaml, RunCoordinator *coordinator,
                  const std::function<void(Executor &)> &whenWaiting);

    StatusSink m_sink;
    QTemporaryDir m_dir;
};

RunRecord tst_ExecutorGates::run(const QByteArray &yaml, RunCoordinator *coordinator,
                                 const std::function<void(Executor &)> &whenWaiting)
{
    m_sink = StatusSink();
    const LoadResult loaded = loadPipelineText(yaml, QStringLiteral("test.yml"), m_dir.path());
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        qInfo().noquote() << diagnostic.toString();
    if (!loaded.ok())
        return RunRecord();
    const auto plan = makePlan(loaded.pipeline, RunContext());
    if (!plan.ok())
        return RunRecord();

    RunRecord record = makeRunRecord(*plan);
    record.id = 7;
    record.triggeredBy = QStringLiteral("bob");
    LocalJobRunner runner;
    ExecutorOptions options;
    options.maxParallel = 1;
    options.coordinator = coordinator;
    Executor executor(*plan, record, runner, m_sink, options);

    QEventLoop loop;
    connect(&executor, &Executor::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    // The test's step runs once nothing is running any more, that is when only waits remain.
    QTimer idle;
    idle.setInterval(50);
    connect(&idle, &QTimer::timeout, &executor, [&] {
        bool running = false;
        for (const JobRecord &job : executor.run().jobs)
            running |= job.status == JobStatus::Running;
        if (!running && !executor.isFinished() && whenWaiting)
            whenWaiting(executor);
    });
    idle.start();
    executor.start();
    if (!executor.isFinished())
        loop.exec();
    return executor.run();
}

void tst_ExecutorGates::gateHoldsItsStageButNotTheWorkers()
{
    ScriptedCoordinator coordinator;
    RunRecord seen;
    const RunRecord result = run(gatedPipeline, &coordinator, [&](Executor &executor) {
        if (seen.id == 0) {
            seen = executor.run();
            executor.cancel();
        }
    });

    // With one worker, docs ran while deploy waited: the wait took no worker.
    QCOMPARE(coordinator.openedGates, QList<int>{1});
    QCOMPARE(coordinator.approvers, (QStringList{"anna", "lead"}));
    QCOMPARE(seen.status, RunStatus::WaitingApproval);
    QCOMPARE(seen.stages[1].status, StageStatus::Waiting);
    QCOMPARE(seen.stages[1].reason, QStringLiteral("waits for approval by anna, lead"));
    QVERIFY(seen.stages[1].gate);
    QCOMPARE(seen.stages[1].gate->startedBy, QStringLiteral("bob"));
    QCOMPARE(job(seen, "docs").status, JobStatus::Success);
    QCOMPARE(job(seen, "deploy").status, JobStatus::Pending);
    QCOMPARE(result.status, RunStatus::Cancelled);
    QCOMPARE(coordinator.started, 1);
    QCOMPARE(coordinator.finished, 1);
}

void tst_ExecutorGates::approvalLetsTheStageGoOn()
{
    ScriptedCoordinator coordinator;
    bool answered = false;
    const RunRecord result = run(gatedPipeline, &coordinator, [&](Executor &) {
        if (answered || coordinator.openedGates.isEmpty())
            return;
        answered = true;
        emit coordinator.gateChanged(1, decided(GateStatus::Waiting, true, "anna", "me first"));
        emit coordinator.gateChanged(1, decided(GateStatus::Approved, true, "anna", "ship it"));
    });

    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(result.stages[1].status, StageStatus::Success);
    QCOMPARE(result.stages[1].gate->status, GateStatus::Approved);
    QCOMPARE(job(result, "deploy").status, JobStatus::Success);
    QCOMPARE(job(result, "smoke").status, JobStatus::Success);
    QCOMPARE(job(result, "notify").status, JobStatus::Skipped);
    QVERIFY(m_sink.runStatuses.contains(RunStatus::WaitingApproval));
    QCOMPARE(m_sink.runStatuses.last(), RunStatus::Success);
    QCOMPARE(m_sink.stageStatuses["deploy"],
             (QList<StageStatus>{StageStatus::Waiting, StageStatus::Waiting, StageStatus::Running,
                                 StageStatus::Success}));
}

void tst_ExecutorGates::rejectionFailsTheRunWithItsReason()
{
    ScriptedCoordinator coordinator;
    const RunRecord result = run(gatedPipeline, &coordinator, [&](Executor &executor) {
        if (!coordinator.openedGates.isEmpty() && executor.run().stages[1].gate
            && executor.run().stages[1].gate->decisions.isEmpty()) {
            emit coordinator.gateChanged(
                1, decided(GateStatus::Rejected, false, "lead", "not during the freeze"));
        }
    });

    QCOMPARE(result.status, RunStatus::Rejected);
    QCOMPARE(result.reason, QStringLiteral("the gate of stage deploy was rejected by lead: not "
                                           "during the freeze"));
    QCOMPARE(result.stages[1].status, StageStatus::Rejected);
    QCOMPARE(result.stages[1].reason, QStringLiteral("rejected by lead: not during the freeze"));
    QCOMPARE(job(result, "deploy").status, JobStatus::Skipped);
    QCOMPARE(job(result, "deploy").reason, result.reason);
    QCOMPARE(job(result, "smoke").status, JobStatus::Skipped);
    // What runs on failure runs after a rejection too.
    QCOMPARE(job(result, "notify").status, JobStatus::Success);
    QCOMPARE(job(result, "docs").status, JobStatus::Success);
}

void tst_ExecutorGates::expiryFollowsOnTimeout_data()
{
    QTest::addColumn<bool>("approveOnTimeout");
    QTest::addColumn<RunStatus>("status");
    QTest::addColumn<QString>("stageReason");
    QTest::newRow("on_timeout: reject fails the run")
        << false << RunStatus::Rejected
        << QStringLiteral("the gate expired without approval (on_timeout: reject)");
    QTest::newRow("on_timeout: approve lets it pass")
        << true << RunStatus::Success
        << QStringLiteral("the gate expired and let the stage go on (on_timeout: approve)");
}

void tst_ExecutorGates::expiryFollowsOnTimeout()
{
    QFETCH(bool, approveOnTimeout);
    QFETCH(RunStatus, status);
    QFETCH(QString, stageReason);

    ScriptedCoordinator coordinator;
    QString reasonWhileRunning;
    bool expired = false;
    const RunRecord result = run(gatedPipeline, &coordinator, [&](Executor &executor) {
        if (coordinator.openedGates.isEmpty())
            return;
        if (!expired) {
            expired = true;
            GateRecord gate;
            gate.status = GateStatus::Expired;
            gate.onTimeoutApprove = approveOnTimeout;
            emit coordinator.gateChanged(1, gate);
        }
        reasonWhileRunning = executor.run().stages[1].reason;
    });

    QCOMPARE(result.status, status);
    QCOMPARE(result.stages[1].gate->status, GateStatus::Expired);
    if (approveOnTimeout) {
        QCOMPARE(reasonWhileRunning, stageReason);
        QCOMPARE(job(result, "deploy").status, JobStatus::Success);
    } else {
        QCOMPARE(result.stages[1].reason, stageReason);
        QCOMPARE(job(result, "deploy").status, JobStatus::Skipped);
    }
}

void tst_ExecutorGates::cancelWhileWaitingEndsTheRun()
{
    ScriptedCoordinator coordinator;
    const RunRecord result = run(gatedPipeline, &coordinator, [&](Executor &executor) {
        if (!coordinator.openedGates.isEmpty())
            executor.cancel(QStringLiteral("nobody is around to approve"));
    });

    QCOMPARE(result.status, RunStatus::Cancelled);
    QCOMPARE(result.reason, QStringLiteral("nobody is around to approve"));
    QCOMPARE(result.stages[1].status, StageStatus::Cancelled);
    QCOMPARE(result.stages[1].gate->status, GateStatus::Cancelled);
    QCOMPARE(job(result, "deploy").status, JobStatus::Skipped);
    QCOMPARE(coordinator.finished, 1);
}

void tst_ExecutorGates::withoutCoordinatorAGateIsRejected()
{
    const RunRecord result = run(gatedPipeline, nullptr, {});

    QCOMPARE(result.status, RunStatus::Rejected);
    QCOMPARE(result.stages[1].status, StageStatus::Rejected);
    QCOMPARE(result.stages[1].reason,
             QStringLiteral("the gate cannot be decided: this run has no shared store"));
    QCOMPARE(job(result, "deploy").status, JobStatus::Skipped);
}

void tst_ExecutorGates::resourceIsClaimedAndReleased()
{
    const QByteArray yaml = R"(name: locked
stages:
  - name: deploy
    resource: staging
    jobs:
      - name: migrate
        commands: ['true']
      - name: upload
        resource: cdn
        commands: ['true']
)";
    ScriptedCoordinator coordinator;
    int answered = 0;
    const RunRecord result = run(yaml, &coordinator, [&](Executor &) {
        // First the stage's claim waits behind another run, then each claim is granted.
        if (answered == 0 && coordinator.claims.size() == 1) {
            emit coordinator.claimWaiting(coordinator.claims[0].first,
                                          QStringLiteral("waiting for resource staging, held "
                                                         "by run 3 of web (stage deploy); 1 "
                                                         "ahead"));
            ++answered;
        } else if (answered == 1) {
            emit coordinator.claimGranted(coordinator.claims[0].first);
            ++answered;
        } else if (answered == 2 && coordinator.claims.size() == 2) {
            emit coordinator.claimGranted(coordinator.claims[1].first);
            ++answered;
        }
    });

    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(coordinator.claims.size(), 2);
    QCOMPARE(coordinator.claims[0].second, QStringLiteral("staging/stage deploy"));
    QCOMPARE(coordinator.claims[1].second, QStringLiteral("cdn/job upload"));
    QCOMPARE(coordinator.released.size(), 2);
    QCOMPARE(m_sink.jobStatuses["migrate"].mid(0, 3),
             (QList<JobStatus>{JobStatus::WaitingResource, JobStatus::WaitingResource,
                               JobStatus::Pending}));
    QCOMPARE(job(result, "upload").status, JobStatus::Success);
}

void tst_ExecutorGates::runWaitingAtAGateHoldsNoResource()
{
    const QByteArray yaml = R"(name: gated-lock
stages:
  - name: deploy
    gate: {approvers: [anna]}
    resource: staging
    jobs:
      - name: ship
        commands: ['true']
)";
    ScriptedCoordinator coordinator;
    int claimsWhileWaiting = -1;
    const RunRecord result = run(yaml, &coordinator, [&](Executor &) {
        if (claimsWhileWaiting < 0 && !coordinator.openedGates.isEmpty()) {
            claimsWhileWaiting = int(coordinator.claims.size());
            emit coordinator.gateChanged(0, decided(GateStatus::Approved, true, "anna", {}));
        } else if (claimsWhileWaiting >= 0 && coordinator.claims.size() == 1) {
            emit coordinator.claimGranted(coordinator.claims[0].first);
        }
    });

    QCOMPARE(claimsWhileWaiting, 0);
    QCOMPARE(result.status, RunStatus::Success);
    QCOMPARE(coordinator.claims.size(), 1);
    QCOMPARE(coordinator.released.size(), 1);
}

QTEST_GUILESS_MAIN(tst_ExecutorGates)
#include "tst_executorgates.moc"
