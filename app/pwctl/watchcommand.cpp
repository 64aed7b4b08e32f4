#include "commandline.h"
#include "commands.h"
#include "consoleprogress.h"
#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/plan/planner.h"
#include "core/record/storewriter.h"
#include "core/secrets/pipelinesecrets.h"
#include "core/session/runsession.h"
#include "core/session/sharedservices.h"
#include "core/store/runstore.h"
#include "core/vcs/branchwatcher.h"
#include "interruptwatcher.h"
#include "output.h"
#include "storeoutagereport.h"

#include <QEventLoop>
#include <QQueue>
#include <QThread>

namespace pw::cli {

namespace {

// Polls the repository's branch heads and runs the pipeline, one run at a time, for each
// new commit on a branch that the pipeline's `on:` accepts for a push.
class Watcher : public QObject
{
public:
    // Every run uses the same store, files and shared services as a single `pwctl run`.
    struct Services
    {
        RunStore &store;
        StoreWriter &writer;
        files::FileStager &stager;
        SharedServices &shared;
    };

    Watcher(const QString &file, const QCommandLineParser &parser, const Services &services,
            int jobs, int maxRuns)
        : m_file(file)
        , m_parser(parser)
        , m_services(services)
        , m_jobs(jobs)
        , m_maxRuns(maxRuns)
        , m_progress(parser.isSet(QStringLiteral("logs")))
    {
        m_observers.add(&m_progress);
        if (RunEventSink *notifier = services.shared.notifier())
            m_observers.add(notifier);
    }

    // Starts following the repository around `directory`; `began` gets whether its branches
    // could be read.
    void begin(const QString &directory, int intervalMs, std::function<void(Status)> began)
    {
        m_branches = std::make_unique<BranchWatcher>(directory);
        connect(m_branches.get(), &BranchWatcher::ready, this, [this, directory, began] {
            m_began = true;
            err() << "pwctl: watching " << directory << " for new commits (Ctrl-C to stop)"
                  << Qt::endl;
            began(Status());
        });
        connect(m_branches.get(), &BranchWatcher::failed, this,
                [this, began](const QString &message) {
                    if (!m_began)
                        return began(Status::failure(message));
                    err() << "pwctl: cannot read the repository: " << message << Qt::endl;
                });
        connect(m_branches.get(), &BranchWatcher::pushed, this, [this](const BranchPush &push) {
            m_queue.enqueue(push);
            startNext();
        });
        // --changes-since fixes what rules: changes compare with, for every run.
        m_branches->start(intervalMs, !m_parser.isSet(QStringLiteral("changes-since")));
    }

    void stop()
    {
        m_stopping = true;
        if (m_branches)
            m_branches->stop();
        if (m_session && giveUpWaitingForTheStore(*m_session)) {
            m_failed |= m_session->run().status != RunStatus::Success;
            emitDone();
        } else if (m_session) {
            m_session->cancel(QStringLiteral("cancelled by user"));
        } else {
            emitDone();
        }
    }

    int exitCode() const { return m_failed ? ExitRunFailed : ExitOk; }
    std::function<void()> done;

private:
    void emitDone()
    {
        if (done)
            done();
    }

    void startNext()
    {
        while (!m_session && !m_queue.isEmpty() && !m_stopping) {
            const BranchPush next = m_queue.dequeue();
            if (startRun(next))
                return;
        }
    }

    bool startRun(const BranchPush &pending)
    {
        // The file is read again for every run: the commit may have changed it.
        const LoadResult loaded = loadPipelineReporting(m_file);
        if (!loaded.ok())
            return false;
        auto context = contextFromOptions(m_parser, loaded.pipeline->directory);
        if (!context.ok())
            return false;
        context->branch = pending.branch;
        context->commit = pending.commit;
        context->event = QStringLiteral("push");
        context->respectTriggers = true;
        // GitLab's rules: changes compare a push with its before-SHA; a new branch has none.
        if (!m_parser.isSet(QStringLiteral("changes-since")))
            context->changedFiles = pending.changedFiles;

        const auto plan = makePlan(loaded.pipeline, *context);
        if (plan.ok() && !plan->triggered) {
            err() << "pwctl: not running for " << pending.branch << ": " << plan->notTriggeredReason
                  << Qt::endl;
            return false;
        }

        // Looked up for each run: the file, and what it lists, may have changed.
        const Result<SecretValues> secrets =
            resolvePipelineSecretsBlocking(*loaded.pipeline, SecretResolver::standard());
        if (!secrets) {
            err() << "pwctl: not running for " << pending.branch << ": " << secrets.error().message
                  << Qt::endl;
            return false;
        }

        m_session = std::make_unique<RunSession>(m_services.store, m_services.writer, m_runner);
        connect(m_session.get(), &RunSession::finished, this, &Watcher::onRunFinished);
        m_waitNotice = std::make_unique<StoreWaitNotice>(*m_session, m_services.writer);
        const Status started =
            m_session->start({loaded.pipeline, *context, m_jobs, &m_services.stager,
                              m_services.shared.coordinator(), *secrets, std::nullopt},
                             &m_observers);
        if (!started.ok()) {
            err() << "pwctl: " << started.error().message << Qt::endl;
            m_waitNotice.reset();
            m_session.reset();
            return false;
        }
        return true;
    }

    void onRunFinished()
    {
        m_failed |= m_session->run().status != RunStatus::Success;
        ++m_runs;
        m_waitNotice.reset();
        m_session.release()->deleteLater();
        if (m_stopping || (m_maxRuns > 0 && m_runs >= m_maxRuns)) {
            m_branches->stop();
            emitDone();
            return;
        }
        startNext();
    }

    QString m_file;
    const QCommandLineParser &m_parser;
    Services m_services;
    LocalJobRunner m_runner;
    int m_jobs = 1;
    int m_maxRuns = 0;
    int m_runs = 0;
    bool m_failed = false;
    bool m_stopping = false;
    bool m_began = false;
    ConsoleProgress m_progress;
    RunEventFanout m_observers;
    std::unique_ptr<BranchWatcher> m_branches;
    QQueue<BranchPush> m_queue;
    std::unique_ptr<RunSession> m_session;
    std::unique_ptr<StoreWaitNotice> m_waitNotice; // the session's
};

} // namespace

int watchCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Follow the git repository around a pipeline file and run the pipeline "
                       "(event push) for each new commit on a branch that its on: matches."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pipeline file."));
    addContextOptions(parser);
    addStoreOption(parser);
    addRedisOption(parser);
    parser.addOption({QStringLiteral("jobs"), QStringLiteral("Run at most N jobs at once."),
                      QStringLiteral("N"), QString::number(QThread::idealThreadCount())});
    parser.addOption({QStringLiteral("interval"),
                      QStringLiteral("Seconds between looks at the repository (default 5)."),
                      QStringLiteral("seconds"), QStringLiteral("5")});
    parser.addOption({QStringLiteral("max-runs"),
                      QStringLiteral("Stop after this many runs (default: never)."),
                      QStringLiteral("n"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("logs"), QStringLiteral("Stream the jobs' output.")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("watch"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("watch takes one pipeline file"));

    bool ok = false;
    const double interval = parser.value(QStringLiteral("interval")).toDouble(&ok);
    if (!ok || interval < 0.1 || interval > 86400)
        return usageError(QStringLiteral("--interval expects seconds from 0.1 to 86400"));
    const int maxRuns = parser.value(QStringLiteral("max-runs")).toInt(&ok);
    if (!ok || maxRuns < 0)
        return usageError(QStringLiteral("--max-runs expects a number of runs"));
    const int jobs = parser.value(QStringLiteral("jobs")).toInt(&ok);
    if (!ok || jobs <= 0 || jobs > 1024)
        return usageError(QStringLiteral("--jobs expects a number from 1 to 1024"));

    const QString file = parser.positionalArguments().constFirst();
    const LoadResult loaded = loadPipelineReporting(file);
    if (!loaded.ok())
        return ExitUsage;
    auto store = openStore(storeLocation(parser));
    if (!store.ok())
        return usageError(store.error().message);
    StoreWriter writer(storeLocation(parser));
    StoreOutageReport outages(writer);
    files::FileStager stager(files::defaultFilesSettings(storeLocation(parser)));
    auto shared = SharedServices::create({storeLocation(parser), redisLocation(parser), {}});
    if (!shared)
        return usageError(shared.error().message);

    Watcher watcher(file, parser, {**store, writer, stager, **shared}, jobs, maxRuns);
    QEventLoop loop;
    int exitCode = -1;
    watcher.begin(loaded.pipeline->directory, int(interval * 1000), [&](const Status &began) {
        if (began.ok())
            return;
        exitCode = usageError(began.error().message);
        loop.quit();
    });
    watcher.done = [&loop] { loop.quit(); };
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop,
                     [&watcher](int, int) { watcher.stop(); });
    loop.exec();
    if (exitCode >= 0)
        return exitCode;
    outages.finish();
    return watcher.exitCode();
}

} // namespace pw::cli
