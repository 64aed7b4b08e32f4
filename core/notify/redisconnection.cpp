#include "redisconnection.h"

#include "notifylog.h"

#include <QHostInfo>
#include <QPointer>
#include <QSocketNotifier>

#include <hiredis/async.h>
#include <utility>
#include <vector>

namespace pw {

// What hiredis carries for one command in flight until its reply (or its end) comes.
struct RedisConnection::Pending
{
    std::shared_ptr<RedisConnection *> owner;
    Callback callback;
    quint64 generation = 0;
};

RedisConnection::RedisConnection(const RedisLocation &location, QObject *parent)
    : RedisConnection(location, Options(), parent)
{}

RedisConnection::RedisConnection(const RedisLocation &location, const Options &options,
                                 QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_options(options)
    , m_retryMs(options.firstRetryMs)
    , m_self(std::make_shared<RedisConnection *>(this))
{
    m_attemptTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    m_replyTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, &RedisConnection::onAttemptTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &RedisConnection::startAttempt);
    connect(&m_replyTimer, &QTimer::timeout, this, &RedisConnection::onReplyTimeout);
    startAttempt();
}

RedisConnection::~RedisConnection()
{
    // From here on hiredis may still run callbacks of this connection (when it is deleted
    // from inside one, hiredis frees the context only after that callback returns): they
    // find no owner and call nothing.
    *m_self = nullptr;
    if (m_lookupId >= 0)
        QHostInfo::abortHostLookup(m_lookupId);
    if (redisAsyncContext *context = std::exchange(m_context, nullptr)) {
        detach(context);
        redisAsyncFree(context);
    }
}

void RedisConnection::command(const QList<QByteArray> &arguments, Callback callback)
{
    if (m_state != State::Ready) {
        const QString why = m_lastError.isEmpty() ? QString() : QStringLiteral(": ") + m_lastError;
        failSoon(std::move(callback),
                 QStringLiteral("not connected to Redis at %1%2").arg(m_location.display(), why));
        return;
    }
    if (m_inFlight >= m_options.maxInFlight) {
        failSoon(std::move(callback),
                 QStringLiteral("%1 commands to Redis at %2 are still waiting for replies")
                     .arg(m_inFlight)
                     .arg(m_location.display()));
        return;
    }
    send(arguments, std::move(callback));
}

void RedisConnection::send(const QList<QByteArray> &arguments, Callback callback)
{
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const QByteArray &argument : arguments) {
        argv.push_back(argument.constData());
        lengths.push_back(size_t(argument.size()));
    }

    auto *pending = new Pending{m_self, std::move(callback), m_generation};
    const int status = redisAsyncCommandArgv(m_context, &RedisConnection::onReply, pending,
                                             int(argv.size()), argv.data(), lengths.data());
    if (status != REDIS_OK) {
        Callback failed = std::move(pending->callback);
        delete pending;
        failSoon(std::move(failed),
                 QStringLiteral("cannot send a command to Redis at %1").arg(m_location.display()));
        return;
    }
    ++m_inFlight;
    if (!m_replyTimer.isActive())
        m_replyTimer.start(m_options.replyTimeoutMs);
}

void RedisConnection::failSoon(Callback callback, const QString &message)
{
    if (!callback)
        return;
    // Queued on this object: dropped if the connection goes first, and never a call back
    // into the caller from inside command().
    QMetaObject::invokeMethod(
        this, [callback, message] { callback(RedisReply::error(message, true)); },
        Qt::QueuedConnection);
}

void RedisConnection::startAttempt()
{
    m_state = State::Resolving;
    m_attemptTimer.start(m_options.connectTimeoutMs);

    QHostAddress address;
    if (address.setAddress(m_location.host)) {
        connectTo(address);
        return;
    }
    // Resolved by Qt on its own thread: a slow name server must not stall the event loop.
    m_lookupId = QHostInfo::lookupHost(m_location.host, this,
                                       [this](const QHostInfo &info) { onLookedUp(info); });
}

void RedisConnection::onLookedUp(const QHostInfo &info)
{
    m_lookupId = -1;
    if (m_state != State::Resolving)
        return;
    if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
        m_attemptTimer.stop();
        connectionFailed(QStringLiteral("cannot find the Redis host '%1': %2")
                             .arg(m_location.host, info.errorString()));
        return;
    }

    // IPv4 first: a server bound to 127.0.0.1 is the common case for "localhost".
    QHostAddress chosen = info.addresses().constFirst();
    for (const QHostAddress &address : info.addresses()) {
        if (address.protocol() == QAbstractSocket::IPv4Protocol) {
            chosen = address;
            break;
        }
    }
    connectTo(chosen);
}

void RedisConnection::connectTo(const QHostAddress &address)
{
    const QByteArray ip = address.toString().toLatin1();
    redisAsyncContext *context = redisAsyncConnect(ip.constData(), m_location.port);
    if (!context || context->err) {
        const QString why =
            context ? QString::fromLocal8Bit(context->c.errstr) : QStringLiteral("out of memory");
        if (context)
            redisAsyncFree(context);
        m_attemptTimer.stop();
        connectionFailed(
            QStringLiteral("cannot connect to Redis at %1: %2").arg(m_location.display(), why));
        return;
    }
    m_state = State::Connecting;
    attach(context);
}

void RedisConnection::attach(redisAsyncContext *context)
{
    m_context = context;
    m_replyLimit.install(context->c.reader);
    context->data = this;
    context->ev.data = this;
    context->ev.addRead = &RedisConnection::addRead;
    context->ev.delRead = &RedisConnection::delRead;
    context->ev.addWrite = &RedisConnection::addWrite;
    context->ev.delWrite = &RedisConnection::delWrite;
    context->ev.cleanup = &RedisConnection::cleanup;

    const int socket = context->c.fd;
    m_reader = new QSocketNotifier(socket, QSocketNotifier::Read, this);
    m_writer = new QSocketNotifier(socket, QSocketNotifier::Write, this);
    m_reader->setEnabled(false);
    m_writer->setEnabled(false);
    // Nothing may touch `this` after hiredis returns: a callback may have deleted it.
    connect(m_reader, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleRead(m_context);
    });
    connect(m_writer, &QSocketNotifier::activated, this, [this] {
        if (m_context)
            redisAsyncHandleWrite(m_context);
    });

    // Setting the connect callback asks for the first write event, so the hooks come first.
    redisAsyncSetConnectCallback(context, &RedisConnection::onConnect);
    redisAsyncSetDisconnectCallback(context, &RedisConnection::onDisconnect);
}

void RedisConnection::detach(redisAsyncContext *context)
{
    context->data = nullptr;
    context->ev = {};
    context->onConnect = nullptr;
    context->onDisconnect = nullptr;
    dropNotifiers();
}

void RedisConnection::dropNotifiers()
{
    // Disabled before hiredis closes the socket; deleted later because this may run while
    // one of them delivers its signal.
    for (QSocketNotifier *notifier :
         {std::exchange(m_reader, nullptr), std::exchange(m_writer, nullptr)}) {
        if (notifier) {
            notifier->setEnabled(false);
            notifier->deleteLater();
        }
    }
}

void RedisConnection::onConnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    if (status == REDIS_OK) {
        self->m_state = State::Handshake;
        self->handshake();
        return;
    }
    // hiredis frees the context right after this returns.
    const QString why = QString::fromLocal8Bit(context->c.errstr);
    self->m_context = nullptr;
    self->dropNotifiers();
    self->m_attemptTimer.stop();
    self->connectionFailed(
        QStringLiteral("cannot connect to Redis at %1: %2").arg(self->m_location.display(), why));
}

void RedisConnection::onDisconnect(const redisAsyncContext *context, int status)
{
    auto *self = static_cast<RedisConnection *>(context->data);
    if (!self)
        return;
    // Only hiredis itself ends a context with the callbacks still attached, and it frees
    // the context right after this returns.
    QString why = self->m_replyLimit.refusal();
    if (why.isEmpty())
        why = context->c.err ? QString::fromLocal8Bit(context->c.errstr)
                             : QStringLiteral("the connection was closed");
    self->m_context = nullptr;
    self->dropNotifiers();
    self->m_attemptTimer.stop();
    self->connectionFailed(QStringLiteral("lost the connection to Redis at %1: %2")
                               .arg(self->m_location.display(), why));
}

void RedisConnection::handshake()
{
    QList<QList<QByteArray>> steps;
    if (!m_location.password.isEmpty())
        steps.append({"AUTH", m_location.password.toUtf8()});
    if (m_location.database != 0)
        steps.append({"SELECT", QByteArray::number(m_location.database)});
    steps.append({"PING"});
    handshakeStep(steps);
}

void RedisConnection::handshakeStep(QList<QList<QByteArray>> steps)
{
    const QList<QByteArray> step = steps.takeFirst();
    const quint64 generation = m_generation;
    send(step, [this, step, steps, generation](const RedisReply &reply) {
        if (generation != m_generation || m_state != State::Handshake)
            return;
        if (reply.isError()) {
            handshakeFailed(reply.errorMessage());
            return;
        }
        if (!steps.isEmpty()) {
            handshakeStep(steps);
            return;
        }
        m_state = State::Ready;
        m_attemptTimer.stop();
        m_retryMs = m_options.firstRetryMs;
        m_lastError.clear();
        qCDebug(lcNotify) << "connected to Redis at" << m_location.display();
        QMetaObject::invokeMethod(this, &RedisConnection::connected, Qt::QueuedConnection);
    });
}

void RedisConnection::handshakeFailed(const QString &serverMessage)
{
    QString reason;
    if (serverMessage.startsWith(QLatin1String("NOAUTH"))) {
        reason = QStringLiteral("Redis at %1 needs a password; set %2")
                     .arg(m_location.display(), QLatin1String(redisPasswordVariable));
    } else if (serverMessage.contains(QLatin1String("AUTH"), Qt::CaseInsensitive)
               || serverMessage.startsWith(QLatin1String("WRONGPASS"))) {
        reason =
            QStringLiteral("Redis at %1 refused the password from %2: %3")
                .arg(m_location.display(), QLatin1String(redisPasswordVariable), serverMessage);
    } else {
        reason = QStringLiteral("Redis at %1 refused the connection: %2")
                     .arg(m_location.display(), serverMessage);
    }

    // Released from the event loop rather than from inside hiredis's call stack.
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this,
        [this, generation, reason] {
            if (generation == m_generation && m_context)
                releaseContext(reason);
        },
        Qt::QueuedConnection);
}

void RedisConnection::onAttemptTimeout()
{
    const QString reason = QStringLiteral("no answer from Redis at %1 within %2 ms")
                               .arg(m_location.display())
                               .arg(m_options.connectTimeoutMs);
    if (m_state == State::Resolving) {
        if (m_lookupId >= 0)
            QHostInfo::abortHostLookup(std::exchange(m_lookupId, -1));
        connectionFailed(reason);
    } else if (m_context) {
        releaseContext(reason);
    }
}

void RedisConnection::onReplyTimeout()
{
    if (m_state != State::Ready || !m_context || m_inFlight == 0)
        return;
    releaseContext(QStringLiteral("Redis at %1 sent no reply within %2 ms")
                       .arg(m_location.display())
                       .arg(m_options.replyTimeoutMs));
}

bool RedisConnection::releaseContext(const QString &reason)
{
    redisAsyncContext *context = std::exchange(m_context, nullptr);
    detach(context);
    m_attemptTimer.stop();
    connectionFailed(reason);

    // Commands in flight get their errors now, and one of their callbacks may delete this.
    QPointer<RedisConnection> alive(this);
    redisAsyncFree(context);
    return !alive.isNull();
}

void RedisConnection::connectionFailed(const QString &reason)
{
    m_state = State::Waiting;
    m_inFlight = 0;
    ++m_generation;
    m_lastError = reason;
    m_replyTimer.stop();
    qCInfo(lcNotify) << reason;
    QMetaObject::invokeMethod(
        this, [this, reason] { emit disconnected(reason); }, Qt::QueuedConnection);

    m_retryTimer.start(m_retryMs);
    m_retryMs = qMin(m_retryMs * 2, m_options.longestRetryMs);
}

void RedisConnection::noteReply()
{
    m_inFlight = qMax(0, m_inFlight - 1);
    if (m_inFlight > 0)
        m_replyTimer.start(m_options.replyTimeoutMs);
    else
        m_replyTimer.stop();
}

void RedisConnection::onReply(redisAsyncContext *context, void *reply, void *data)
{
    std::unique_ptr<Pending> pending(static_cast<Pending *>(data));
    RedisConnection *self = *pending->owner;
    if (!self)
        return;

    // hiredis frees `reply` when this returns: copy it out. No reply: the context ended.
    RedisReply value;
    if (reply) {
        value = RedisReply::fromHiredis(static_cast<const redisReply *>(reply));
    } else {
        const QString why =
            context->c.err
                ? QStringLiteral("lost the connection to Redis at %1: %2")
                      .arg(self->m_location.display(), QString::fromLocal8Bit(context->c.errstr))
                : self->m_lastError;
        value = RedisReply::error(why, true);
    }
    if (pending->generation == self->m_generation) {
        self->noteReply();
        // The context is ending: new commands fail at once until it is replaced.
        if (!reply)
            self->m_state = State::Waiting;
    }
    if (pending->callback)
        pending->callback(value);
}

void RedisConnection::addRead(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (self && self->m_reader)
        self->m_reader->setEnabled(true);
}

void RedisConnection::delRead(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (self && self->m_reader)
        self->m_reader->setEnabled(false);
}

void RedisConnection::addWrite(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (self && self->m_writer)
        self->m_writer->setEnabled(true);
}

void RedisConnection::delWrite(void *data)
{
    auto *self = static_cast<RedisConnection *>(data);
    if (self && self->m_writer)
        self->m_writer->setEnabled(false);
}

void RedisConnection::cleanup(void *data)
{
    if (auto *self = static_cast<RedisConnection *>(data))
        self->dropNotifiers();
}

} // namespace pw
