#include "commandline.h"

#include "core/gitlab/anypipeline.h"
#include "core/notify/redislocation.h"
#include "core/store/runstore.h"
#include "core/util/currentuser.h"
#include "core/vcs/gitrepository.h"
#include "output.h"

#include <QFileInfo>

namespace pw::cli {

bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const QStringList &arguments, bool *helpShown)
{
    *helpShown = false;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);

    if (!parser.parse(QStringList{QStringLiteral("pwctl ") + command} + arguments)) {
        usageError(parser.errorText());
        err() << "Run 'pwctl " << command << " --help' for its usage." << Qt::endl;
        return false;
    }
    if (parser.isSet(help)) {
        out() << parser.helpText();
        out().flush();
        *helpShown = true;
        return false;
    }
    return true;
}

void addStoreOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("db"),
                      QStringLiteral("The history store: an SQLite file path, or "
                                     "postgresql://user@host:port/db. Default: $PIPEWRIGHT_DB "
                                     "or the user's data folder."),
                      QStringLiteral("location")});
}

QString storeLocation(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db"))
                                              : defaultStoreLocation();
}

void addRedisOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("redis"),
                      QStringLiteral("The Redis server for notifications: "
                                     "redis://host[:port][/db]. Default: $PIPEWRIGHT_REDIS. A "
                                     "password comes from $PIPEWRIGHT_REDIS_PASSWORD."),
                      QStringLiteral("url")});
}

QString redisLocation(const QCommandLineParser &parser)
{
    return parser.isSet(QStringLiteral("redis")) ? parser.value(QStringLiteral("redis"))
                                                 : qEnvironmentVariable(redisLocationVariable);
}

void addContextOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("branch"),
                      QStringLiteral("The branch the run is for (default: the git branch)."),
                      QStringLiteral("name")});
    parser.addOption({QStringLiteral("commit"),
                      QStringLiteral("The commit the run is for (default: git HEAD)."),
                      QStringLiteral("sha")});
    parser.addOption(
        {QStringLiteral("tag"), QStringLiteral("The tag the run is for."), QStringLiteral("name")});
    parser.addOption({QStringLiteral("event"),
                      QStringLiteral("What started the run: manual (default), push, "
                                     "merge_request, tag or schedule."),
                      QStringLiteral("event")});
    parser.addOption({QStringLiteral("var"),
                      QStringLiteral("Set a variable for the run (repeatable)."),
                      QStringLiteral("NAME=VALUE")});
    parser.addOption({QStringLiteral("respect-on"),
                      QStringLiteral("Run only if the pipeline's on: matches the branch and "
                                     "event.")});
    parser.addOption({QStringLiteral("changes-since"),
                      QStringLiteral("Compare with this commit, branch or tag for GitLab's "
                                     "rules: changes (default: the first parent of HEAD)."),
                      QStringLiteral("ref")});
    addFormatOption(parser);
}

void addFormatOption(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("The pipeline file's format: native or gitlab (default: "
                                     "gitlab for .gitlab-ci.yml files, else native)."),
                      QStringLiteral("format")});
}

Result<RunContext> contextFromOptions(const QCommandLineParser &parser,
                                      const QString &pipelineDirectory)
{
    RunContext context;
    context.triggeredBy = currentUser();
    context.respectTriggers = parser.isSet(QStringLiteral("respect-on"));

    const auto git = readGitState(pipelineDirectory);
    if (git.ok()) {
        context.branch = git->branch;
        context.commit = git->commit;
        context.tag = git->tag;
    }
    if (parser.isSet(QStringLiteral("branch")))
        context.branch = parser.value(QStringLiteral("branch"));
    if (parser.isSet(QStringLiteral("commit")))
        context.commit = parser.value(QStringLiteral("commit"));
    if (parser.isSet(QStringLiteral("tag")))
        context.tag = parser.value(QStringLiteral("tag"));
    if (parser.isSet(QStringLiteral("event")))
        context.event = parser.value(QStringLiteral("event"));
    // GitLab's rules: changes compare with a base; without one they hold.
    const bool baseGiven = parser.isSet(QStringLiteral("changes-since"));
    if (git.ok() || baseGiven) {
        const auto changes =
            readChangedFiles(pipelineDirectory, parser.value(QStringLiteral("changes-since")));
        if (!changes.ok() && baseGiven)
            return Result<RunContext>::failure(QStringLiteral("--changes-since: ")
                                               + changes.error().message);
        if (changes.ok())
            context.changedFiles = *changes;
    }

    static const QStringList events = {QStringLiteral("manual"), QStringLiteral("push"),
                                       QStringLiteral("merge_request"), QStringLiteral("tag"),
                                       QStringLiteral("schedule")};
    if (!events.contains(context.event)) {
        return Result<RunContext>::failure(
            QStringLiteral("unknown event '%1'; expected one of %2")
                .arg(context.event, events.join(QStringLiteral(", "))));
    }

    for (const QString &assignment : parser.values(QStringLiteral("var"))) {
        const int equals = assignment.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            return Result<RunContext>::failure(
                QStringLiteral("--var expects NAME=VALUE, got '%1'").arg(assignment));
        }
        setVariable(context.variables, assignment.left(equals), assignment.mid(equals + 1));
    }
    return context;
}

std::unique_ptr<RunStore> openStoreReporting(const QCommandLineParser &parser)
{
    auto store = openStore(storeLocation(parser));
    if (!store.ok()) {
        usageError(store.error().message);
        return nullptr;
    }
    return std::move(store).value();
}

bool parseRunId(const QString &text, qint64 *id)
{
    bool ok = false;
    *id = text.toLongLong(&ok);
    if (!ok || *id <= 0) {
        usageError(QStringLiteral("'%1' is not a run id; run ids are positive numbers (see "
                                  "'pwctl history')")
                       .arg(text));
        return false;
    }
    return true;
}

LoadResult loadPipelineReporting(const QString &path, const QString &format)
{
    const std::optional<Pipeline::Format> chosen = pipelineFormatFromName(format);
    if (!format.isEmpty() && !chosen) {
        usageError(QStringLiteral("unknown --format '%1'; expected native or gitlab").arg(format));
        return LoadResult();
    }
    LoadResult result = loadAnyPipeline(path, chosen);
    for (const Diagnostic &diagnostic : result.diagnostics)
        err() << diagnostic.toString() << Qt::endl;
    return result;
}

} // namespace pw::cli
