#include "connectionsettings.h"

#include "core/notify/redislocation.h"
#include "core/store/runstore.h"
#include "core/store/storelocation.h"

#include <QSettings>
#include <QThread>

namespace pw::gui {

namespace {

const QString storeKey = QStringLiteral("connection/store");
const QString redisKey = QStringLiteral("connection/redis");
const QString workersKey = QStringLiteral("run/workers");

} // namespace

ConnectionSettings ConnectionSettings::load()
{
    QSettings settings;
    ConnectionSettings loaded;
    loaded.store = settings.value(storeKey).toString();
    loaded.redis = settings.value(redisKey).toString();
    loaded.workers = qBound(0, settings.value(workersKey).toInt(), maxWorkers);
    return loaded;
}

void ConnectionSettings::save() const
{
    QSettings settings;
    settings.setValue(storeKey, store.trimmed());
    settings.setValue(redisKey, redis.trimmed());
    settings.setValue(workersKey, workers);
}

Status ConnectionSettings::check() const
{
    if (!store.trimmed().isEmpty()) {
        if (const Result<StoreLocation> parsed = parseStoreLocation(store.trimmed()); !parsed)
            return Status::failure(tr("History store: %1").arg(parsed.error().message));
    }
    if (workers < 0 || workers > maxWorkers)
        return Status::failure(tr("Workers: between 1 and %1").arg(maxWorkers));
    if (!redis.trimmed().isEmpty()) {
        if (const Result<RedisLocation> parsed = parseRedisLocation(redis.trimmed()); !parsed)
            return Status::failure(tr("Redis: %1").arg(parsed.error().message));
    }
    return {};
}

QString ConnectionSettings::effectiveStore() const
{
    return store.trimmed().isEmpty() ? defaultStoreLocation() : store.trimmed();
}

QString ConnectionSettings::effectiveRedis() const
{
    return redis.trimmed().isEmpty() ? qEnvironmentVariable(redisLocationVariable)
                                     : redis.trimmed();
}

int ConnectionSettings::effectiveWorkers() const
{
    return workers > 0 ? workers : qMax(1, QThread::idealThreadCount());
}

} // namespace pw::gui
