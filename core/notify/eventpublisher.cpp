#include "eventpublisher.h"

#include "notifylog.h"

#include <QJsonDocument>

namespace pw {

EventPublisher::EventPublisher(const RedisLocation &location, QObject *parent)
    : EventPublisher(location, Options(), parent)
{}

EventPublisher::EventPublisher(const RedisLocation &location, const Options &options,
                               QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_connection(new RedisConnection(location, options.connection, this))
{
    connect(m_connection, &RedisConnection::connected, this, &EventPublisher::sendUnsent);
    connect(m_connection, &RedisConnection::disconnected, this, [this] {
        // What was in flight is sent again once the connection is back.
        m_sending = 0;
        ++m_generation;
    });
}

void EventPublisher::publish(const QJsonObject &event)
{
    QByteArray json = QJsonDocument(event).toJson(QJsonDocument::Compact);
    if (json.size() > maxEventBytes) {
        qCWarning(lcNotify, "dropped a %s event of %lld bytes: readers accept at most %lld",
                  qPrintable(event.value(QLatin1String("type")).toString()), qint64(json.size()),
                  qint64(maxEventBytes));
        return;
    }

    // Held events beyond the bound: the oldest go first, since the newest matter most.
    if (m_unsent.size() >= m_options.maxUnsent && m_unsent.size() > m_sending) {
        if (!m_overflowWarned) {
            qCWarning(lcNotify,
                      "Redis at %s is unreachable and %d events wait; dropping the "
                      "oldest of them",
                      qPrintable(m_connection->location().display()), m_options.maxUnsent);
            m_overflowWarned = true;
        }
        m_unsent.removeAt(m_sending);
    }
    m_unsent.enqueue(std::move(json));
    sendUnsent();
}

void EventPublisher::sendUnsent()
{
    if (!m_connection->isConnected())
        return;

    // Pipelined: replies come back in order, so each success stores the oldest sent one.
    // The window stays well below the connection's bound on commands in flight.
    constexpr int window = 100;
    while (m_sending < m_unsent.size() && m_sending < window) {
        const QList<QByteArray> command = {"XADD",
                                           m_options.stream.toUtf8(),
                                           "MAXLEN",
                                           "~",
                                           QByteArray::number(m_options.streamLength),
                                           "*",
                                           "event",
                                           m_unsent.at(m_sending)};
        const quint64 generation = m_generation;
        m_connection->command(
            command, [this, generation](const RedisReply &reply) { onAdded(generation, reply); });
        ++m_sending;
    }
}

void EventPublisher::onAdded(quint64 generation, const RedisReply &reply)
{
    if (generation != m_generation)
        return;
    if (reply.connectionError) {
        // Kept for the next connection, which the disconnected() signal announces.
        m_sending = 0;
        ++m_generation;
        return;
    }
    if (reply.isError()) {
        qCWarning(lcNotify, "Redis at %s refused an event, which is dropped: %s",
                  qPrintable(m_connection->location().display()), reply.text.constData());
    }
    m_unsent.dequeue();
    --m_sending;
    if (m_unsent.isEmpty()) {
        m_overflowWarned = false;
        emit allSent();
        return;
    }
    sendUnsent();
}

} // namespace pw
