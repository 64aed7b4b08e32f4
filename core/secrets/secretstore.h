#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

class QObject;

namespace pw {

// Where a secret's value comes from.
enum class SecretSource { Environment, Keychain };

// "environment" or "keychain", for listings and messages.
QString keyword(SecretSource source);

// A secret's value; nothing when the store has no secret of that name; or why the store
// could not answer.
using SecretLookup = Result<std::optional<QByteArray>>;

// A place that keeps secrets by name. Every operation is asynchronous: `done` is called
// exactly once, later, by the event loop of the thread `context` lives in (give a context
// that lives in the calling thread), and never when `context` is destroyed first. Values
// are never logged.
class SecretStore
{
public:
    using LookupDone = std::function<void(const SecretLookup &)>;
    using StatusDone = std::function<void(const Status &)>;
    using ListDone = std::function<void(const Result<QStringList> &)>;

    virtual ~SecretStore() = default;

    virtual SecretSource source() const = 0;

    virtual void get(const QString &name, QObject *context, LookupDone done) = 0;
    // Replaces any value `name` had.
    virtual void set(const QString &name, const QByteArray &value, QObject *context,
                     StatusDone done) = 0;
    // Fails, naming the secret, when the store has no secret `name`.
    virtual void remove(const QString &name, QObject *context, StatusDone done) = 0;
    // The names of the stored secrets, sorted; never their values.
    virtual void list(QObject *context, ListDone done) = 0;
};

// How long the blocking wrappers wait by default: longer than a keychain's own timeout, so
// that its message (which says what to do) arrives first.
constexpr int defaultSecretWaitMs = 10000;

// Blocking forms of the operations, for pwctl and for threads that must answer at once
// (opening a store). Each spins a local event loop for at most `timeoutMs`, then fails
// saying the store did not answer. Do not call them from a GUI thread.
SecretLookup getSecretBlocking(SecretStore &store, const QString &name,
                               int timeoutMs = defaultSecretWaitMs);
Status setSecretBlocking(SecretStore &store, const QString &name, const QByteArray &value,
                         int timeoutMs = defaultSecretWaitMs);
Status removeSecretBlocking(SecretStore &store, const QString &name,
                            int timeoutMs = defaultSecretWaitMs);
Result<QStringList> listSecretsBlocking(SecretStore &store, int timeoutMs = defaultSecretWaitMs);

} // namespace pw
