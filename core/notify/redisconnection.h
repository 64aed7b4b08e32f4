#pragma once

#include "redislocation.h"
#include "redisreply.h"
#include "replylimit.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

class QHostInfo;
class QSocketNotifier;
struct redisAsyncContext;

namespace pw {

// One connection to Redis, driven by the Qt event loop: hiredis's asynchronous context
// watched through socket notifiers, so no thread ever waits on the socket. It connects as
// soon as it is made, and after a failure or a loss tries again with a growing pause
// (250 ms doubling to 5 s by default) for as long as it lives.
//
// Deleting it is safe at any time, also from inside a reply callback or a slot of its
// signals: callbacks of commands still in flight are then never called.
class RedisConnection : public QObject
{
    Q_OBJECT

public:
    using Callback = std::function<void(const RedisReply &)>;

    struct Options
    {
        int connectTimeoutMs = 3000; // to connect, authenticate and answer a PING
        int replyTimeoutMs = 15000;  // with commands in flight, the longest silence
        int firstRetryMs = 250;
        int longestRetryMs = 5000;
        int maxInFlight = 10000; // commands sent and not yet answered
    };

    explicit RedisConnection(const RedisLocation &location, QObject *parent = nullptr);
    RedisConnection(const RedisLocation &location, const Options &options,
                    QObject *parent = nullptr);
    ~RedisConnection() override;

    const RedisLocation &location() const { return m_location; }
    // True from connected() until disconnected(): commands are sent.
    bool isConnected() const { return m_state == State::Ready; }
    int inFlight() const { return m_inFlight; }

    // Sends one command (each argument binary-safe) and calls `callback` with its reply,
    // always from the event loop, never from within this call. While not connected, or with
    // too many commands in flight, the callback gets a connection error at once instead of
    // the command waiting. A reply lost with the connection is a connection error too.
    void command(const QList<QByteArray> &arguments, Callback callback);

signals:
    // The server answered and is ready for commands (after AUTH and SELECT when needed).
    void connected();
    // An attempt failed or a working connection was lost; another attempt follows.
    void disconnected(const QString &reason);

private:
    enum class State { Waiting, Resolving, Connecting, Handshake, Ready };
    struct Pending;

    void startAttempt();
    void onLookedUp(const QHostInfo &info);
    void connectTo(const QHostAddress &address);
    void attach(redisAsyncContext *context);
    void detach(redisAsyncContext *context);
    void dropNotifiers();
    void handshake();
    void handshakeStep(QList<QList<QByteArray>> steps);
    void handshakeFailed(const QString &reason);
    void onAttemptTimeout();
    void onReplyTimeout();
    bool releaseContext(const QString &reason);
    void connectionFailed(const QString &reason);
    void noteReply();
    void failSoon(Callback callback, const QString &message);
    void send(const QList<QByteArray> &arguments, Callback callback);

    static void onConnect(const redisAsyncContext *context, int status);
    static void onDisconnect(const redisAsyncContext *context, int status);
    static void onReply(redisAsyncContext *context, void *reply, void *data);
    static void addRead(void *data);
    static void delRead(void *data);
    static void addWrite(void *data);
    static void delWrite(void *data);
    static void cleanup(void *data);

    RedisLocation m_location;
    Options m_options;
    State m_state = State::Waiting;
    redisAsyncContext *m_context = nullptr;
    RedisReplyLimit m_replyLimit; // for m_context's reader
    QSocketNotifier *m_reader = nullptr;
    QSocketNotifier *m_writer = nullptr;
    QTimer m_attemptTimer;
    QTimer m_retryTimer;
    QTimer m_replyTimer;
    int m_retryMs = 0;
    int m_lookupId = -1;
    int m_inFlight = 0;
    quint64 m_generation = 0; // counts contexts, so that stale replies are told apart
    QString m_lastError;
    // Cleared first thing in the destructor: replies still held by hiredis see it.
    std::shared_ptr<RedisConnection *> m_self;
};

} // namespace pw
