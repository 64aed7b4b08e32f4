#include "runcontroller.h"

#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/gitlab/anypipeline.h"
#include "core/record/storewriter.h"
#include "core/secrets/pipelinesecrets.h"
#include "core/session/sharedservices.h"
#include "core/store/runstore.h"
#include "core/util/currentuser.h"
#include "runmodelfeed.h"
#include "widgets/widgetslog.h"

#include <QFutureWatcher>
#include <QtConcurrent>

namespace pw::gui {

RunController::RunController(const QString &storeLocation, const QString &redis, QObject *parent)
    : QObject(parent)
    , m_storeLocation(storeLocation)
    , m_redis(redis)
{}

RunController::~RunController()
{
    // The session goes before the feed it reports to and the writer it writes through.
    if (m_session && m_running)
        m_session->cancel(tr("the application was closed"));
    m_session.reset();
    m_feed.reset();
    m_stager.reset();
}

Status RunController::start(const RunRequest &request)
{
    if (isRunning() || m_resolving)
        return Status::failure(tr("a run is still going; cancel it or wait for its end"));
    if (const Status opened = openStoreOnce(); !opened.ok())
        return opened;

    // The previous run's session and feed are replaced; their run is in the history.
    m_session.reset();
    m_feed = std::make_unique<RunModelFeed>();
    if (!missingPipelineSecret(*request.pipeline, request.secrets).isEmpty()) {
        resolveSecretsThenStart(request);
        return {};
    }
    return startSession(request);
}

void RunController::resolveSecretsThenStart(const RunRequest &request)
{
    QStringList names;
    for (const Stage &stage : request.pipeline->stages) {
        for (const Job &job : stage.jobs) {
            for (const QString &name : job.secrets) {
                if (!names.contains(name))
                    names.append(name);
            }
        }
    }
    m_resolving = true;
    emit stateChanged();
    SecretResolver::standard().resolve(
        request.pipeline->name, names, this, [this, request](const Result<SecretValues> &values) {
            m_resolving = false;
            Status started = values ? Status() : Status(values.error());
            if (values) {
                RunRequest withSecrets = request;
                withSecrets.secrets = *values;
                started = startSession(withSecrets);
            }
            if (!started)
                emit startFailed(started.error().message);
            emit stateChanged();
        });
}

Status RunController::startSession(const RunRequest &request)
{
    m_session = std::make_unique<RunSession>(*m_store, *m_writer, *m_runner);
    connect(m_session.get(), &RunSession::finished, this, &RunController::onSessionFinished);

    RunRequest withFiles = request;
    withFiles.stager = m_stager.get();
    withFiles.coordinator = m_shared->coordinator();
    m_observers = RunEventFanout();
    m_observers.add(m_feed.get());
    if (RunEventSink *notifier = m_shared->notifier())
        m_observers.add(notifier);
    const Status started = m_session->start(withFiles, &m_observers);
    if (!started.ok()) {
        qCWarning(lcWidgets) << "cannot start a run of" << request.pipeline->name << ":"
                             << started.error().message;
        return started;
    }
    m_lastRequest = request;
    // Run Again after a retry is a new run with the same parameters, not the same retry.
    m_lastRequest.retry.reset();
    m_running = true;
    emit runStarted(m_session->run().id);
    emit stateChanged();
    return {};
}

Status RunController::restart(std::shared_ptr<const Pipeline> pipeline)
{
    if (!hasLastRequest())
        return Status::failure(tr("there is no run to start again"));
    RunRequest request = m_lastRequest;
    if (pipeline)
        request.pipeline = std::move(pipeline);
    return start(request);
}

void RunController::retry(const RunRecord &previous, bool all)
{
    if (isBusy()) {
        emit startFailed(tr("a run is still going; cancel it or wait for its end"));
        return;
    }
    m_loadingRetry = true;
    emit stateChanged();
    const QString path = previous.pipelineFile;
    const std::optional<Pipeline::Format> format = pipelineFormatFromName(previous.format);
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, previous, all] {
        watcher->deleteLater();
        m_loadingRetry = false;
        startRetry(previous, all, watcher->result());
        emit stateChanged();
    });
    watcher->setFuture(QtConcurrent::run([path, format] { return loadAnyPipeline(path, format); }));
}

void RunController::startRetry(const RunRecord &previous, bool all, const LoadResult &loaded)
{
    if (!loaded.ok() || loaded.pipeline->name != previous.pipeline) {
        emit startFailed(tr("Run %1 cannot be retried: its pipeline file %2 cannot be read as "
                            "the pipeline %3 any more.")
                             .arg(previous.id)
                             .arg(previous.pipelineFile, previous.pipeline));
        return;
    }
    RunRequest request;
    request.pipeline = loaded.pipeline;
    request.context.branch = previous.branch;
    request.context.commit = previous.commit;
    request.context.tag = previous.tag;
    request.context.event = previous.event;
    request.context.variables = previous.variables;
    request.context.triggeredBy = currentUser();
    request.maxParallel = m_workers;
    request.retry = RetryRequest{previous, all};
    if (const Status started = start(request); !started)
        emit startFailed(started.error().message);
}

qint64 RunController::currentRunId() const
{
    return isRunning() ? m_session->run().id : 0;
}

void RunController::cancel()
{
    if (isRunning())
        m_session->cancel(tr("cancelled by user"));
}

void RunController::checkGatesNow()
{
    if (m_shared)
        m_shared->coordinator()->checkNow();
}

bool RunController::isRunning() const
{
    return m_session && m_running;
}

Status RunController::openStoreOnce()
{
    if (m_store)
        return {};
    // The session asks its store for past durations and records the run's start; these
    // are short queries, but they do run on this thread.
    auto opened = openStore(m_storeLocation);
    if (!opened.ok())
        return Status::failure(opened.error().message);
    m_store = std::move(opened).value();
    m_writer = std::make_unique<StoreWriter>(m_storeLocation);
    connect(m_writer.get(), &StoreWriter::availabilityChanged, this,
            &RunController::storeAvailabilityChanged);
    m_runner = std::make_unique<LocalJobRunner>();
    m_stager = std::make_unique<files::FileStager>(files::defaultFilesSettings(m_storeLocation));
    // Gates wait in the store; with Redis other workstations hear of them at once.
    auto shared = SharedServices::create({m_storeLocation, m_redis, CoordinationOptions()});
    if (!shared)
        return Status::failure(shared.error().message);
    m_shared = std::move(shared).value();
    return {};
}

void RunController::onSessionFinished()
{
    m_running = false;
    const RunRecord run = m_session->run();
    // The history view reads through its own store: it sees the run once it is written.
    m_writer->whenDrained(this, [this, run] {
        emit runFinished(run);
        emit stateChanged();
    });
}

} // namespace pw::gui
