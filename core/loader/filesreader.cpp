#include "filesreader.h"

#include "keyrules.h"
#include "values.h"

#include <QRegularExpression>

namespace pw::loader {

namespace {

// Why a path of a cache or artifact list may not be used, or an empty text when it may:
// such paths are relative to the pipeline's folder and stay inside it.
QString pathProblem(const QString &path)
{
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:"));
    if (path.startsWith(QLatin1Char('/')) || path.startsWith(QLatin1Char('\\'))
        || drive.match(path).hasMatch())
        return QStringLiteral("is absolute; paths are relative to the pipeline's folder");

    int depth = 0;
    static const QRegularExpression separators(QStringLiteral("[/\\\\]"));
    for (const QString &part : path.split(separators, Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".."))
            --depth;
        else if (part != QLatin1String("."))
            ++depth;
        if (depth < 0)
            return QStringLiteral("leaves the pipeline's folder");
    }
    return QString();
}

std::optional<QStringList> readPaths(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;

    QStringList paths;
    bool valid = true;
    for (const TextItem &item : *items) {
        const QString problem = pathProblem(item.text);
        if (!problem.isEmpty()) {
            reader.error(item.node,
                         QStringLiteral("path '%1' in '%2' %3").arg(item.text, entry.key, problem));
            valid = false;
        }
        paths.append(item.text);
    }
    return valid ? std::optional(paths) : std::nullopt;
}

// `paths` of a cache or of artifacts: what would an empty list keep?
std::optional<QStringList> readRequiredPaths(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QStringList> paths = readPaths(reader, entry);
    if (paths && paths->isEmpty()) {
        reader.errorAtValue(entry,
                            QStringLiteral("'%1' must list at least one path").arg(entry.key));
        return std::nullopt;
    }
    return paths;
}

// Cache keys name entries in the cache store, so they are kept to one path component.
bool checkCacheKey(YamlReader &reader, const QString &key, const YamlNode &node)
{
    if (key.contains(QLatin1Char('/')) || key.contains(QLatin1Char('\\'))) {
        reader.error(node, QStringLiteral("cache key '%1' must not contain '/' or '\\'").arg(key));
        return false;
    }
    if (key == QLatin1String(".") || key == QLatin1String("..")) {
        reader.error(node, QStringLiteral("cache key '%1' is not allowed").arg(key));
        return false;
    }
    return true;
}

std::optional<QString> readCacheKey(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QString> key = readName(reader, entry);
    if (!key || !checkCacheKey(reader, *key, entry.value))
        return std::nullopt;
    return key;
}

std::optional<QStringList> readFallbackKeys(YamlReader &reader, const MapEntry &entry)
{
    const std::optional<QList<TextItem>> items = readTextItems(reader, entry);
    if (!items)
        return std::nullopt;

    QStringList keys;
    for (const TextItem &item : *items) {
        if (checkCacheKey(reader, item.text, item.node))
            keys.append(item.text);
    }
    return keys;
}

std::optional<CacheSpec::Policy> readPolicy(YamlReader &reader, const MapEntry &entry)
{
    static const QStringList choices = {"pull-push", "pull", "push"};
    const std::optional<QString> choice = readChoice(reader, entry, choices);
    if (!choice)
        return std::nullopt;
    if (*choice == choices[1])
        return CacheSpec::Policy::Pull;
    return *choice == choices[2] ? CacheSpec::Policy::Push : CacheSpec::Policy::PullPush;
}

const KeyRules<CacheSpec> &cacheRules()
{
    static const KeyRules<CacheSpec> rules(
        {
            {"key",
             [](auto &r, auto &e, CacheSpec &cache) {
                 cache.keyGiven = true;
                 assign(cache.key, readCacheKey(r, e));
             }},
            {"files",
             [](auto &r, auto &e, CacheSpec &cache) { assign(cache.files, readPaths(r, e)); }},
            {"paths", [](auto &r, auto &e,
                         CacheSpec &cache) { assign(cache.paths, readRequiredPaths(r, e)); }},
            {"policy",
             [](auto &r, auto &e, CacheSpec &cache) { assign(cache.policy, readPolicy(r, e)); }},
            {"fallback_keys",
             [](auto &r, auto &e, CacheSpec &cache) {
                 assign(cache.fallbackKeys, readFallbackKeys(r, e));
             }},
            {"skip_on_hit",
             [](auto &r, auto &e, CacheSpec &cache) { assign(cache.skipOnHit, readBool(r, e)); }},
            {"when",
             [](auto &r, auto &e, CacheSpec &cache) { assign(cache.when, readWhen(r, e)); }},
        },
        {QStringLiteral("paths")});
    return rules;
}

std::optional<CacheSpec> readCache(YamlReader &reader, const YamlNode &map, const QString &where)
{
    if (!map.isMap()) {
        reader.error(
            map, QStringLiteral("the items of 'cache' must be maps, got %1").arg(describe(map)));
        return std::nullopt;
    }
    CacheSpec cache;
    cache.location = reader.locate(map);
    cacheRules().read(reader, map, where, cache);
    return cache;
}

// `expire_in: never` keeps artifacts until they are deleted by hand.
std::optional<std::optional<Milliseconds>> readExpiry(YamlReader &reader, const MapEntry &entry)
{
    if (entry.value.text() == QLatin1String("never"))
        return std::optional<Milliseconds>();
    const std::optional<Milliseconds> duration = readDuration(reader, entry);
    return duration ? std::optional(duration) : std::nullopt;
}

const KeyRules<ArtifactSpec> &artifactRules()
{
    static const KeyRules<ArtifactSpec> rules(
        {
            {"paths",
             [](auto &r, auto &e, ArtifactSpec &artifacts) {
                 assign(artifacts.paths, readRequiredPaths(r, e));
             }},
            {"exclude",
             [](auto &r, auto &e, ArtifactSpec &artifacts) {
                 assign(artifacts.exclude, readPaths(r, e));
             }},
            {"expire_in",
             [](auto &r, auto &e, ArtifactSpec &artifacts) {
                 assign(artifacts.expireIn, readExpiry(r, e));
             }},
            {"when", [](auto &r, auto &e,
                        ArtifactSpec &artifacts) { assign(artifacts.when, readWhen(r, e)); }},
        },
        {QStringLiteral("paths")});
    return rules;
}

} // namespace

std::optional<QList<CacheSpec>> readCaches(YamlReader &reader, const MapEntry &entry,
                                           const QString &where)
{
    if (entry.value.isMap()) {
        const std::optional<CacheSpec> cache =
            readCache(reader, entry.value, QStringLiteral("the cache of ") + where);
        return cache ? std::optional(QList<CacheSpec>{*cache}) : std::nullopt;
    }
    if (!entry.value.isList()) {
        reader.errorAtValue(entry, QStringLiteral("'cache' must be a map or a list of maps, got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }

    QList<CacheSpec> caches;
    const QList<YamlNode> items = reader.items(entry.value);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QString cacheWhere = QStringLiteral("cache %1 of %2").arg(i + 1).arg(where);
        if (const std::optional<CacheSpec> cache = readCache(reader, items[i], cacheWhere))
            caches.append(*cache);
    }
    return caches;
}

std::optional<ArtifactSpec> readArtifacts(YamlReader &reader, const MapEntry &entry,
                                          const QString &where)
{
    if (!entry.value.isMap()) {
        reader.errorAtValue(entry, QStringLiteral("'artifacts' must be a map with 'paths', got %1")
                                       .arg(describe(entry.value)));
        return std::nullopt;
    }
    ArtifactSpec artifacts;
    artifacts.location = reader.locate(entry.value);
    artifactRules().read(reader, entry.value, QStringLiteral("the artifacts of ") + where,
                         artifacts);
    return artifacts;
}

} // namespace pw::loader
