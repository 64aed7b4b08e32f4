#include "secretresolver.h"

#include "answerlater.h"
#include "blockingwait.h"
#include "environmentsecretstore.h"
#include "keychainsecretstore.h"
#include "secretname.h"

namespace pw {

namespace {

// One resolve() under way: the names still to look up and the values found so far.
struct Resolution
{
    std::shared_ptr<SecretStore> environment;
    std::shared_ptr<SecretStore> keychain;
    QString job;
    QStringList names;
    qsizetype next = 0;
    SecretValues values;
    QObject *context = nullptr;
    SecretResolver::Done done;
};

void lookUpNext(const std::shared_ptr<Resolution> &resolution);

void found(const std::shared_ptr<Resolution> &resolution, const QByteArray &value)
{
    resolution->values.insert(resolution->names.at(resolution->next), value);
    ++resolution->next;
    lookUpNext(resolution);
}

void lookUpInKeychain(const std::shared_ptr<Resolution> &resolution, const QString &name)
{
    if (!resolution->keychain)
        return resolution->done(Error{missingSecretMessage(resolution->job, name)});

    resolution->keychain->get(name, resolution->context, [=](const SecretLookup &lookup) {
        if (!lookup.ok()) {
            return resolution->done(
                Error{QStringLiteral("job '%1' needs the secret %2, but %3 is not set and %4")
                          .arg(resolution->job, name, secretEnvironmentVariable(name),
                               lookup.error().message)});
        }
        if (!lookup->has_value())
            return resolution->done(Error{missingSecretMessage(resolution->job, name)});
        found(resolution, **lookup);
    });
}

void lookUpNext(const std::shared_ptr<Resolution> &resolution)
{
    if (resolution->next == resolution->names.size())
        return resolution->done(resolution->values);

    const QString name = resolution->names.at(resolution->next);
    if (!isValidSecretName(name)) {
        return resolution->done(Error{QStringLiteral("job '%1' lists the secret '%2', which is "
                                                     "not a valid name; %3")
                                          .arg(resolution->job, name, secretNameRule())});
    }
    if (!resolution->environment)
        return lookUpInKeychain(resolution, name);

    resolution->environment->get(name, resolution->context, [=](const SecretLookup &lookup) {
        if (lookup.ok() && lookup->has_value())
            return found(resolution, **lookup);
        lookUpInKeychain(resolution, name);
    });
}

} // namespace

SecretResolver::SecretResolver(std::shared_ptr<SecretStore> environment,
                               std::shared_ptr<SecretStore> keychain)
    : m_environment(std::move(environment))
    , m_keychain(std::move(keychain))
{}

SecretResolver SecretResolver::standard()
{
    return SecretResolver(std::make_shared<EnvironmentSecretStore>(),
                          std::make_shared<KeychainSecretStore>());
}

void SecretResolver::resolve(const QString &job, const QStringList &names, QObject *context,
                             Done done) const
{
    auto resolution = std::make_shared<Resolution>();
    resolution->environment = m_environment;
    resolution->keychain = m_keychain;
    resolution->job = job;
    resolution->names = names;
    resolution->names.removeDuplicates();
    resolution->context = context;
    resolution->done = std::move(done);

    // Even a job without secrets is answered later, as every store answers.
    secrets::answerLater(
        context, [resolution](int) { lookUpNext(resolution); }, 0);
}

Result<SecretValues> resolveSecretsBlocking(const SecretResolver &resolver, const QString &job,
                                            const QStringList &names, int timeoutMs)
{
    return secrets::waitForAnswer<Result<SecretValues>>(
        [&](QObject *context, auto done) { resolver.resolve(job, names, context, done); },
        timeoutMs,
        Error{
            QStringLiteral("the secrets of job '%1' could not be looked up: %2")
                .arg(job,
                     secrets::noAnswerWithin(QStringLiteral("the keychain"), timeoutMs).message)});
}

QString missingSecretMessage(const QString &job, const QString &name)
{
    return QStringLiteral("job '%1' needs the secret %2, which is not set: set the environment "
                          "variable %3, or store it in the keychain with 'pwctl secret set %2'")
        .arg(job, name, secretEnvironmentVariable(name));
}

} // namespace pw
