#pragma once

#include "pipelineevent.h"
#include "redisconnection.h"

#include <QObject>

#include <functional>

namespace pw {

// The newest events of the stream, oldest first, and the id of the newest entry read
// ("0-0" for an empty stream), from which following can go on without a gap.
struct LatestEvents
{
    QList<StreamEvent> events;
    QByteArray newestId;
};

// Reads the event stream on its own connection: follows it with XREAD BLOCK, and reads
// the newest entries once for catching up. Entries that are not valid events are skipped
// with one warning each, naming the entry. After a lost connection it goes on after the
// last entry it saw, so that none is missed or delivered twice.
class EventFollower : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString stream = QLatin1String(defaultEventStream);
        int blockMs = 2000; // how long one XREAD waits for entries before asking again
        int batch = 50;     // entries per XREAD at most
        RedisConnection::Options connection;
    };

    explicit EventFollower(const RedisLocation &location, QObject *parent = nullptr);
    EventFollower(const RedisLocation &location, const Options &options, QObject *parent = nullptr);

    // Follows the stream after `position`: "$" for entries added from the first time it
    // reaches Redis on, "0" for all it holds, or an entry id such as "1700000000000-0".
    // Fails for anything else.
    Status follow(const QString &position);
    void stop();

    // Reads the newest `count` (1 to 10000) entries once. While not connected, fails at
    // once with the connection's reason.
    void readLatest(int count, std::function<void(const Result<LatestEvents> &)> done);

    // The id of the last entry read, or the position given to follow().
    QByteArray position() const { return m_position; }
    RedisConnection *connection() const { return m_connection; }

signals:
    void eventReceived(const pw::StreamEvent &event);

private:
    void readNext();
    void resolveNewest();
    void onRead(quint64 generation, const RedisReply &reply);
    bool deliver(const RedisReply &entries);
    std::optional<StreamEvent> readEntry(const RedisReply &entry, QByteArray *id) const;
    void retryLater(const QString &problem);

    Options m_options;
    RedisConnection *m_connection = nullptr;
    QByteArray m_position;
    bool m_following = false;
    bool m_reading = false;   // an XREAD or XREVRANGE of following is in flight
    quint64 m_generation = 0; // counts follow() and stop(), to ignore replies of before
    QString m_lastProblem;
};

// Whether `text` is an entry id: digits, or digits, a dash and digits.
bool isStreamId(const QString &text);

} // namespace pw
