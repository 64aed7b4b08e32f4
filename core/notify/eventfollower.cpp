#include "eventfollower.h"

#include "notifylog.h"

#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>

namespace pw {

namespace {

constexpr int retryMs = 1000;

const RedisReply *field(const RedisReply &fields, const QByteArray &name)
{
    for (qsizetype i = 0; i + 1 < fields.elements.size(); i += 2) {
        if (fields.elements.at(i).text == name)
            return &fields.elements.at(i + 1);
    }
    return nullptr;
}

} // namespace

bool isStreamId(const QString &text)
{
    static const QRegularExpression id(QStringLiteral("^[0-9]{1,20}(-[0-9]{1,20})?$"));
    return id.match(text).hasMatch();
}

EventFollower::EventFollower(const RedisLocation &location, QObject *parent)
    : EventFollower(location, Options(), parent)
{}

EventFollower::EventFollower(const RedisLocation &location, const Options &options, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_connection(new RedisConnection(location, options.connection, this))
{
    connect(m_connection, &RedisConnection::connected, this, [this] {
        if (m_following && !m_reading)
            readNext();
    });
}

Status EventFollower::follow(const QString &position)
{
    if (position != QLatin1String("$") && !isStreamId(position)) {
        return Status::failure(QStringLiteral("'%1' is not a stream position; expected $ (new "
                                              "events only), 0 (all) or an entry id such as "
                                              "1700000000000-0")
                                   .arg(position));
    }
    m_position = position == QLatin1String("0") ? QByteArray("0-0") : position.toLatin1();
    m_following = true;
    m_reading = false;
    ++m_generation;
    if (m_connection->isConnected())
        readNext();
    return {};
}

void EventFollower::stop()
{
    m_following = false;
    m_reading = false;
    ++m_generation;
}

void EventFollower::readNext()
{
    // "$" is pinned to a real id first: after a reconnect "$" would skip what came between.
    if (m_position == "$") {
        resolveNewest();
        return;
    }
    const quint64 generation = m_generation;
    m_reading = true;
    m_connection->command(
        {"XREAD", "COUNT", QByteArray::number(m_options.batch), "BLOCK",
         QByteArray::number(m_options.blockMs), "STREAMS", m_options.stream.toUtf8(), m_position},
        [this, generation](const RedisReply &reply) { onRead(generation, reply); });
}

void EventFollower::resolveNewest()
{
    const quint64 generation = m_generation;
    m_reading = true;
    m_connection->command({"XREVRANGE", m_options.stream.toUtf8(), "+", "-", "COUNT", "1"},
                          [this, generation](const RedisReply &reply) {
                              if (generation != m_generation)
                                  return;
                              m_reading = false;
                              if (reply.connectionError)
                                  return; // connected() starts again
                              if (reply.isError() || !reply.isArray()) {
                                  retryLater(QStringLiteral("cannot read the stream %1: %2")
                                                 .arg(m_options.stream, reply.errorMessage()));
                                  return;
                              }
                              const bool empty = reply.elements.isEmpty()
                                                 || reply.elements.constFirst().elements.isEmpty();
                              m_position = empty ? QByteArray("0-0")
                                                 : reply.elements.constFirst().elements[0].text;
                              readNext();
                          });
}

void EventFollower::onRead(quint64 generation, const RedisReply &reply)
{
    if (generation != m_generation)
        return;
    m_reading = false;
    if (reply.connectionError)
        return; // connected() starts again after the last entry seen
    if (reply.isError()) {
        retryLater(QStringLiteral("cannot read the stream %1: %2")
                       .arg(m_options.stream, reply.errorMessage()));
        return;
    }
    m_lastProblem.clear();

    // Nil: the block time passed without entries. Else [[stream, [entry, ...]]].
    if (reply.isArray()) {
        QPointer<EventFollower> alive(this);
        for (const RedisReply &stream : reply.elements) {
            if (stream.elements.size() == 2 && !deliver(stream.elements.at(1)))
                return;
        }
        if (!alive)
            return;
    }
    if (generation == m_generation && m_following)
        readNext();
}

bool EventFollower::deliver(const RedisReply &entries)
{
    // A slot may delete this follower or stop it: check after each event.
    QPointer<EventFollower> alive(this);
    const quint64 generation = m_generation;
    for (const RedisReply &entry : entries.elements) {
        QByteArray id;
        const std::optional<StreamEvent> event = readEntry(entry, &id);
        if (!id.isEmpty())
            m_position = id;
        if (event)
            emit eventReceived(*event);
        if (!alive || generation != m_generation)
            return false;
    }
    return true;
}

std::optional<StreamEvent> EventFollower::readEntry(const RedisReply &entry, QByteArray *id) const
{
    if (entry.elements.size() != 2 || !entry.elements.at(0).isString()) {
        qCWarning(lcNotify, "skipped an entry of the stream %s: it is not an id and fields",
                  qPrintable(m_options.stream));
        return std::nullopt;
    }
    *id = entry.elements.at(0).text;
    const RedisReply *json = field(entry.elements.at(1), "event");
    if (!json || !json->isString()) {
        qCWarning(lcNotify, "skipped the entry %s of the stream %s: it has no 'event' field",
                  id->constData(), qPrintable(m_options.stream));
        return std::nullopt;
    }
    const Result<QJsonObject> event = parseEvent(json->text);
    if (!event) {
        qCWarning(lcNotify, "skipped the entry %s of the stream %s: %s", id->constData(),
                  qPrintable(m_options.stream), qPrintable(event.error().message));
        return std::nullopt;
    }
    return StreamEvent{*id, *event};
}

void EventFollower::retryLater(const QString &problem)
{
    // One warning per problem, not one a second while it lasts.
    if (problem != m_lastProblem)
        qCWarning(lcNotify).noquote() << problem;
    m_lastProblem = problem;
    const quint64 generation = m_generation;
    QTimer::singleShot(retryMs, this, [this, generation] {
        if (generation == m_generation && m_following && !m_reading && m_connection->isConnected())
            readNext();
    });
}

void EventFollower::readLatest(int count, std::function<void(const Result<LatestEvents> &)> done)
{
    count = std::clamp(count, 1, 10000);
    m_connection->command(
        {"XREVRANGE", m_options.stream.toUtf8(), "+", "-", "COUNT", QByteArray::number(count)},
        [this, done](const RedisReply &reply) {
            if (reply.isError()) {
                done(Result<LatestEvents>::failure(
                    reply.connectionError ? reply.errorMessage()
                                          : QStringLiteral("cannot read the stream %1: %2")
                                                .arg(m_options.stream, reply.errorMessage())));
                return;
            }
            LatestEvents latest;
            latest.newestId = "0-0";
            QList<RedisReply> entries = reply.elements;
            std::reverse(entries.begin(), entries.end());
            for (const RedisReply &entry : entries) {
                QByteArray id;
                if (std::optional<StreamEvent> event = readEntry(entry, &id))
                    latest.events.append(*event);
                if (!id.isEmpty())
                    latest.newestId = id;
            }
            done(latest);
        });
}

} // namespace pw
