#pragma once

#include "pipelineevent.h"
#include "redisconnection.h"

#include <QJsonObject>
#include <QObject>
#include <QQueue>

namespace pw {

// Puts events on the Redis stream with XADD ... MAXLEN ~ N, in the order published, on its
// own connection. publish() never waits: events wait in a bounded queue while Redis is
// away (the oldest are dropped, with one warning, when it overflows) and go out when it is
// back. An event the server refuses is dropped with a warning; one lost with the connection
// is sent again, so a reader may see it twice (the guarantee is at least once).
class EventPublisher : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString stream = QLatin1String(defaultEventStream);
        int streamLength = 10000; // MAXLEN ~: Redis keeps about this many events
        int maxUnsent = 1000;     // events held while Redis cannot be reached
        RedisConnection::Options connection;
    };

    explicit EventPublisher(const RedisLocation &location, QObject *parent = nullptr);
    EventPublisher(const RedisLocation &location, const Options &options,
                   QObject *parent = nullptr);

    void publish(const QJsonObject &event);

    // Events published and not yet stored by Redis.
    int unsentCount() const { return int(m_unsent.size()); }
    RedisConnection *connection() const { return m_connection; }

signals:
    // Every event published so far is stored by Redis.
    void allSent();

private:
    void sendUnsent();
    void onAdded(quint64 generation, const RedisReply &reply);

    Options m_options;
    RedisConnection *m_connection = nullptr;
    QQueue<QByteArray> m_unsent; // oldest first; the first m_sending of them are in flight
    int m_sending = 0;
    quint64 m_generation = 0; // counts connection losses, to ignore replies of an older one
    bool m_overflowWarned = false;
};

} // namespace pw
