#include "connectionsettings.h"

#include "core/notify/redislocation.h"
#include "core/store/runstore.h"
#include "core/store/storelocation.h"

#include <QCoreApplication>
#include <QSettings>

namespace pw::gui {

namespace {

const QString storeKey = QStringLiteral("connection/store");
const QString redisKey = QStringLiteral("connection/redis");

QString tr(const char *text)
{
    return QCoreApplication::translate("pw::gui::ConnectionSettings", text);
}

} // namespace

ConnectionSettings ConnectionSettings::load()
{
    QSettings settings;
    return {settings.value(storeKey).toString(), settings.value(redisKey).toString()};
}

void ConnectionSettings::save() const
{
    QSettings settings;
    settings.setValue(storeKey, store.trimmed());
    settings.setValue(redisKey, redis.trimmed());
}

Status ConnectionSettings::check() const
{
    if (!store.trimmed().isEmpty()) {
        if (const Result<StoreLocation> parsed = parseStoreLocation(store.trimmed()); !parsed)
            return Status::failure(tr("History store: %1").arg(parsed.error().message));
    }
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

} // namespace pw::gui
