#include "repositorywatch.h"

#include "core/gitlab/anypipeline.h"
#include "core/plan/planner.h"
#include "core/util/currentuser.h"
#include "widgets/run/runcontroller.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace pw::gui {

namespace {

QString shortCommit(const QString &commit)
{
    return commit.left(8);
}

RunContext pushContext(const BranchPush &push)
{
    RunContext context;
    context.branch = push.branch;
    context.commit = push.commit;
    context.event = QStringLiteral("push");
    context.triggeredBy = currentUser();
    context.respectTriggers = true;
    context.changedFiles = push.changedFiles;
    return context;
}

} // namespace

RepositoryWatch::RepositoryWatch(RunController *controller, QObject *parent)
    : QObject(parent)
    , m_controller(controller)
{
    // Queued: the controller is still ending its run when it says so.
    connect(m_controller, &RunController::stateChanged, this, &RepositoryWatch::startNext,
            Qt::QueuedConnection);
}

RepositoryWatch::~RepositoryWatch() = default;

void RepositoryWatch::watch(const QString &pipelineFile, const QString &directory)
{
    stop();
    m_file = pipelineFile;
    m_branches = std::make_unique<BranchWatcher>(directory);
    connect(m_branches.get(), &BranchWatcher::ready, this,
            [this, directory] { emit watching(directory); });
    connect(m_branches.get(), &BranchWatcher::failed, this, [this](const QString &message) {
        if (m_branches && !m_branches->isWatching()) {
            stop();
            emit watchFailed(message);
            return;
        }
        emit notice(tr("Cannot read the repository: %1").arg(message));
    });
    connect(m_branches.get(), &BranchWatcher::pushed, this, [this](const BranchPush &push) {
        m_queue.enqueue(push);
        startNext();
    });
    m_branches->start(m_intervalMs);
}

void RepositoryWatch::stop()
{
    // Deleted later: stop() may come from one of the watcher's own signals.
    if (m_branches) {
        m_branches->stop();
        m_branches.release()->deleteLater();
    }
    m_queue.clear();
    m_file.clear();
}

void RepositoryWatch::startNext()
{
    if (m_reading || m_queue.isEmpty() || m_controller->isBusy())
        return;
    m_reading = true;

    const BranchPush push = m_queue.dequeue();
    const QString file = m_file;
    auto *reading = new QFutureWatcher<LoadResult>(this);
    connect(reading, &QFutureWatcher<LoadResult>::finished, this, [this, reading, push, file] {
        reading->deleteLater();
        m_reading = false;
        // A result for a watch that has stopped or moved to another file is dropped.
        if (file == m_file)
            onPipelineRead(push, reading->result());
        startNext();
    });
    reading->setFuture(QtConcurrent::run([file] { return loadAnyPipeline(file); }));
}

void RepositoryWatch::onPipelineRead(const BranchPush &push, const LoadResult &loaded)
{
    const QString commit = shortCommit(push.commit);
    if (!loaded.ok()) {
        QString first;
        for (const Diagnostic &diagnostic : loaded.diagnostics) {
            if (diagnostic.severity == Diagnostic::Severity::Error) {
                first = diagnostic.toString();
                break;
            }
        }
        emit notice(tr("Not running %1 on %2: the pipeline file has errors: %3")
                        .arg(commit, push.branch, first));
        return;
    }

    const RunContext context = pushContext(push);
    const Result<Plan> plan = makePlan(loaded.pipeline, context);
    if (plan.ok() && !plan->triggered) {
        emit notice(
            tr("Not running %1 on %2: %3").arg(commit, push.branch, plan->notTriggeredReason));
        return;
    }

    RunRequest request;
    request.pipeline = loaded.pipeline;
    request.context = context;
    request.maxParallel = m_controller->workers();
    const Status started = m_controller->start(request);
    if (!started.ok()) {
        emit notice(
            tr("Not running %1 on %2: %3").arg(commit, push.branch, started.error().message));
        return;
    }
    emit runStarted(push);
}

} // namespace pw::gui
