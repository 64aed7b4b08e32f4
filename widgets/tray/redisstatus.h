#pragma once

#include <QObject>

namespace pw {
class EventFollower;
}

namespace pw::gui {

// Whether the app hears of other workstations' runs through Redis, for the status bar, and
// a signal as soon as Redis tells that a gate started waiting.
class RedisStatus : public QObject
{
    Q_OBJECT

public:
    enum class State { NotConfigured, Invalid, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    // `redis`: redis://host[:port][/db], or empty for none.
    explicit RedisStatus(const QString &redis, QObject *parent = nullptr);
    ~RedisStatus() override;

    State state() const { return m_state; }
    // A few words for the status bar: "Redis: connected".
    QString text() const;
    // What went wrong last (the location, the connection), for a tooltip.
    QString problem() const { return m_problem; }

signals:
    void stateChanged(pw::gui::RedisStatus::State state);
    // An event said that a gate started waiting; the store says whose it is.
    void gateWaiting();

private:
    void setState(State state);

    EventFollower *m_follower = nullptr;
    State m_state = State::NotConfigured;
    QString m_where;
    QString m_problem;
};

} // namespace pw::gui
