#include "secretstore.h"

#include "blockingwait.h"

namespace pw {

namespace {

Error storeDidNotAnswer(const SecretStore &store, int timeoutMs)
{
    return secrets::noAnswerWithin(
        QStringLiteral("the %1 secret store").arg(keyword(store.source())), timeoutMs);
}

} // namespace

QString keyword(SecretSource source)
{
    switch (source) {
    case SecretSource::Environment:
        return QStringLiteral("environment");
    case SecretSource::Keychain:
        return QStringLiteral("keychain");
    }
    return QString();
}

SecretLookup getSecretBlocking(SecretStore &store, const QString &name, int timeoutMs)
{
    return secrets::waitForAnswer<SecretLookup>(
        [&](QObject *context, auto done) { store.get(name, context, done); }, timeoutMs,
        storeDidNotAnswer(store, timeoutMs));
}

Status setSecretBlocking(SecretStore &store, const QString &name, const QByteArray &value,
                         int timeoutMs)
{
    return secrets::waitForAnswer<Status>(
        [&](QObject *context, auto done) { store.set(name, value, context, done); }, timeoutMs,
        storeDidNotAnswer(store, timeoutMs));
}

Status removeSecretBlocking(SecretStore &store, const QString &name, int timeoutMs)
{
    return secrets::waitForAnswer<Status>(
        [&](QObject *context, auto done) { store.remove(name, context, done); }, timeoutMs,
        storeDidNotAnswer(store, timeoutMs));
}

Result<QStringList> listSecretsBlocking(SecretStore &store, int timeoutMs)
{
    return secrets::waitForAnswer<Result<QStringList>>(
        [&](QObject *context, auto done) { store.list(context, done); }, timeoutMs,
        storeDidNotAnswer(store, timeoutMs));
}

} // namespace pw
