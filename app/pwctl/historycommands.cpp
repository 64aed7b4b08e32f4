#include "commandline.h"
#include "commands.h"
#include "core/report/runreport.h"
#include "core/store/runstore.h"
#include "core/util/duration.h"
#include "output.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace pw::cli {

namespace {

QString shortCommit(const QString &commit)
{
    return commit.left(10);
}

void printRunLine(const RunRecord &run)
{
    out() << QString::number(run.id).rightJustified(6) << "  " << run.pipeline.leftJustified(16)
          << ' ' << keyword(run.status).leftJustified(16) << ' ' << run.branch.leftJustified(14)
          << ' ' << shortCommit(run.commit).leftJustified(10) << ' ' << run.event.leftJustified(13)
          << ' ' << run.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
          << "  " << formatDuration(Milliseconds(run.durationMs())) << Qt::endl;
}

void printRunDetails(const RunRecord &run)
{
    out() << "run " << run.id << " of " << run.pipeline << ": " << keyword(run.status);
    if (!run.reason.isEmpty())
        out() << " (" << run.reason << ')';
    out() << Qt::endl
          << "  branch " << run.branch << ", commit " << shortCommit(run.commit) << ", event "
          << run.event << ", by " << run.triggeredBy << Qt::endl;
    if (run.retryOf > 0)
        out() << "  retry of run " << run.retryOf << Qt::endl;
    out() << "  started " << timeToJson(run.startedAt).toString() << ", took "
          << formatDuration(Milliseconds(run.durationMs())) << Qt::endl;
    for (const StageRecord &stage : run.stages) {
        out() << "stage " << stage.name << ": " << keyword(stage.status);
        if (!stage.reason.isEmpty())
            out() << " (" << stage.reason << ')';
        out() << Qt::endl;
        for (const JobRecord &job : run.jobs) {
            if (job.stage != stage.index)
                continue;
            out() << "  " << keyword(job.status).leftJustified(10) << job.name;
            if (!job.reason.isEmpty())
                out() << ": " << job.reason;
            if (job.attempts > 1)
                out() << " after " << job.attempts << " attempts";
            if (job.startedAt.isValid())
                out() << " (" << formatDuration(Milliseconds(job.durationMs())) << ')';
            out() << Qt::endl;
        }
    }
}

} // namespace

int historyCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("List recorded runs, newest first."));
    addStoreOption(parser);
    parser.addOption({QStringLiteral("pipeline"), QStringLiteral("Only runs of this pipeline."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("status"), QStringLiteral("Only runs with this status."),
                      QStringLiteral("status")});
    parser.addOption({QStringLiteral("limit"), QStringLiteral("At most this many runs (50)."),
                      QStringLiteral("n"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print a JSON array.")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("history"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("history takes no file or run id"));

    RunQuery query;
    query.pipeline = parser.value(QStringLiteral("pipeline"));
    query.status = parser.value(QStringLiteral("status"));
    bool ok = false;
    query.limit = parser.value(QStringLiteral("limit")).toInt(&ok);
    if (!ok || query.limit <= 0)
        return usageError(QStringLiteral("--limit expects a positive number"));
    if (!query.status.isEmpty() && !runStatusFromString(query.status))
        return usageError(QStringLiteral("unknown run status '%1'").arg(query.status));

    auto store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const auto runs = store->listRuns(query);
    if (!runs.ok())
        return usageError(runs.error().message);

    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const RunRecord &run : *runs)
            array.append(runToJson(run));
        out() << QJsonDocument(array).toJson(QJsonDocument::Compact) << Qt::endl;
        return ExitOk;
    }
    for (const RunRecord &run : *runs)
        printRunLine(run);
    return ExitOk;
}

int showCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show one recorded run."));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id."));
    addStoreOption(parser);
    parser.addOption(
        {QStringLiteral("json"), QStringLiteral("Print the same JSON object as 'run --json'.")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("show"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("show takes one run id"));
    qint64 id = 0;
    if (!parseRunId(parser.positionalArguments().constFirst(), &id))
        return ExitUsage;

    auto store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const auto run = store->loadRun(id);
    if (!run.ok())
        return usageError(run.error().message);

    if (parser.isSet(QStringLiteral("json")))
        out() << QJsonDocument(runToJson(*run)).toJson(QJsonDocument::Compact) << Qt::endl;
    else
        printRunDetails(*run);
    return ExitOk;
}

int logsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Print the recorded output of a job."));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id."));
    parser.addPositionalArgument(QStringLiteral("job"), QStringLiteral("The job's name."));
    addStoreOption(parser);
    parser.addOption({QStringLiteral("attempt"),
                      QStringLiteral("Only this attempt (default: every attempt)."),
                      QStringLiteral("n"), QStringLiteral("0")});
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("logs"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    if (parser.positionalArguments().size() != 2)
        return usageError(QStringLiteral("logs takes a run id and a job name"));
    qint64 id = 0;
    if (!parseRunId(parser.positionalArguments().constFirst(), &id))
        return ExitUsage;
    const QString jobName = parser.positionalArguments().at(1);
    bool attemptOk = false;
    const int attempt = parser.value(QStringLiteral("attempt")).toInt(&attemptOk);
    if (!attemptOk || attempt < 0)
        return usageError(QStringLiteral("--attempt expects an attempt number (0 for all)"));

    auto store = openStoreReporting(parser);
    if (!store)
        return ExitUsage;
    const auto run = store->loadRun(id);
    if (!run.ok())
        return usageError(run.error().message);
    const auto job = std::find_if(run->jobs.begin(), run->jobs.end(),
                                  [&](const JobRecord &record) { return record.name == jobName; });
    if (job == run->jobs.end()) {
        QStringList names;
        for (const JobRecord &record : run->jobs)
            names.append(record.name);
        return usageError(QStringLiteral("run %1 has no job '%2'; its jobs are: %3")
                              .arg(id)
                              .arg(jobName, names.join(QStringLiteral(", "))));
    }

    out().flush();
    const Status status = store->readLog(id, job->index, attempt, [](const LogChunk &chunk) {
        return fwrite(chunk.data.constData(), 1, size_t(chunk.data.size()), stdout)
               == size_t(chunk.data.size());
    });
    fflush(stdout);
    if (!status.ok())
        return usageError(status.error().message);
    return ExitOk;
}

} // namespace pw::cli
