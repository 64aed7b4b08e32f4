#include "commandline.h"
#include "commands.h"
#include "core/plan/planner.h"
#include "output.h"

#include <QFileInfo>

namespace pw::cli {

namespace {

int countJobs(const Pipeline &pipeline)
{
    int count = 0;
    for (const Stage &stage : pipeline.stages)
        count += int(stage.jobs.size());
    return count;
}

} // namespace

int validateCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Check a pipeline file."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pipeline file."));
    addFormatOption(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("validate"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("validate takes one pipeline file"));

    const QString path = parser.positionalArguments().constFirst();
    const LoadResult result = loadPipelineReporting(path, parser.value(QStringLiteral("format")));
    if (!result.ok())
        return ExitUsage;
    out() << path << ": valid: " << result.pipeline->stages.size() << " stages, "
          << countJobs(*result.pipeline) << " jobs" << Qt::endl;
    return ExitOk;
}

int planCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show the DAG of a pipeline and what a run in the given context would "
                       "skip, without running anything."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("The pipeline file."));
    addContextOptions(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("plan"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("plan takes one pipeline file"));

    const LoadResult loaded = loadPipelineReporting(parser.positionalArguments().constFirst(),
                                                    parser.value(QStringLiteral("format")));
    if (!loaded.ok())
        return ExitUsage;
    const auto context = contextFromOptions(parser, loaded.pipeline->directory);
    if (!context.ok())
        return usageError(context.error().message);
    const auto plan = makePlan(loaded.pipeline, *context);
    if (!plan.ok())
        return usageError(plan.error().message);

    const QString description = describePlan(*plan);
    out() << description << (description.endsWith(QLatin1Char('\n')) ? "" : "\n");
    out().flush();
    return ExitOk;
}

} // namespace pw::cli
