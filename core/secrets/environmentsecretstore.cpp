#include "environmentsecretstore.h"

#include "answerlater.h"
#include "secretname.h"

#include <QObject>

#include <unistd.h>

namespace pw {

using secrets::answerLater;

namespace {

Error readOnly(const QString &name)
{
    return Error{QStringLiteral("secrets from the environment are read-only; set or unset %1 in "
                                "the environment that runs Pipewright instead")
                     .arg(secretEnvironmentVariable(name))};
}

} // namespace

EnvironmentSecretStore::EnvironmentSecretStore()
{
    // Read from the C environment rather than QProcessEnvironment, which decodes values as
    // text: a binary secret must reach the job byte for byte.
    for (char **entry = environ; *entry; ++entry) {
        const QByteArray assignment(*entry);
        const qsizetype equals = assignment.indexOf('=');
        if (equals > 0)
            keep(QString::fromLocal8Bit(assignment.left(equals)), assignment.mid(equals + 1));
    }
}

EnvironmentSecretStore::EnvironmentSecretStore(const QProcessEnvironment &environment)
{
    for (const QString &variable : environment.keys())
        keep(variable, environment.value(variable).toLocal8Bit());
}

void EnvironmentSecretStore::keep(const QString &variable, const QByteArray &value)
{
    const QString prefix = secretEnvironmentPrefix();
    const QString name = variable.mid(prefix.size());
    if (variable.startsWith(prefix) && isValidSecretName(name) && !value.isEmpty())
        m_values.insert(name, value);
}

SecretLookup EnvironmentSecretStore::lookup(const QString &name) const
{
    if (!isValidSecretName(name))
        return notASecretName(name);
    const auto found = m_values.constFind(name);
    if (found == m_values.cend())
        return std::optional<QByteArray>();
    return std::optional<QByteArray>(*found);
}

QStringList EnvironmentSecretStore::names() const
{
    QStringList found = m_values.keys();
    found.sort();
    return found;
}
void EnvironmentSecretStore::get(const QString &name, QObject *context, LookupDone done)
{
    answerLater(context, std::move(done), lookup(name));
}

void EnvironmentSecretStore::set(const QString &name, const QByteArray &, QObject *context,
                                 StatusDone done)
{
    answerLater(context, std::move(done), Status(readOnly(name)));
}

void EnvironmentSecretStore::remove(const QString &name, QObject *context, StatusDone done)
{
    answerLater(context, std::move(done), Status(readOnly(name)));
}

void EnvironmentSecretStore::list(QObject *context, ListDone done)
{
    answerLater(context, std::move(done), Result<QStringList>(names()));
}

} // namespace pw
