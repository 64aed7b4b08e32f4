#include "sharedservices.h"

#include "core/coordination/storecoordinator.h"
#include "core/notify/eventfollower.h"
#include "core/notify/eventpublisher.h"
#include "core/notify/runnotifier.h"
#include "core/store/storelocation.h"

#include <QEventLoop>
#include <QTimer>

namespace pw {

namespace {

QString identityOf(const QString &location)
{
    const Result<StoreLocation> parsed = parseStoreLocation(location);
    return parsed ? parsed->identity() : location;
}

} // namespace

SharedServices::SharedServices(const SharedServicesOptions &options)
    : m_storeName(identityOf(options.storeLocation))
    , m_coordinator(std::make_unique<StoreCoordinator>(options.storeLocation, options.coordination))
{}

SharedServices::~SharedServices() = default;

Result<std::unique_ptr<SharedServices>> SharedServices::create(const SharedServicesOptions &options)
{
    std::unique_ptr<SharedServices> services(new SharedServices(options));
    if (options.redis.isEmpty())
        return services;

    const Result<RedisLocation> redis = parseRedisLocation(options.redis);
    if (!redis)
        return redis.error();
    services->m_publisher = std::make_unique<EventPublisher>(*redis);
    services->m_notifier =
        std::make_unique<RunNotifier>(*services->m_publisher, services->m_storeName);
    services->m_follower = std::make_unique<EventFollower>(*redis);

    SharedServices *self = services.get();
    connect(self->m_follower.get(), &EventFollower::eventReceived, self,
            [self](const StreamEvent &event) { self->onEvent(event.event); });
    connect(self->m_coordinator.get(), &RunCoordinator::resourceReleased, self,
            [self](const ResourceClaim &claim) {
                RunRecord run;
                run.id = claim.runId;
                run.pipeline = claim.pipeline;
                self->publish(resourceReleasedEvent(self->m_storeName, run, claim.resource,
                                                    QDateTime::currentDateTimeUtc()));
            });
    if (Status following = self->m_follower->follow(QStringLiteral("$")); !following)
        return following.error();
    return services;
}

RunCoordinator *SharedServices::coordinator() const
{
    return m_coordinator.get();
}

RunEventSink *SharedServices::notifier() const
{
    return m_notifier.get();
}

void SharedServices::publish(const QJsonObject &event)
{
    if (m_publisher)
        m_publisher->publish(event);
}

void SharedServices::onEvent(const QJsonObject &event)
{
    // Only news about this store matters; what it says is read from the store itself.
    if (event.value(QStringLiteral("store")).toString() != m_storeName)
        return;
    const QString type = event.value(QStringLiteral("type")).toString();
    if (type == QLatin1String("gate_decision") || type == QLatin1String("resource_released"))
        m_coordinator->checkNow();
}

void SharedServices::flush(int timeoutMs)
{
    if (!m_publisher || m_publisher->unsentCount() == 0)
        return;
    QEventLoop loop;
    connect(m_publisher.get(), &EventPublisher::allSent, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace pw
