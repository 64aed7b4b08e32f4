#include "commandline.h"
#include "commands.h"
#include "core/notify/eventfollower.h"
#include "core/notify/eventtext.h"
#include "interruptwatcher.h"
#include "output.h"

#include <QEventLoop>
#include <QJsonDocument>

#include <functional>

namespace pw::cli {

namespace {

struct EventsRequest
{
    RedisLocation location;
    bool follow = false;
    bool json = false;
    int last = 20;
};

void printEvent(const StreamEvent &event, bool json)
{
    if (json) {
        // The entry id goes with the event, for readers that drop what they have seen.
        QJsonObject object = event.event;
        object.insert(QLatin1String("id"), QString::fromLatin1(event.id));
        out() << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        out() << describeEvent(event.event) << '\n';
    }
    out().flush();
}

// Prints the newest events once connected, then (with --follow) the new ones as they come,
// until interrupted. Without --follow, an unreachable Redis ends it with exit code 1.
class EventsPrinter : public QObject
{
public:
    EventsPrinter(const EventsRequest &request, std::function<void(int)> done)
        : m_request(request)
        , m_done(std::move(done))
        , m_follower(new EventFollower(request.location, this))
    {
        connect(m_follower->connection(), &RedisConnection::connected, this,
                &EventsPrinter::onConnected);
        connect(m_follower->connection(), &RedisConnection::disconnected, this,
                &EventsPrinter::onDisconnected);
        connect(m_follower, &EventFollower::eventReceived, this,
                [this](const StreamEvent &event) { printEvent(event, m_request.json); });
    }

private:
    void onConnected()
    {
        m_waitingShown = false;
        if (m_caughtUp)
            return; // the follower goes on by itself
        if (m_request.last == 0) {
            caughtUp("$");
            return;
        }
        m_follower->readLatest(m_request.last, [this](const Result<LatestEvents> &latest) {
            if (!latest) {
                onDisconnected(latest.error().message);
                return;
            }
            for (const StreamEvent &event : latest->events)
                printEvent(event, m_request.json);
            caughtUp(latest->newestId);
        });
    }

    void caughtUp(const QByteArray &position)
    {
        m_caughtUp = true;
        if (!m_request.follow) {
            m_done(ExitOk);
            return;
        }
        [[maybe_unused]] const Status following = m_follower->follow(QString::fromLatin1(position));
    }

    void onDisconnected(const QString &reason)
    {
        if (!m_request.follow) {
            if (!m_caughtUp) {
                err() << "pwctl: " << reason << Qt::endl;
                m_done(ExitRunFailed);
            }
            return;
        }
        if (!m_waitingShown) {
            err() << "pwctl: waiting for Redis at " << m_request.location.display() << " ("
                  << reason << ")" << Qt::endl;
            m_waitingShown = true;
        }
    }

    EventsRequest m_request;
    std::function<void(int)> m_done;
    EventFollower *m_follower = nullptr;
    bool m_caughtUp = false;
    bool m_waitingShown = false;
};

// The request from the command line, or the exit code of a usage error already printed.
std::variant<EventsRequest, int> readRequest(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the newest gate and run events."));
    addRedisOption(parser);
    parser.addOption({QStringLiteral("follow"),
                      QStringLiteral("Then keep printing new events until interrupted.")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("One JSON object a line.")});
    parser.addOption({QStringLiteral("last"),
                      QStringLiteral("How many of the newest events to print (default 20)."),
                      QStringLiteral("count")});
    bool helpShown = false;
    if (!parseArguments(parser, QStringLiteral("events"), arguments, &helpShown))
        return helpShown ? ExitOk : ExitUsage;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("events takes no arguments"));

    EventsRequest request;
    request.follow = parser.isSet(QStringLiteral("follow"));
    request.json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("last"))) {
        bool ok = false;
        request.last = parser.value(QStringLiteral("last")).toInt(&ok);
        if (!ok || request.last < 0 || request.last > 10000) {
            return usageError(QStringLiteral("--last expects a number from 0 to 10000, not '%1'")
                                  .arg(parser.value(QStringLiteral("last"))));
        }
    }

    const QString url = redisLocation(parser);
    if (url.isEmpty()) {
        return usageError(QStringLiteral("no Redis server given: use --redis "
                                         "redis://host[:port][/db] or set %1")
                              .arg(QLatin1String(redisLocationVariable)));
    }
    const Result<RedisLocation> location = parseRedisLocation(url);
    if (!location)
        return usageError(location.error().message);
    request.location = *location;
    return request;
}

} // namespace

int eventsCommand(const QStringList &arguments)
{
    const std::variant<EventsRequest, int> request = readRequest(arguments);
    if (const int *exitCode = std::get_if<int>(&request))
        return *exitCode;

    QEventLoop loop;
    EventsPrinter printer(std::get<EventsRequest>(request), [&loop](int code) { loop.exit(code); });
    InterruptWatcher interrupts;
    QObject::connect(&interrupts, &InterruptWatcher::interrupted, &loop,
                     [&loop] { loop.exit(ExitOk); });
    return loop.exec();
}

} // namespace pw::cli
