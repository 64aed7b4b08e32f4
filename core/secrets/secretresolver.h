#pragma once

#include "secretstore.h"

#include <QMap>

#include <memory>

namespace pw {

// The values of a job's secrets, by secret name.
using SecretValues = QMap<QString, QByteArray>;

// Finds the values of the secrets a job lists before it runs: each from the environment
// (PIPEWRIGHT_SECRET_<NAME>, for headless machines and CI) first, then from the keychain.
class SecretResolver
{
public:
    using Done = std::function<void(const Result<SecretValues> &)>;

    // Either store may be null (then it is skipped).
    SecretResolver(std::shared_ptr<SecretStore> environment, std::shared_ptr<SecretStore> keychain);

    // This process's environment and the user's keychain.
    static SecretResolver standard();

    // Calls `done` once from `context`'s event loop with every value, or with the first
    // failure: a missing secret's message names the secret, `job` and both ways to provide
    // it; a keychain that cannot answer says why. Secrets are looked up one after another, in
    // the order given.
    void resolve(const QString &job, const QStringList &names, QObject *context, Done done) const;

private:
    std::shared_ptr<SecretStore> m_environment;
    std::shared_ptr<SecretStore> m_keychain;
};

// The blocking form (see secretstore.h); `timeoutMs` bounds the whole lookup.
Result<SecretValues> resolveSecretsBlocking(const SecretResolver &resolver, const QString &job,
                                            const QStringList &names,
                                            int timeoutMs = defaultSecretWaitMs);

// The message for a secret that neither store has.
QString missingSecretMessage(const QString &job, const QString &name);

} // namespace pw
