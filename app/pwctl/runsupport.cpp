#include "runsupport.h"

#include "commandline.h"
#include "consoleprogress.h"
#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/record/storewriter.h"
#include "core/report/runreport.h"
#include "core/secrets/pipelinesecrets.h"
#include "core/session/sharedservices.h"
#include "core/store/runstore.h"
#include "interruptwatcher.h"
#include "output.h"
#include "storeoutagereport.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QThread>

#include <csignal>
#include <memory>

namespace pw::cli {

namespace {

bool parsePollInterval(const QCommandLineParser &parser, CoordinationOptions *options)
{
    if (!parser.isSet(QStringLiteral("poll-interval")))
        return true;
    bool ok = false;
    const double seconds = parser.value(QStringLiteral("poll-interval")).toDouble(&ok);
    if (!ok || seconds < 0.1 || seconds > 3600)
        return false;
    options->gatePollInterval = Milliseconds(qint64(seconds * 1000));
    options->claimPollInterval = std::min(options->claimPollInterval, options->gatePollInterval);
    return true;
}

bool parseJobs(const QCommandLineParser &parser, int *jobs)
{
    *jobs = QThread::idealThreadCount();
    if (!parser.isSet(QStringLiteral("jobs")))
        return true;
    bool ok = false;
    *jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
    return ok && *jobs > 0 && *jobs <= 1024;
}

// Ctrl-C (or SIGTERM, SIGHUP) cancels the run: every job's process group gets SIGTERM, then
// SIGKILL after a short grace period. Once the run has ended and only waits for the store to
// take its records, it stops the waiting instead; what the store has not taken is lost.
void onInterrupt(RunSession &session, QEventLoop &loop, int signal, int count)
{
    if (giveUpWaitingForTheStore(session)) {
        loop.quit();
        return;
    }
    if (count > 1) {
        err() << "pwctl: already cancelling; jobs are being stopped" << Qt::endl;
        return;
    }
    err() << "pwctl: " << (signal == SIGINT ? "interrupted" : "stopped") << ", cancelling the run"
          << Qt::endl;
    session.cancel(QStringLiteral("cancelled by user"));
}

// Runs the session to its end in the event loop, its records written (see onInterrupt).
void runToEnd(RunSession &session, const StoreWriter &writer)
{
    QEventLoop loop;
    InterruptWatcher interrupts;
    QObject::connect(
        &interrupts, &InterruptWatcher::interrupted, &session,
        [&session, &loop](int signal, int count) { onInterrupt(session, loop, signal, count); });
    QObject::connect(&session, &RunSession::finished, &loop, &QEventLoop::quit);
    const StoreWaitNotice waiting(session, writer);
    loop.exec();
}

void reportRetry(const RetryPlan &retry)
{
    err() << "pwctl: retrying run " << retry.retryOf << ": " << retry.rerun
          << (retry.rerun == 1 ? " job runs" : " jobs run") << " again, " << retry.reusedCount()
          << " reused" << Qt::endl;
    for (const QString &note : retry.notes)
        err() << "pwctl: " << note << Qt::endl;
}

} // namespace

void addRunOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("jobs"),
                      QStringLiteral("Run at most N jobs at once (default: the number of "
                                     "cores)."),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("json"),
                      QStringLiteral("Print the run as one JSON object on stdout at the end.")});
    parser.addOption({QStringLiteral("keep-workspaces"),
                      QStringLiteral("Keep the isolated jobs' workspaces after the run.")});
    parser.addOption({QStringLiteral("logs"),
                      QStringLiteral("Stream the jobs' output to stderr, each line prefixed "
                                     "with its job.")});
    addRedisOption(parser);
    parser.addOption({QStringLiteral("poll-interval"),
                      QStringLiteral("While a gate or a resource waits, read the store every "
                                     "SECONDS (default: 3)."),
                      QStringLiteral("SECONDS")});
}

int runRequest(const QCommandLineParser &parser, RunRequest request)
{
    if (!parseJobs(parser, &request.maxParallel))
        return usageError(QStringLiteral("--jobs expects a number from 1 to 1024"));
    CoordinationOptions coordination;
    if (!parsePollInterval(parser, &coordination))
        return usageError(QStringLiteral("--poll-interval expects seconds from 0.1 to 3600"));

    // Before anything is recorded: a run that would stop at its deploy for a missing token is
    // better not started.
    const Result<SecretValues> secrets =
        resolvePipelineSecretsBlocking(*request.pipeline, SecretResolver::standard());
    if (!secrets)
        return usageError(secrets.error().message);
    request.secrets = *secrets;

    auto store = openStore(storeLocation(parser));
    if (!store.ok())
        return usageError(store.error().message);
    // Before the session, so that it outlives the executor that calls it.
    files::FilesSettings filesSettings = files::defaultFilesSettings(storeLocation(parser));
    filesSettings.keepWorkspaces = parser.isSet(QStringLiteral("keep-workspaces"));
    files::FileStager stager(filesSettings);
    StoreWriter writer(storeLocation(parser));
    StoreOutageReport outages(writer);
    auto shared =
        SharedServices::create({storeLocation(parser), redisLocation(parser), coordination});
    if (!shared)
        return usageError(shared.error().message);
    LocalJobRunner runner;
    RunSession session(**store, writer, runner);
    ConsoleProgress progress(parser.isSet(QStringLiteral("logs")));
    RunEventFanout observers;
    observers.add(&progress);
    if (RunEventSink *notifier = (*shared)->notifier())
        observers.add(notifier);

    request.stager = &stager;
    request.coordinator = (*shared)->coordinator();
    const Status started = session.start(request, &observers);
    if (!started.ok())
        return usageError(started.error().message);
    if (const RetryPlan *retry = session.retryPlan())
        reportRetry(*retry);
    runToEnd(session, writer);
    outages.finish();
    (*shared)->flush(3000);

    const RunRecord &run = session.run();
    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(runToJson(run)).toJson(QJsonDocument::Compact) << Qt::endl;
    return run.status == RunStatus::Success ? ExitOk : ExitRunFailed;
}

} // namespace pw::cli
