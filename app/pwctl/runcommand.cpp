#include "commandline.h"
#include "commands.h"
#include "core/plan/planner.h"
#include "output.h"
#include "runsupport.h"

namespace pw::cli {

int runCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run a pipeline file and record it."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pipeline file."));
    addContextOptions(parser);
    addStoreOption(parser);
    addRunOptions(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("run"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("run takes one pipeline file"));

    const LoadResult loaded = loadPipelineReporting(parser.positionalArguments().constFirst(),
                                                    parser.value(QStringLiteral("format")));
    if (!loaded.ok())
        return ExitUsage;
    const auto context = contextFromOptions(parser, loaded.pipeline->directory);
    if (!context.ok())
        return usageError(context.error().message);

    if (context->respectTriggers) {
        const auto plan = makePlan(loaded.pipeline, *context);
        if (plan.ok() && !plan->triggered) {
            err() << "pwctl: not running " << loaded.pipeline->name << ": "
                  << plan->notTriggeredReason << Qt::endl;
            return ExitOk;
        }
    }

    RunRequest request;
    request.pipeline = loaded.pipeline;
    request.context = *context;
    return runRequest(parser, request);
}

} // namespace pw::cli
