#include "jobfiles.h"

#include "blobstore.h"
#include "cachekey.h"
#include "dotenvreport.h"
#include "filecatalog.h"
#include "filewalk.h"
#include "garbage.h"
#include "pathvariables.h"
#include "restore.h"
#include "safepath.h"
#include "workspace.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace pw::files {

const QByteArray logPrefix = QByteArrayLiteral("[pipewright] ");

namespace {

// A replayed log is held in memory whole; longer ones are cut here.
constexpr qsizetype maxReplayedOutput = 16 * 1024 * 1024;

// Lines for the job's log, each with the prefix that tells them from the job's output.
class JobLog
{
public:
    void line(const QString &text) { m_text += logPrefix + text.toUtf8() + '\n'; }
    void warnings(const QString &about, const QStringList &texts)
    {
        for (const QString &text : texts)
            line(about + QStringLiteral(": warning: ") + text);
    }
    QByteArray text() const { return m_text; }

private:
    QByteArray m_text;
};

bool whenMatches(When when, JobStatus status)
{
    switch (when) {
    case When::Always:
        return true;
    case When::OnFailure:
        return status == JobStatus::Failed;
    default:
        return status == JobStatus::Success;
    }
}

// The replayed output without the lines the file work wrote when it was recorded.
QByteArray withoutOwnLines(const QByteArray &output)
{
    QByteArray kept;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith(logPrefix))
            kept += line + '\n';
    }
    kept.chop(1);
    return kept.isEmpty() || kept.endsWith('\n') ? kept : kept + '\n';
}

class Preparation
{
public:
    Preparation(const FilesSettings &settings, const JobFilesInput &input)
        : m_settings(settings)
        , m_input(input)
        , m_blobs(settings.blobRoot())
    {}

    PreparedFiles run();

private:
    bool makeWorkspace();
    bool restoreArtifacts();
    void lookUpCaches();
    std::optional<CacheEntry> lookUp(const CacheSpec &cache, const CacheKey &key,
                                     QString *restoredFrom);
    bool restoreEntry(const CacheEntry &entry, const QString &about);
    void replay(const CacheEntry &entry);

    const FilesSettings &m_settings;
    const JobFilesInput &m_input;
    BlobStore m_blobs;
    std::unique_ptr<FileCatalog> m_catalog;
    JobLog m_log;
    PreparedFiles m_result;
};

PreparedFiles Preparation::run()
{
    m_result.staged.workingDirectory = m_input.workingDirectory;
    if (m_input.isolated && !makeWorkspace())
        return m_result;

    Result<std::unique_ptr<FileCatalog>> catalog = FileCatalog::open(m_settings.storeLocation);
    if (!catalog) {
        m_result.staged.failure = catalog.error().message;
        return m_result;
    }
    m_catalog = std::move(catalog).value();

    if (restoreArtifacts())
        lookUpCaches();
    m_result.staged.log = m_log.text();
    return m_result;
}

bool Preparation::makeWorkspace()
{
    const Result<WorkspaceCopy> copy =
        files::makeWorkspace(m_input.pipeline->directory, m_input.workingDirectory);
    if (!copy) {
        m_result.staged.failure = copy.error().message;
        return false;
    }
    m_log.line(QStringLiteral("workspace: %1 files (%2) and %3 links copied by %4 into %5")
                   .arg(copy->files)
                   .arg(formatSize(copy->bytes))
                   .arg(copy->links)
                   .arg(copy->method, m_input.workingDirectory));
    m_log.warnings(QStringLiteral("workspace"), copy->warnings);
    return true;
}

bool Preparation::restoreArtifacts()
{
    for (const auto &[job, name] : m_input.artifactSources) {
        const Result<Manifest> files = m_catalog->artifacts(m_input.runId, job);
        if (!files) {
            m_result.staged.failure = files.error().message;
            return false;
        }
        if (files->isEmpty()) {
            m_log.line(QStringLiteral("artifacts of %1: none recorded").arg(name));
            continue;
        }
        const RestoreReport report =
            restoreFiles(m_blobs, *files, m_input.workingDirectory, Placement::CloneOrCopy);
        m_log.line(QStringLiteral("artifacts of %1: restored %2").arg(name, report.summary()));
        m_log.warnings(QStringLiteral("artifacts of ") + name, report.warnings);
    }
    return true;
}

void Preparation::lookUpCaches()
{
    const QList<CacheSpec> &caches = m_input.spec->caches;
    bool allSkipCachesHit = false;
    bool anySkipCache = false;
    std::optional<CacheEntry> replayFrom;
    for (int i = 0; i < caches.size(); ++i) {
        const CacheSpec cache = expandedCache(caches[i], m_input);
        const CacheKey key = cacheKeyFor(cache, *m_input.spec, m_input.workingDirectory);
        m_log.line(QStringLiteral("cache %1: key %2").arg(i + 1).arg(key.key));
        for (const QString &input : key.inputs)
            m_log.line(QStringLiteral("cache %1: input %2").arg(i + 1).arg(input));

        QString restoredFrom;
        const std::optional<CacheEntry> exact = lookUp(cache, key, &restoredFrom);
        m_result.caches.append({i, key.key, exact.has_value()});
        if (i == 0)
            m_result.staged.cache = CacheUse{key.key, exact.has_value(), restoredFrom};

        if (cache.skipOnHit) {
            allSkipCachesHit = anySkipCache ? allSkipCachesHit && exact : exact.has_value();
            anySkipCache = true;
            if (exact && !replayFrom)
                replayFrom = exact;
        }
    }
    if (anySkipCache && allSkipCachesHit && replayFrom)
        replay(*replayFrom);
}

std::optional<CacheEntry> Preparation::lookUp(const CacheSpec &cache, const CacheKey &key,
                                              QString *restoredFrom)
{
    const QString about = QStringLiteral("cache ") + key.key;
    if (cache.policy == CacheSpec::Policy::Push) {
        m_log.line(about + QStringLiteral(": not looked up (policy push)"));
        return std::nullopt;
    }

    std::optional<CacheEntry> exact;
    const auto found = m_catalog->findCache(key.key);
    if (!found) {
        m_log.line(about + QStringLiteral(": warning: ") + found.error().message);
    } else if (*found && restoreEntry(**found, about)) {
        exact = *found;
        *restoredFrom = exact->key;
        m_log.line(about + QStringLiteral(": hit"));
    } else {
        if (*found && m_catalog->removeCache((*found)->id))
            m_log.line(about
                       + QStringLiteral(": the entry could not be restored whole; removed, "
                                        "so that this job saves a new one"));
        m_log.line(about + QStringLiteral(": miss: no usable entry for the key %1").arg(key.key));
        for (const QString &fallback : cache.fallbackKeys) {
            const auto match = m_catalog->findCacheByPrefix(fallback);
            if (match && *match && restoreEntry(**match, about)) {
                *restoredFrom = (*match)->key;
                m_log.line(about
                           + QStringLiteral(": restored %1, the newest entry matching the "
                                            "fallback key %2")
                                 .arg((*match)->key, fallback));
                break;
            }
            m_log.line(about
                       + QStringLiteral(": no entry matches the fallback key %1").arg(fallback));
        }
    }

    if (Status recorded = m_catalog->recordLookup(key.key, exact.has_value(), *restoredFrom);
        !recorded)
        m_log.line(about + QStringLiteral(": warning: ") + recorded.error().message);
    return exact;
}

bool Preparation::restoreEntry(const CacheEntry &entry, const QString &about)
{
    const Result<Manifest> files = m_catalog->cacheFiles(entry.id);
    if (!files) {
        m_log.line(about + QStringLiteral(": warning: ") + files.error().message);
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const RestoreReport report =
        restoreFiles(m_blobs, *files, m_input.workingDirectory, Placement::LinkOrClone);
    m_log.line(about
               + QStringLiteral(": restored %1 from the entry %2 saved %3, in %4 ms")
                     .arg(report.summary(), entry.key, entry.createdAt.toString(Qt::ISODate))
                     .arg(timer.elapsed()));
    m_log.warnings(about, report.warnings);
    m_catalog->markCacheUsed(entry.id, QDateTime::currentDateTimeUtc());
    // An entry with files that could not be put back is not one to trust.
    return report.warnings.isEmpty();
}

void Preparation::replay(const CacheEntry &entry)
{
    const Result<QByteArray> output =
        m_catalog->jobOutput(entry.runId, entry.job, maxReplayedOutput);
    m_result.staged.skip = true;
    m_log.line(QStringLiteral("skip_on_hit: the key %1 has an entry, so the job does not run; "
                              "the output of run %2 follows")
                   .arg(entry.key)
                   .arg(entry.runId));
    if (output)
        m_result.staged.replayedOutput = withoutOwnLines(*output);
    else
        m_log.line(QStringLiteral("skip_on_hit: warning: ") + output.error().message);
}

class Conclusion
{
public:
    Conclusion(const FilesSettings &settings, const JobFilesInput &input, JobStatus status)
        : m_settings(settings)
        , m_input(input)
        , m_status(status)
        , m_blobs(settings.blobRoot())
    {}

    ConcludedJob run(const QList<CacheDecision> &caches);

private:
    // Stores the files `patterns` select; false when something could not be stored.
    std::optional<Manifest> storeSelected(const QString &about, const QStringList &patterns,
                                          const QStringList &exclude);
    void keepArtifacts();
    void readDotenvReports();
    void readDotenvReport(const QString &name);
    void saveCache(const CacheDecision &decision);
    void evict();

    const FilesSettings &m_settings;
    const JobFilesInput &m_input;
    JobStatus m_status;
    BlobStore m_blobs;
    std::unique_ptr<FileCatalog> m_catalog;
    JobLog m_log;
    ConcludedJob m_result;
    bool m_saved = false;
};

ConcludedJob Conclusion::run(const QList<CacheDecision> &caches)
{
    Result<std::unique_ptr<FileCatalog>> catalog = FileCatalog::open(m_settings.storeLocation);
    if (!catalog) {
        m_log.line(QStringLiteral("warning: nothing kept: ") + catalog.error().message);
        m_result.log = m_log.text();
        return m_result;
    }
    m_catalog = std::move(catalog).value();

    readDotenvReports();
    keepArtifacts();
    for (const CacheDecision &decision : caches)
        saveCache(decision);
    if (m_saved)
        evict();
    m_result.log = m_log.text();
    return m_result;
}

std::optional<Manifest> Conclusion::storeSelected(const QString &about, const QStringList &patterns,
                                                  const QStringList &exclude)
{
    Selection selection = selectFiles(m_input.workingDirectory, patterns, exclude);
    m_log.warnings(about, selection.warnings);
    for (FileEntry &file : selection.files) {
        if (file.isLink())
            continue;
        const Result<QString> digest =
            m_blobs.store(m_input.workingDirectory + QLatin1Char('/') + file.path, file.executable);
        if (!digest) {
            m_log.line(about + QStringLiteral(": warning: ") + digest.error().message);
            return std::nullopt;
        }
        file.digest = *digest;
    }
    return selection.files;
}

void Conclusion::keepArtifacts()
{
    const std::optional<ArtifactSpec> &spec = m_input.spec->artifacts;
    if (!spec)
        return;
    if (!whenMatches(spec->when, m_status)) {
        m_log.line(QStringLiteral("artifacts: not kept (when: %1, and the job ended %2)")
                       .arg(keyword(spec->when), keyword(m_status)));
        return;
    }

    const std::optional<Manifest> files =
        storeSelected(QStringLiteral("artifacts"), expandedPaths(spec->paths, m_input),
                      expandedPaths(spec->exclude, m_input));
    if (!files)
        return;
    const QDateTime expiry = spec->expireIn
                                 ? QDateTime::currentDateTimeUtc().addMSecs(spec->expireIn->count())
                                 : QDateTime();
    if (Status added = m_catalog->addArtifacts(m_input.runId, m_input.job, *files, expiry);
        !added) {
        m_log.line(QStringLiteral("artifacts: warning: ") + added.error().message);
        return;
    }
    for (const FileEntry &file : *files)
        m_result.artifacts.append({file.path, file.size});
    m_log.line(QStringLiteral("artifacts: kept %1 files (%2), %3")
                   .arg(files->size())
                   .arg(formatSize(totalSize(*files)))
                   .arg(expiry.isValid()
                            ? QStringLiteral("expiring ") + expiry.toString(Qt::ISODate)
                            : QStringLiteral("never expiring")));
}

void Conclusion::readDotenvReports()
{
    // GitLab collects reports whatever the job's outcome.
    const std::optional<ArtifactSpec> &spec = m_input.spec->artifacts;
    if (!spec)
        return;
    for (const QString &name : expandedPaths(spec->dotenvReports, m_input))
        readDotenvReport(name);
}

void Conclusion::readDotenvReport(const QString &name)
{
    const QString about = QStringLiteral("dotenv report '%1'").arg(name);
    if (const QString problem = storedNameProblem(name); !problem.isEmpty()) {
        m_log.line(about + QStringLiteral(": error: not read, the path ") + problem);
        if (m_result.failure.isEmpty())
            m_result.failure = about + QStringLiteral(": the path ") + problem;
        return;
    }
    const QString path = m_input.workingDirectory + QLatin1Char('/') + name;
    if (!QFileInfo(path).isFile()) {
        m_log.line(about + QStringLiteral(": warning: the artifact report could not be found"));
        return;
    }
    const Result<Variables> variables = readDotenvFile(path, name);
    if (!variables) {
        // GitLab refuses the whole report, and fails the job that left it.
        m_log.line(QStringLiteral("dotenv report: error: %1; none of its variables are passed "
                                  "on")
                       .arg(variables.error().message));
        if (m_result.failure.isEmpty())
            m_result.failure = QStringLiteral("dotenv report ") + variables.error().message;
        return;
    }
    QStringList names;
    for (const Variable &variable : *variables) {
        setVariable(m_result.dotenv, variable.name, variable.value, false);
        names.append(variable.name);
    }
    m_log.line(about
               + QStringLiteral(": %1 variables for the jobs that receive its artifacts: %2")
                     .arg(names.size())
                     .arg(names.join(QStringLiteral(", "))));
}

void Conclusion::saveCache(const CacheDecision &decision)
{
    const CacheSpec &cache = m_input.spec->caches.at(decision.cache);
    const QString about = QStringLiteral("cache ") + decision.key;
    if (decision.exactHit) {
        m_log.line(about + QStringLiteral(": not saved, the key already has an entry"));
        return;
    }
    if (cache.policy == CacheSpec::Policy::Pull) {
        m_log.line(about + QStringLiteral(": not saved (policy pull)"));
        return;
    }
    if (!whenMatches(cache.when, m_status)) {
        m_log.line(about
                   + QStringLiteral(": not saved (when: %1, and the job ended %2)")
                         .arg(keyword(cache.when), keyword(m_status)));
        return;
    }

    const std::optional<Manifest> files =
        storeSelected(about, expandedPaths(cache.paths, m_input), {});
    if (!files)
        return;
    CacheEntry entry;
    entry.key = decision.key;
    entry.createdAt = QDateTime::currentDateTimeUtc();
    entry.size = totalSize(*files);
    entry.runId = m_input.runId;
    entry.job = m_input.job;
    const Result<bool> added = m_catalog->addCache(entry, *files);
    if (!added) {
        m_log.line(about + QStringLiteral(": warning: ") + added.error().message);
    } else if (!*added) {
        m_log.line(about + QStringLiteral(": not saved, another job saved the key first"));
    } else {
        m_saved = true;
        m_log.line(about
                   + QStringLiteral(": saved %1 files (%2)")
                         .arg(files->size())
                         .arg(formatSize(entry.size)));
    }
}

void Conclusion::evict()
{
    const Result<QList<CacheEntry>> evicted = m_catalog->evictCaches(m_settings.cacheLimit);
    if (!evicted) {
        m_log.line(QStringLiteral("cache: warning: ") + evicted.error().message);
        return;
    }
    for (const CacheEntry &entry : *evicted) {
        m_log.line(QStringLiteral("cache: evicted %1 (%2, last used %3) to stay within %4")
                       .arg(entry.key, formatSize(entry.size),
                            entry.lastUsedAt.toString(Qt::ISODate),
                            formatSize(m_settings.cacheLimit)));
    }
    if (!evicted->isEmpty())
        removeUnusedBlobs(*m_catalog, m_blobs, Milliseconds(60 * 1000));
}

} // namespace

PreparedFiles prepareJobFiles(const FilesSettings &settings, const JobFilesInput &input)
{
    return Preparation(settings, input).run();
}

ConcludedJob concludeJobFiles(const FilesSettings &settings, const JobFilesInput &input,
                              JobStatus status, const QList<CacheDecision> &caches)
{
    return Conclusion(settings, input, status).run(caches);
}

} // namespace pw::files
