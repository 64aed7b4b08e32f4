#pragma once

#include "secretstore.h"

#include <QHash>
#include <QProcessEnvironment>

namespace pw {

// Secrets given as PIPEWRIGHT_SECRET_<NAME> environment variables, for machines without a
// keychain (CI, servers). Read-only: set and remove fail saying to change the environment.
// A variable that is set but empty counts as not set, as CI systems export missing secrets
// that way.
class EnvironmentSecretStore : public SecretStore
{
public:
    // Reads this process's environment as it is now, byte for byte; later changes to it are
    // not seen.
    EnvironmentSecretStore();
    // Reads `environment` instead (as text).
    explicit EnvironmentSecretStore(const QProcessEnvironment &environment);

    SecretSource source() const override { return SecretSource::Environment; }

    void get(const QString &name, QObject *context, LookupDone done) override;
    void set(const QString &name, const QByteArray &value, QObject *context,
             StatusDone done) override;
    void remove(const QString &name, QObject *context, StatusDone done) override;
    void list(QObject *context, ListDone done) override;

    // The same as get(), at once.
    SecretLookup lookup(const QString &name) const;
    QStringList names() const;

private:
    void keep(const QString &variable, const QByteArray &value);

    // Only the PIPEWRIGHT_SECRET_ variables with a valid name and a value, by secret name.
    QHash<QString, QByteArray> m_values;
};

} // namespace pw
