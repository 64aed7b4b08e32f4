#pragma once

#include "core/coordination/coordinationoptions.h"
#include "core/exec/runcoordinator.h"
#include "core/exec/runeventsink.h"
#include "core/util/result.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace pw {

class EventFollower;
class EventPublisher;
class RunNotifier;
class StoreCoordinator;

struct SharedServicesOptions
{
    // The history store: gates and resource claims are kept there.
    QString storeLocation;
    // redis://host:port for notifications; empty: none, and waits rely on polling alone.
    QString redis;
    CoordinationOptions coordination;
};

// What a run needs to take part in a team's shared mode: a coordinator that keeps gates and
// resource locks in the store, and, with Redis, notifications both ways: the run's gates and
// its end are published, and news of decisions and released resources makes the coordinator
// read the store again at once. A Redis message never decides anything by itself.
class SharedServices : public QObject
{
    Q_OBJECT

public:
    // Fails only for a Redis location that cannot be read; an unreachable server is retried.
    static Result<std::unique_ptr<SharedServices>> create(const SharedServicesOptions &options);
    ~SharedServices() override;

    RunCoordinator *coordinator() const;
    // Publishes the run's events; null without Redis.
    RunEventSink *notifier() const;
    // Publishes one more event (a decision made here), when there is Redis.
    void publish(const QJsonObject &event);
    // The store as events name it.
    QString storeName() const { return m_storeName; }

    // Waits, at most `timeoutMs`, until everything published has reached Redis.
    void flush(int timeoutMs);

private:
    explicit SharedServices(const SharedServicesOptions &options);
    void onEvent(const QJsonObject &event);

    QString m_storeName;
    std::unique_ptr<StoreCoordinator> m_coordinator;
    std::unique_ptr<EventPublisher> m_publisher;
    std::unique_ptr<EventFollower> m_follower;
    std::unique_ptr<RunNotifier> m_notifier;
};

} // namespace pw
