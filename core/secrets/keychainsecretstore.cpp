#include "keychainsecretstore.h"

#include "answerlater.h"
#include "blockingwait.h"
#include "keychainaccess.h"
#include "secretname.h"

#include <QSet>

namespace pw {

using secrets::answerLater;
using secrets::KeychainAnswer;
using secrets::KeychainRequest;

namespace {

using Kind = KeychainAnswer::Kind;

// The index is a short list of names; a longer one is damaged or not ours.
constexpr qsizetype maxIndexBytes = 256 * 1024;

// What a person can do instead of using the keychain, for each kind of entry.
QString secretAlternative(const QString &name)
{
    return QStringLiteral("set %1").arg(secretEnvironmentVariable(name));
}

QString anySecretAlternative()
{
    return secretAlternative(QStringLiteral("<NAME>"));
}

QString passwordAlternative()
{
    return QStringLiteral("give the password in ~/.pgpass or PGPASSWORD");
}

// Why the keychain could not do `what` ("reading the secret X"), and what to do instead.
Error keychainProblem(const KeychainAnswer &answer, const QString &what, const QString &alternative,
                      int timeoutMs)
{
    switch (answer.kind) {
    case Kind::Unavailable:
        return Error{QStringLiteral("no keychain service is running; %1 instead (%2)")
                         .arg(alternative, answer.detail)};
    case Kind::TimedOut:
        return Error{QStringLiteral("the keychain did not answer within %1 while %2; it may be "
                                    "locked and waiting for its password: unlock it, or %3 "
                                    "instead")
                         .arg(secrets::secondsText(timeoutMs), what, alternative)};
    default:
        return Error{QStringLiteral("the keychain failed while %1: %2; %3 instead")
                         .arg(what, answer.detail, alternative)};
    }
}

QStringList parseIndex(const QByteArray &data)
{
    QSet<QString> names;
    for (const QByteArray &line : data.left(maxIndexBytes).split('\n')) {
        const QString name = QString::fromUtf8(line.trimmed());
        if (isValidSecretName(name))
            names.insert(name);
    }
    QStringList sorted(names.cbegin(), names.cend());
    sorted.sort();
    return sorted;
}

using Options = KeychainSecretStore::Options;
using Operation = KeychainRequest::Operation;

KeychainRequest request(const Options &options, Operation operation, const QString &key,
                        const QByteArray &data = {})
{
    return KeychainRequest{operation, options.service, key, data, options.timeoutMs};
}

void readIndex(const Options &options, QObject *context, SecretStore::ListDone done)
{
    const auto read = request(options, Operation::Read, KeychainSecretStore::indexKey());
    secrets::runKeychainRequest(read, context, [=](const KeychainAnswer &answer) {
        if (answer.kind == Kind::Done)
            return done(parseIndex(answer.data));
        if (answer.kind == Kind::NotFound)
            return done(QStringList());
        done(keychainProblem(answer, QStringLiteral("listing the secrets"), anySecretAlternative(),
                             options.timeoutMs));
    });
}

void writeIndex(const Options &options, const QStringList &names, QObject *context,
                SecretStore::StatusDone done)
{
    // An empty index is removed rather than written: the Secret Service may refuse an empty
    // value, and "no index" already means "no secrets".
    const auto write = names.isEmpty()
                           ? request(options, Operation::Remove, KeychainSecretStore::indexKey())
                           : request(options, Operation::Write, KeychainSecretStore::indexKey(),
                                     names.join(QLatin1Char('\n')).toUtf8());
    secrets::runKeychainRequest(write, context, [=](const KeychainAnswer &answer) {
        if (answer.kind == Kind::Done || answer.kind == Kind::NotFound)
            return done(Status());
        done(keychainProblem(answer, QStringLiteral("updating the list of secret names"),
                             anySecretAlternative(), options.timeoutMs));
    });
}

void changeIndex(const Options &options, const QString &name, bool add, QObject *context,
                 SecretStore::StatusDone done)
{
    readIndex(options, context, [=](const Result<QStringList> &index) {
        if (!index.ok())
            return done(index.error());
        QStringList names = *index;
        if (names.contains(name) == add)
            return done(Status());
        if (add)
            names.append(name);
        else
            names.removeAll(name);
        names.sort();
        writeIndex(options, names, context, done);
    });
}

void readSecret(const Options &options, const QString &name, QObject *context,
                SecretStore::LookupDone done)
{
    const auto read = request(options, Operation::Read, KeychainSecretStore::secretKey(name));
    secrets::runKeychainRequest(read, context, [=](const KeychainAnswer &answer) {
        if (answer.kind == Kind::Done)
            return done(std::optional<QByteArray>(answer.data));
        if (answer.kind == Kind::NotFound)
            return done(std::optional<QByteArray>());
        done(keychainProblem(answer, QStringLiteral("reading the secret %1").arg(name),
                             secretAlternative(name), options.timeoutMs));
    });
}

void removeFoundSecret(const Options &options, const QString &name, QObject *context,
                       SecretStore::StatusDone done)
{
    const auto removal = request(options, Operation::Remove, KeychainSecretStore::secretKey(name));
    secrets::runKeychainRequest(removal, context, [=](const KeychainAnswer &answer) {
        if (answer.kind != Kind::Done && answer.kind != Kind::NotFound) {
            return done(keychainProblem(answer, QStringLiteral("removing the secret %1").arg(name),
                                        secretAlternative(name), options.timeoutMs));
        }
        changeIndex(options, name, false, context, done);
    });
}

// Runs a request on a store password entry; `found` turns a read value into the answer.
void runOnPassword(const Options &options, Operation operation, const StoreLocation &location,
                   const QByteArray &data, const QString &what, QObject *context,
                   std::function<void(const KeychainAnswer &)> found,
                   std::function<void(const Error &)> failed)
{
    const auto run =
        request(options, operation, KeychainSecretStore::storePasswordKey(location), data);
    const QString doing = what + QStringLiteral(" for ") + location.display();
    secrets::runKeychainRequest(run, context, [=](const KeychainAnswer &answer) {
        if (answer.kind == Kind::Done || answer.kind == Kind::NotFound)
            return found(answer);
        failed(keychainProblem(answer, doing, passwordAlternative(), options.timeoutMs));
    });
}

} // namespace

KeychainSecretStore::KeychainSecretStore()
    : KeychainSecretStore(Options())
{}

KeychainSecretStore::KeychainSecretStore(const Options &options)
    : m_options(options)
{}

QString KeychainSecretStore::secretKey(const QString &name)
{
    return QStringLiteral("secret/") + name;
}

QString KeychainSecretStore::storePasswordKey(const StoreLocation &location)
{
    return QStringLiteral("postgresql/") + location.display();
}

QString KeychainSecretStore::indexKey()
{
    return QStringLiteral("index/secret-names");
}

void KeychainSecretStore::get(const QString &name, QObject *context, LookupDone done)
{
    if (!isValidSecretName(name))
        return answerLater(context, std::move(done), SecretLookup(notASecretName(name)));
    readSecret(m_options, name, context, std::move(done));
}

void KeychainSecretStore::set(const QString &name, const QByteArray &value, QObject *context,
                              StatusDone done)
{
    if (!isValidSecretName(name))
        return answerLater(context, std::move(done), Status(notASecretName(name)));
    if (value.isEmpty()) {
        return answerLater(context, std::move(done),
                           Status::failure(QStringLiteral("the secret %1 has an empty value; a "
                                                          "secret needs at least one byte")
                                               .arg(name)));
    }

    const Options options = m_options;
    const auto write = request(options, Operation::Write, secretKey(name), value);
    secrets::runKeychainRequest(write, context, [=](const KeychainAnswer &answer) {
        if (answer.kind != Kind::Done) {
            return done(keychainProblem(answer, QStringLiteral("storing the secret %1").arg(name),
                                        secretAlternative(name), options.timeoutMs));
        }
        changeIndex(options, name, true, context, done);
    });
}

void KeychainSecretStore::remove(const QString &name, QObject *context, StatusDone done)
{
    if (!isValidSecretName(name))
        return answerLater(context, std::move(done), Status(notASecretName(name)));

    // The keychain's removal succeeds for an entry that is not there, so look first: removing
    // a misspelt name must say so (and a stale name leaves the index).
    const Options options = m_options;
    readSecret(options, name, context, [=](const SecretLookup &found) {
        if (!found.ok())
            return done(found.error());
        if (found->has_value())
            return removeFoundSecret(options, name, context, done);

        const Status missing =
            Status::failure(QStringLiteral("there is no secret %1 in the keychain").arg(name));
        changeIndex(options, name, false, context, [=](const Status &) { done(missing); });
    });
}

void KeychainSecretStore::list(QObject *context, ListDone done)
{
    readIndex(m_options, context, std::move(done));
}

void KeychainSecretStore::getStorePassword(const StoreLocation &location, QObject *context,
                                           PasswordDone done)
{
    runOnPassword(
        m_options, Operation::Read, location, {}, QStringLiteral("reading the password"), context,
        [=](const KeychainAnswer &answer) {
            if (answer.kind == Kind::NotFound)
                return done(std::optional<QString>());
            done(std::optional<QString>(QString::fromUtf8(answer.data)));
        },
        [=](const Error &error) { done(error); });
}

void KeychainSecretStore::setStorePassword(const StoreLocation &location, const QString &password,
                                           QObject *context, StatusDone done)
{
    runOnPassword(
        m_options, Operation::Write, location, password.toUtf8(),
        QStringLiteral("storing the password"), context,
        [=](const KeychainAnswer &) { done(Status()); }, [=](const Error &error) { done(error); });
}

void KeychainSecretStore::removeStorePassword(const StoreLocation &location, QObject *context,
                                              StatusDone done)
{
    runOnPassword(
        m_options, Operation::Remove, location, {}, QStringLiteral("removing the password"),
        context, [=](const KeychainAnswer &) { done(Status()); },
        [=](const Error &error) { done(error); });
}

KeychainSecretStore::PasswordLookup
getStorePasswordBlocking(KeychainSecretStore &store, const StoreLocation &location, int timeoutMs)
{
    using Lookup = KeychainSecretStore::PasswordLookup;
    return secrets::waitForAnswer<Lookup>(
        [&](QObject *context, auto done) { store.getStorePassword(location, context, done); },
        timeoutMs, secrets::noAnswerWithin(QStringLiteral("the keychain"), timeoutMs));
}

Status setStorePasswordBlocking(KeychainSecretStore &store, const StoreLocation &location,
                                const QString &password, int timeoutMs)
{
    return secrets::waitForAnswer<Status>(
        [&](QObject *context, auto done) {
            store.setStorePassword(location, password, context, done);
        },
        timeoutMs, secrets::noAnswerWithin(QStringLiteral("the keychain"), timeoutMs));
}

Status removeStorePasswordBlocking(KeychainSecretStore &store, const StoreLocation &location,
                                   int timeoutMs)
{
    return secrets::waitForAnswer<Status>(
        [&](QObject *context, auto done) { store.removeStorePassword(location, context, done); },
        timeoutMs, secrets::noAnswerWithin(QStringLiteral("the keychain"), timeoutMs));
}

} // namespace pw
