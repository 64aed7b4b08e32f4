#include "sessionbus.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QFileInfo>
#include <QUuid>

namespace pw::secrets {

namespace {

const QString secretService = QStringLiteral("org.freedesktop.secrets");

// The address libsecret would use too, or why there is none.
Result<QString> sessionBusAddress()
{
    const QString address = qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS");
    if (address.startsWith(QLatin1String("autolaunch:"))) {
        // Autolaunching starts a bus through dbus-launch and X11, which may hang without a
        // display and would leave a daemon behind.
        return Error{QStringLiteral("DBUS_SESSION_BUS_ADDRESS asks to autolaunch a bus, which "
                                    "Pipewright does not do")};
    }
    if (!address.isEmpty())
        return address;

    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    const QString socket = runtime + QStringLiteral("/bus");
    if (!runtime.isEmpty() && QFileInfo::exists(socket))
        return QString(QStringLiteral("unix:path=") + socket);
    return Error{QStringLiteral("there is no D-Bus session bus: DBUS_SESSION_BUS_ADDRESS is not "
                                "set and %1 does not exist")
                     .arg(runtime.isEmpty() ? QStringLiteral("$XDG_RUNTIME_DIR/bus") : socket)};
}

bool busAnswersTrue(const QDBusConnection &bus, const QString &method, int timeoutMs)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), method);
    call << secretService;
    const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toBool();
}

bool busCanActivate(const QDBusConnection &bus, int timeoutMs)
{
    const QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
        QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames"));
    const QDBusMessage reply = bus.call(call, QDBus::Block, timeoutMs);
    return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
           && reply.arguments().constFirst().toStringList().contains(secretService);
}

Status askBus(const QString &address, const QString &connectionName, int timeoutMs)
{
    const QDBusConnection bus = QDBusConnection::connectToBus(address, connectionName);
    if (!bus.isConnected()) {
        return Status::failure(QStringLiteral("cannot connect to the D-Bus session bus at %1 (%2)")
                                   .arg(address, bus.lastError().message()));
    }
    if (busAnswersTrue(bus, QStringLiteral("NameHasOwner"), timeoutMs)
        || busCanActivate(bus, timeoutMs))
        return {};
    return Status::failure(
        QStringLiteral("no program provides %1 on the D-Bus session bus").arg(secretService));
}

} // namespace

Status checkSecretService(int timeoutMs)
{
    const Result<QString> address = sessionBusAddress();
    if (!address.ok())
        return address.error();

    // A private connection of our own: QDBusConnection::sessionBus() would autolaunch a bus
    // when none is set, which is exactly what must not happen.
    const QString name = QStringLiteral("pipewright-keychain-check-")
                         + QUuid::createUuid().toString(QUuid::WithoutBraces);
    const Status answer = askBus(*address, name, timeoutMs);
    QDBusConnection::disconnectFromBus(name);
    return answer;
}

} // namespace pw::secrets
