#include "commandline.h"
#include "commands.h"
#include "core/plan/retryplan.h"
#include "core/store/runstore.h"
#include "core/util/currentuser.h"
#include "output.h"
#include "runsupport.h"

#include <QFileInfo>

namespace pw::cli {

namespace {

// The context the run was started with; only who starts it is new.
RunContext contextOf(const RunRecord &run)
{
    RunContext context;
    context.branch = run.branch;
    context.commit = run.commit;
    context.tag = run.tag;
    context.event = run.event;
    context.variables = run.variables;
    context.triggeredBy = currentUser();
    return context;
}

// The pipeline as its file reads now, or null after saying why it cannot be retried.
std::shared_ptr<const Pipeline> loadPipelineOf(const RunRecord &run)
{
    const QString cannot = QStringLiteral("cannot retry run %1: ").arg(run.id);
    if (!QFileInfo(run.pipelineFile).isFile()) {
        usageError(cannot + QStringLiteral("its pipeline file %1 is gone").arg(run.pipelineFile));
        return nullptr;
    }
    const LoadResult loaded = loadPipelineReporting(run.pipelineFile, run.format);
    if (!loaded.ok()) {
        usageError(cannot
                   + QStringLiteral("its pipeline file %1 has errors now").arg(run.pipelineFile));
        return nullptr;
    }
    if (loaded.pipeline->name != run.pipeline) {
        usageError(cannot
                   + QStringLiteral("its pipeline file %1 now names the pipeline %2, not %3")
                         .arg(run.pipelineFile, loaded.pipeline->name, run.pipeline));
        return nullptr;
    }
    return loaded.pipeline;
}

} // namespace

int retryCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Run again the jobs of a recorded run that did not succeed, and what "
                       "follows them; the jobs that succeeded are reused with their "
                       "artifacts. The pipeline file is read again; branch, commit, event and "
                       "variables are the run's."));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id."));
    parser.addOption(
        {QStringLiteral("all"), QStringLiteral("Run every job again, with the same parameters.")});
    addStoreOption(parser);
    addRunOptions(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("retry"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("retry takes one run id"));
    qint64 id = 0;
    if (!parseRunId(parser.positionalArguments().constFirst(), &id))
        return ExitUsage;

    std::unique_ptr<RunStore> store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const Result<RunRecord> previous = store->loadRun(id);
    // The run opens the store again, as `run` does.
    store.reset();
    if (!previous)
        return usageError(previous.error().message);
    if (const QString refusal = unfinishedRunRefusal(*previous); !refusal.isEmpty())
        return usageError(refusal);
    const std::shared_ptr<const Pipeline> pipeline = loadPipelineOf(*previous);
    if (!pipeline)
        return ExitUsage;

    RunRequest request;
    request.pipeline = pipeline;
    request.context = contextOf(*previous);
    request.retry = RetryRequest{*previous, parser.isSet(QStringLiteral("all"))};
    return runRequest(parser, request);
}

} // namespace pw::cli
