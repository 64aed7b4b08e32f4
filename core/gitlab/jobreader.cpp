#include "jobreader.h"

#include "rulesreader.h"

#include <QRegularExpression>

namespace pw::gitlab {

namespace {

// GitLab's own limits, kept so that a file GitLab rejects is not accepted here.
constexpr int maxParallel = 200;
constexpr int maxCaches = 4;
constexpr int maxGitLabRetries = 2;

// GitLab's artifact and cache paths are relative to the project; one written as
// $CI_PROJECT_DIR/... means the same.
QStringList projectRelative(QStringList paths)
{
    static const QRegularExpression prefix(
        QStringLiteral("^(\\$CI_PROJECT_DIR|\\$\\{CI_PROJECT_DIR\\})(/+|$)"));
    for (QString &path : paths) {
        path.remove(prefix);
        if (path.isEmpty())
            path = QStringLiteral(".");
    }
    return paths;
}

struct JobDraft
{
    JobDeclaration declaration;
    QString where;
    bool allowFailureGiven = false;
    bool scriptGiven = false;
};

const QStringList &ignoredHereKeys()
{
    static const QStringList keys = {"image", "services", "tags"};
    return keys;
}

const QStringList &unsupportedKeys()
{
    static const QStringList keys = {"environment",
                                     "coverage",
                                     "only",
                                     "except",
                                     "release",
                                     "pages",
                                     "id_tokens",
                                     "secrets",
                                     "hooks",
                                     "identity",
                                     "dast_configuration",
                                     "start_in",
                                     "manual_confirmation"};
    return keys;
}

void readAllowFailure(ValueReader &reader, const DocNode &value, JobDraft &draft)
{
    Job &job = draft.declaration.job;
    draft.allowFailureGiven = true;
    if (!value.isMap()) {
        job.allowFailure = reader.boolean(value, QStringLiteral("allow_failure")).value_or(false);
        return;
    }
    const DocNode *codes = value.find(QStringLiteral("exit_codes"));
    if (!codes || value.entries.size() != 1) {
        reader.error(value, QStringLiteral("'allow_failure' must be true, false or a map with "
                                           "'exit_codes'"));
        return;
    }
    const QList<DocNode> items = codes->isList() ? codes->items : QList<DocNode>{*codes};
    for (const DocNode &item : items) {
        if (const std::optional<int> code = reader.wholeNumber(item, "exit_codes", 0, 255))
            job.allowFailureExitCodes.append(*code);
    }
    job.allowFailure = true;
}

std::optional<CacheSpec> readCache(ValueReader &reader, const DocNode &map, const QString &where)
{
    if (!map.isMap()) {
        reader.error(map, QStringLiteral("each cache must be a map, got %1").arg(describe(map)));
        return std::nullopt;
    }
    CacheSpec cache;
    cache.location = map.location;
    cache.key = QStringLiteral("default");
    cache.keyGiven = true;
    static const QStringList keys = {"key",           "paths",     "policy",   "when",
                                     "fallback_keys", "untracked", "unprotect"};
    for (const DocEntry &entry :
         reader.entries(map, keys, QStringLiteral("the cache of ") + where)) {
        const DocNode &value = entry.value;
        if (entry.key == QLatin1String("key") && value.isMap()) {
            const DocNode *files = value.find(QStringLiteral("files"));
            const DocNode *prefix = value.find(QStringLiteral("prefix"));
            cache.files =
                files ? projectRelative(reader.textList(*files, "files").value_or(QStringList()))
                      : QStringList();
            // The key is the prefix and a digest of the files' contents, and of nothing else:
            // jobs listing the same files share the entry whatever their commands.
            cache.key = prefix ? reader.text(*prefix, "prefix").value_or(QString()) : QString();
            cache.keyGiven = true;
            if (!files)
                reader.error(value, QStringLiteral("a cache key map needs 'files'"));
        } else if (entry.key == QLatin1String("key")) {
            cache.key = reader.text(value, entry.key).value_or(cache.key);
        } else if (entry.key == QLatin1String("paths")) {
            cache.paths =
                projectRelative(reader.textList(value, entry.key).value_or(QStringList()));
        } else if (entry.key == QLatin1String("policy")) {
            const QString policy = value.text;
            if (policy == QLatin1String("pull"))
                cache.policy = CacheSpec::Policy::Pull;
            else if (policy == QLatin1String("push"))
                cache.policy = CacheSpec::Policy::Push;
            else if (policy != QLatin1String("pull-push") && !policy.contains(QLatin1Char('$')))
                reader.error(value, QStringLiteral("cache 'policy' must be pull, push or "
                                                   "pull-push, got %1")
                                        .arg(describe(value)));
        } else if (entry.key == QLatin1String("when")) {
            const std::optional<When> when = readGitLabWhen(reader, value);
            if (when == When::Manual || when == When::Never)
                reader.error(value, QStringLiteral("cache 'when' must be on_success, on_failure "
                                                   "or always"));
            else if (when)
                cache.when = *when;
        } else if (entry.key == QLatin1String("fallback_keys")) {
            cache.fallbackKeys = reader.textList(value, entry.key).value_or(QStringList());
        } else if (entry.key == QLatin1String("untracked")) {
            reader.warning(value, QStringLiteral("cache 'untracked' is not supported and is "
                                                 "ignored"));
        }
    }
    return cache;
}

void readCaches(ValueReader &reader, const DocNode &value, JobDraft &draft)
{
    QList<CacheSpec> &caches = draft.declaration.job.caches;
    caches.clear();
    const QList<DocNode> items = value.isList() ? value.items : QList<DocNode>{value};
    for (const DocNode &item : items) {
        if (const std::optional<CacheSpec> cache = readCache(reader, item, draft.where))
            caches.append(*cache);
    }
    if (caches.size() > maxCaches)
        reader.error(value, QStringLiteral("a job may have at most %1 caches").arg(maxCaches));
}

void readReports(ValueReader &reader, const DocNode &value, ArtifactSpec &artifacts)
{
    for (const DocEntry &entry : value.entries) {
        if (entry.key == QLatin1String("dotenv"))
            artifacts.dotenvReports =
                reader.textList(entry.value, "dotenv").value_or(QStringList());
        else
            reader.warning(entry.value,
                           QStringLiteral("artifact report '%1' is ignored").arg(entry.key));
    }
}

void readArtifacts(ValueReader &reader, const DocNode &map, JobDraft &draft)
{
    if (!map.isMap()) {
        reader.error(map, QStringLiteral("'artifacts' must be a map, got %1").arg(describe(map)));
        return;
    }
    ArtifactSpec artifacts;
    artifacts.location = map.location;
    static const QStringList keys = {"paths", "exclude",   "when",      "expire_in", "reports",
                                     "name",  "untracked", "expose_as", "public",    "access"};
    for (const DocEntry &entry :
         reader.entries(map, keys, QStringLiteral("the artifacts of ") + draft.where)) {
        const DocNode &value = entry.value;
        if (entry.key == QLatin1String("paths")) {
            artifacts.paths =
                projectRelative(reader.textList(value, entry.key).value_or(QStringList()));
        } else if (entry.key == QLatin1String("exclude")) {
            artifacts.exclude =
                projectRelative(reader.textList(value, entry.key).value_or(QStringList()));
        } else if (entry.key == QLatin1String("when")) {
            const std::optional<When> when = readGitLabWhen(reader, value);
            if (when == When::Manual || when == When::Never)
                reader.error(value, QStringLiteral("artifacts 'when' must be on_success, "
                                                   "on_failure or always"));
            else if (when)
                artifacts.when = *when;
        } else if (entry.key == QLatin1String("expire_in")) {
            if (value.text != QLatin1String("never"))
                artifacts.expireIn = reader.duration(value, entry.key);
        } else if (entry.key == QLatin1String("reports")) {
            readReports(reader, value, artifacts);
        } else if (entry.key == QLatin1String("untracked")) {
            reader.warning(value, QStringLiteral("artifacts 'untracked' is not supported and is "
                                                 "ignored"));
        }
    }
    draft.declaration.job.artifacts = artifacts;
}

MatrixGroup readMatrixEntry(ValueReader &reader, const DocNode &entry)
{
    MatrixGroup group;
    if (!entry.isMap() || entry.entries.isEmpty()) {
        reader.error(entry, QStringLiteral("each matrix entry must map names to values, got %1")
                                .arg(describe(entry)));
        return group;
    }
    for (const DocEntry &dimension : entry.entries) {
        const std::optional<QStringList> values = reader.textList(dimension.value, dimension.key);
        if (values && !values->isEmpty())
            group.append({dimension.key, *values});
        else if (values)
            reader.error(dimension.value,
                         QStringLiteral("matrix variable '%1' has no values").arg(dimension.key));
    }
    return group;
}

void readParallel(ValueReader &reader, const DocNode &value, JobDraft &draft)
{
    Job &job = draft.declaration.job;
    if (!value.isMap()) {
        job.parallel = reader.wholeNumber(value, "parallel", 1, maxParallel).value_or(0);
        return;
    }
    const DocNode *matrix = value.find(QStringLiteral("matrix"));
    if (!matrix || !matrix->isList() || matrix->items.isEmpty()) {
        reader.error(value, QStringLiteral("'parallel' must be a number or a map with a "
                                           "'matrix' list"));
        return;
    }
    qint64 instances = 0;
    for (const DocNode &entry : matrix->items) {
        const MatrixGroup group = readMatrixEntry(reader, entry);
        qint64 count = group.isEmpty() ? 0 : 1;
        for (const MatrixDimension &dimension : group)
            count = std::min<qint64>(count * dimension.values.size(), maxParallel + 1);
        instances += count;
        if (!group.isEmpty())
            job.matrix.append(group);
    }
    if (instances > maxParallel) {
        reader.error(value, QStringLiteral("the matrix of %1 gives more than %2 jobs")
                                .arg(draft.where)
                                .arg(maxParallel));
    }
}

void readRetry(ValueReader &reader, const DocNode &value, JobDraft &draft)
{
    const DocNode *max = value.isMap() ? value.find(QStringLiteral("max")) : &value;
    if (value.isMap()
        && (value.find(QStringLiteral("when")) || value.find(QStringLiteral("exit_codes")))) {
        reader.warning(value, QStringLiteral("retry 'when' and 'exit_codes' are not supported: "
                                             "every failure is retried"));
    }
    if (max)
        draft.declaration.job.retry =
            reader.wholeNumber(*max, "retry", 0, maxGitLabRetries).value_or(0);
}

void readKey(ValueReader &reader, const DocEntry &entry, JobDraft &draft)
{
    Job &job = draft.declaration.job;
    const DocNode &value = entry.value;
    const QString &key = entry.key;
    if (key == QLatin1String("script")) {
        draft.scriptGiven = true;
        job.commands = reader.script(value, key).value_or(QStringList());
    } else if (key == QLatin1String("before_script")) {
        job.beforeCommands = reader.script(value, key).value_or(QStringList());
    } else if (key == QLatin1String("after_script")) {
        job.afterCommands = reader.script(value, key).value_or(QStringList());
    } else if (key == QLatin1String("stage")) {
        draft.declaration.stage = reader.text(value, key).value_or(QStringLiteral("test"));
        draft.declaration.stageLocation = value.location;
    } else if (key == QLatin1String("needs")) {
        job.needsGiven = true;
        job.needs = readNeeds(reader, value, draft.where).value_or(QList<JobNeed>());
    } else if (key == QLatin1String("dependencies")) {
        job.artifactsFrom = reader.textList(value, key).value_or(QStringList());
    } else if (key == QLatin1String("when")) {
        job.when = readGitLabWhen(reader, value).value_or(When::OnSuccess);
    } else if (key == QLatin1String("allow_failure")) {
        readAllowFailure(reader, value, draft);
    } else if (key == QLatin1String("rules")) {
        job.rules = readRules(reader, value, draft.where, false).value_or(QList<Rule>());
    } else if (key == QLatin1String("variables")) {
        job.env = reader.variables(value, key).value_or(Variables());
    } else if (key == QLatin1String("cache")) {
        readCaches(reader, value, draft);
    } else if (key == QLatin1String("artifacts")) {
        readArtifacts(reader, value, draft);
    } else if (key == QLatin1String("parallel")) {
        readParallel(reader, value, draft);
    } else if (key == QLatin1String("timeout")) {
        job.timeout = reader.duration(value, key);
    } else if (key == QLatin1String("retry")) {
        readRetry(reader, value, draft);
    } else if (key == QLatin1String("interruptible")) {
        job.interruptible = reader.boolean(value, key).value_or(false);
    } else if (key == QLatin1String("resource_group")) {
        job.resource = reader.text(value, key).value_or(QString());
    } else if (key == QLatin1String("inherit") && value.find(QStringLiteral("variables"))) {
        reader.warning(value, QStringLiteral("'inherit: variables' is not supported: %1 sees "
                                             "every global variable")
                                  .arg(draft.where));
    } else if (ignoredHereKeys().contains(key)) {
        reader.sink().warning(entry.keyLocation, QStringLiteral("'%1' of %2 is ignored: "
                                                                "Pipewright runs jobs on this "
                                                                "machine")
                                                     .arg(key, draft.where));
    } else if (unsupportedKeys().contains(key)) {
        reader.sink().warning(entry.keyLocation, QStringLiteral("'%1' of %2 is not supported "
                                                                "and is ignored")
                                                     .arg(key, draft.where));
    }
}

// The job's keys with those of `default:` it does not set itself, unless `inherit: default`
// says otherwise.
DocNode withDefaults(ValueReader &reader, const DocNode &job, const DocNode &defaults)
{
    QStringList inherited = defaultKeys();
    if (const DocNode *inherit = job.find(QStringLiteral("inherit"))) {
        if (const DocNode *fromDefault = inherit->find(QStringLiteral("default"))) {
            if (fromDefault->isList())
                inherited = reader.textList(*fromDefault, "default").value_or(QStringList());
            else if (!reader.boolean(*fromDefault, "default").value_or(true))
                inherited.clear();
        }
    }
    DocNode result = job;
    for (const DocEntry &entry : defaults.entries) {
        if (inherited.contains(entry.key) && !result.find(entry.key))
            result.entries.append(entry);
    }
    return result;
}

} // namespace

const QStringList &jobKeys()
{
    static const QStringList keys = [] {
        QStringList known = {"script",         "before_script", "after_script", "stage",
                             "needs",          "dependencies",  "when",         "allow_failure",
                             "rules",          "variables",     "cache",        "artifacts",
                             "parallel",       "timeout",       "retry",        "interruptible",
                             "resource_group", "extends",       "trigger",      "run",
                             "inherit"};
        return known + ignoredHereKeys() + unsupportedKeys();
    }();
    return keys;
}

const QStringList &defaultKeys()
{
    static const QStringList keys = {"image",         "services",  "before_script", "after_script",
                                     "cache",         "artifacts", "retry",         "timeout",
                                     "interruptible", "tags",      "hooks",         "id_tokens"};
    return keys;
}

std::optional<JobDeclaration> readJob(ValueReader &reader, const DocEntry &entry,
                                      const JobDefaults &defaults)
{
    JobDraft draft;
    draft.where = QStringLiteral("job '%1'").arg(entry.key);
    if (!entry.value.isMap()) {
        reader.sink().error(entry.keyLocation, QStringLiteral("%1 must be a map of keywords, "
                                                              "got %2")
                                                   .arg(draft.where, describe(entry.value)));
        return std::nullopt;
    }
    if (entry.value.find(QStringLiteral("trigger"))) {
        reader.sink().warning(entry.keyLocation,
                              QStringLiteral("%1 triggers another pipeline, which is not "
                                             "supported; it is left out")
                                  .arg(draft.where));
        return std::nullopt;
    }

    Job &job = draft.declaration.job;
    job.name = entry.key;
    job.location = entry.keyLocation;
    job.shell = defaults.shell;
    job.singleSession = true;
    // Each GitLab job starts from a fresh copy of the project; files reach it only as
    // artifacts and caches.
    job.isolated = true;
    draft.declaration.stage = QStringLiteral("test");
    draft.declaration.stageLocation = entry.keyLocation;

    const DocNode keywords = withDefaults(reader, entry.value, defaults.keywords);
    for (const DocEntry &key : reader.entries(keywords, jobKeys(), draft.where))
        readKey(reader, key, draft);

    if (!draft.scriptGiven) {
        reader.sink().error(entry.keyLocation,
                            QStringLiteral("%1 has no 'script'").arg(draft.where));
        return std::nullopt;
    }
    // A manual job may fail without failing the pipeline unless it says otherwise.
    if (job.when == When::Manual && !draft.allowFailureGiven)
        job.allowFailure = true;
    return draft.declaration;
}

} // namespace pw::gitlab
