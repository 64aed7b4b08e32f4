#include "secretname.h"

#include <QRegularExpression>

namespace pw {

namespace {

// Longer names are a mistake; the limit also keeps keychain keys and messages short.
constexpr qsizetype maxNameLength = 128;

} // namespace

bool isValidSecretName(const QString &name)
{
    static const QRegularExpression pattern(
        QRegularExpression::anchoredPattern(QStringLiteral("[A-Z_][A-Z0-9_]*")));
    return name.size() <= maxNameLength && pattern.match(name).hasMatch();
}

QString secretNameRule()
{
    return QStringLiteral("a secret name uses upper-case letters A-Z, digits and '_', does not "
                          "start with a digit and has at most %1 characters")
        .arg(maxNameLength);
}

Error notASecretName(const QString &name)
{
    return Error{QStringLiteral("'%1' is not a secret name; %2").arg(name, secretNameRule())};
}

QString secretEnvironmentPrefix()
{
    return QStringLiteral("PIPEWRIGHT_SECRET_");
}

QString secretEnvironmentVariable(const QString &name)
{
    return secretEnvironmentPrefix() + name;
}

} // namespace pw
