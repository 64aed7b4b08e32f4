#include "commandline.h"
#include "commands.h"
#include "core/files/blobstore.h"
#include "core/files/filecatalog.h"
#include "core/files/filesettings.h"
#include "core/files/garbage.h"
#include "core/files/restore.h"
#include "core/util/duration.h"
#include "output.h"

#include <QDir>

namespace pw::cli {

namespace {

std::unique_ptr<files::FileCatalog> openCatalogReporting(const QCommandLineParser &parser)
{
    auto catalog = files::FileCatalog::open(storeLocation(parser));
    if (!catalog.ok()) {
        usageError(catalog.error().message);
        return nullptr;
    }
    return std::move(catalog).value();
}

QString expiryText(const QDateTime &expiresAt)
{
    if (!expiresAt.isValid())
        return QStringLiteral("never");
    const QString when = expiresAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    return expiresAt <= QDateTime::currentDateTimeUtc() ? when + QStringLiteral(" (expired)")
                                                        : when;
}

int listArtifacts(files::FileCatalog &catalog, qint64 runId, const QString &job)
{
    const auto artifacts = catalog.listArtifacts(runId);
    if (!artifacts.ok())
        return usageError(artifacts.error().message);

    int shown = 0;
    for (const files::StoredArtifact &artifact : *artifacts) {
        if (!job.isEmpty() && artifact.jobName != job)
            continue;
        const QString size = artifact.file.isLink()
                                 ? QStringLiteral("-> ") + artifact.file.linkTarget
                                 : files::formatSize(artifact.file.size);
        out() << artifact.jobName.leftJustified(20) << ' ' << artifact.file.path.leftJustified(40)
              << ' ' << size.rightJustified(10) << "  " << expiryText(artifact.expiresAt)
              << Qt::endl;
        ++shown;
    }
    if (shown == 0)
        err() << "pwctl: no artifacts for run " << runId
              << (job.isEmpty() ? QString() : QStringLiteral(" job ") + job) << Qt::endl;
    return ExitOk;
}

// The artifacts of `job` that are `path` or lie below it.
files::Manifest selectArtifacts(const QList<files::StoredArtifact> &artifacts, const QString &job,
                                QString path, bool *expired)
{
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    files::Manifest selected;
    for (const files::StoredArtifact &artifact : artifacts) {
        const QString &name = artifact.file.path;
        if (artifact.jobName != job
            || (name != path && !name.startsWith(path + QLatin1Char('/')) && !path.isEmpty()))
            continue;
        if (artifact.expiresAt.isValid() && artifact.expiresAt <= QDateTime::currentDateTimeUtc()) {
            *expired = true;
            continue;
        }
        selected.append(artifact.file);
    }
    return selected;
}

int getArtifacts(const QCommandLineParser &parser, files::FileCatalog &catalog, qint64 runId,
                 const QString &job, const QString &path)
{
    const QString destination = parser.value(QStringLiteral("to"));
    if (destination.isEmpty())
        return usageError(QStringLiteral("artifacts get needs --to DIR"));
    const auto artifacts = catalog.listArtifacts(runId);
    if (!artifacts.ok())
        return usageError(artifacts.error().message);

    bool expired = false;
    const files::Manifest selected = selectArtifacts(*artifacts, job, path, &expired);
    if (selected.isEmpty()) {
        return usageError(QStringLiteral("run %1 has no %2artifact %3 of job %4")
                              .arg(runId)
                              .arg(expired ? QStringLiteral("unexpired ") : QString(), path, job));
    }
    if (!QDir().mkpath(destination))
        return usageError(QStringLiteral("cannot create the folder %1").arg(destination));

    const files::FilesSettings settings = files::defaultFilesSettings(storeLocation(parser));
    const files::BlobStore blobs(settings.blobRoot());
    const files::RestoreReport report = files::restoreFiles(
        blobs, selected, QDir(destination).absolutePath(), files::Placement::CloneOrCopy);
    for (const QString &warning : report.warnings)
        err() << "pwctl: warning: " << warning << Qt::endl;
    err() << "pwctl: copied " << report.summary() << " to " << destination << Qt::endl;
    return report.warnings.isEmpty() ? ExitOk : ExitRunFailed;
}

} // namespace

int artifactsCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List a run's artifacts: artifacts RUN_ID [JOB]\n"
                       "Copy them out: artifacts get RUN_ID JOB PATH --to DIR"));
    parser.addPositionalArgument(QStringLiteral("run"), QStringLiteral("The run id."));
    parser.addOption(
        {QStringLiteral("to"), QStringLiteral("Where 'get' copies to."), QStringLiteral("DIR")});
    addStoreOption(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("artifacts"), arguments, &help))
        return help ? ExitOk : ExitUsage;

    QStringList positional = parser.positionalArguments();
    const bool get = !positional.isEmpty() && positional.first() == QLatin1String("get");
    if (get)
        positional.removeFirst();
    if (positional.isEmpty() || positional.size() > (get ? 3 : 2)
        || (get && positional.size() != 3))
        return usageError(get ? QStringLiteral("usage: artifacts get RUN_ID JOB PATH --to DIR")
                              : QStringLiteral("usage: artifacts RUN_ID [JOB]"));
    qint64 runId = 0;
    if (!parseRunId(positional.first(), &runId))
        return ExitUsage;

    const std::unique_ptr<files::FileCatalog> catalog = openCatalogReporting(parser);
    if (!catalog)
        return ExitUsage;
    if (get)
        return getArtifacts(parser, *catalog, runId, positional[1], positional[2]);
    return listArtifacts(*catalog, runId, positional.value(1));
}

int gcCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Remove expired artifacts and stored files nothing uses any more."));
    parser.addOption({QStringLiteral("grace"),
                      QStringLiteral("Keep unused stored files younger than this (default 1h), "
                                     "since a running job may not have recorded them yet."),
                      QStringLiteral("duration")});
    addStoreOption(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("gc"), arguments, &help))
        return help ? ExitOk : ExitUsage;

    Milliseconds grace(3600 * 1000);
    if (parser.isSet(QStringLiteral("grace"))) {
        const auto parsed = parseDuration(parser.value(QStringLiteral("grace")));
        if (!parsed.ok())
            return usageError(QStringLiteral("--grace: ") + parsed.error().message);
        grace = *parsed;
    }
    const files::FilesSettings settings = files::defaultFilesSettings(storeLocation(parser));
    const auto report = files::collectGarbage(settings, QDateTime::currentDateTimeUtc(), grace);
    if (!report.ok())
        return usageError(report.error().message);
    out() << "removed " << report->artifacts << " expired artifact files and " << report->blobs
          << " unused stored files (" << files::formatSize(report->bytes) << ")" << Qt::endl;
    return ExitOk;
}

int cacheCommand(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Show or clear the cache: cache list|clear|stats"));
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("list, clear or stats"));
    addStoreOption(parser);
    bool help = false;
    if (!parseArguments(parser, QStringLiteral("cache"), arguments, &help))
        return help ? ExitOk : ExitUsage;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    if (positional.size() != 1
        || !QStringList{QStringLiteral("list"), QStringLiteral("clear"), QStringLiteral("stats")}
                .contains(action))
        return usageError(QStringLiteral("usage: cache list|clear|stats"));

    const std::unique_ptr<files::FileCatalog> catalog = openCatalogReporting(parser);
    if (!catalog)
        return ExitUsage;

    if (action == QLatin1String("list")) {
        const auto entries = catalog->listCaches();
        if (!entries.ok())
            return usageError(entries.error().message);
        for (const files::CacheEntry &entry : *entries) {
            out() << entry.key.leftJustified(40) << ' '
                  << files::formatSize(entry.size).rightJustified(10) << ' '
                  << QString::number(entry.fileCount).rightJustified(7) << " files "
                  << QString::number(entry.hits).rightJustified(5) << " hits  last used "
                  << entry.lastUsedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                  << Qt::endl;
        }
        return ExitOk;
    }
    if (action == QLatin1String("clear")) {
        const auto cleared = catalog->clearCaches();
        if (!cleared.ok())
            return usageError(cleared.error().message);
        const files::FilesSettings settings = files::defaultFilesSettings(storeLocation(parser));
        files::BlobStore blobs(settings.blobRoot());
        const auto freed = files::removeUnusedBlobs(*catalog, blobs, Milliseconds(0));
        out() << "removed " << *cleared << " cache entries";
        if (freed.ok())
            out() << " and " << freed->blobs << " stored files (" << files::formatSize(freed->bytes)
                  << ")";
        out() << Qt::endl;
        return ExitOk;
    }

    const auto stats = catalog->cacheStats();
    if (!stats.ok())
        return usageError(stats.error().message);
    const double rate = stats->lookups ? 100.0 * stats->hits / stats->lookups : 0.0;
    out() << "entries  " << stats->entries << Qt::endl
          << "size     " << files::formatSize(stats->size) << Qt::endl
          << "lookups  " << stats->lookups << Qt::endl
          << "hits     " << stats->hits << Qt::endl
          << "hit rate " << QString::number(rate, 'f', 1) << '%' << Qt::endl;
    return ExitOk;
}

} // namespace pw::cli
