#include "redisstatus.h"

#include "core/notify/eventfollower.h"
#include "core/notify/redislocation.h"

namespace pw::gui {

RedisStatus::RedisStatus(const QString &redis, QObject *parent)
    : QObject(parent)
{
    if (redis.trimmed().isEmpty())
        return;
    const Result<RedisLocation> location = parseRedisLocation(redis.trimmed());
    if (!location) {
        m_problem = location.error().message;
        m_state = State::Invalid;
        return;
    }
    m_where = location->display();
    m_state = State::Connecting;
    m_follower = new EventFollower(*location, this);
    connect(m_follower->connection(), &RedisConnection::connected, this,
            [this] { setState(State::Connected); });
    connect(m_follower->connection(), &RedisConnection::disconnected, this,
            [this](const QString &reason) {
                m_problem = reason;
                setState(m_state == State::Connecting ? State::Connecting : State::Reconnecting);
            });
    connect(m_follower, &EventFollower::eventReceived, this, [this](const StreamEvent &event) {
        if (event.event.value(QLatin1String("type")).toString()
            == QLatin1String(eventtype::gateWaiting))
            emit gateWaiting();
    });
    // Only what happens from now on: gates that already wait are read from the store.
    if (const Status following = m_follower->follow(QStringLiteral("$")); !following)
        m_problem = following.error().message;
}

RedisStatus::~RedisStatus() = default;

QString RedisStatus::text() const
{
    switch (m_state) {
    case State::NotConfigured:
        return tr("Redis: not configured");
    case State::Invalid:
        return tr("Redis: invalid location");
    case State::Connecting:
        return tr("Redis: connecting to %1…").arg(m_where);
    case State::Connected:
        return tr("Redis: connected to %1").arg(m_where);
    case State::Reconnecting:
        return tr("Redis: reconnecting to %1…").arg(m_where);
    }
    return {};
}

void RedisStatus::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    if (state == State::Connected)
        m_problem.clear();
    emit stateChanged(state);
}

} // namespace pw::gui
