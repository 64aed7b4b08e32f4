#pragma once

#include "core/util/result.h"

#include <QString>

namespace pw {

// A secret's name: upper-case letters, digits and '_', not starting with a digit, so that
// it is also the name of the environment variable a job gets it in.
bool isValidSecretName(const QString &name);

// The rule isValidSecretName() checks, worded for a message.
QString secretNameRule();

// The error for a name that breaks that rule.
Error notASecretName(const QString &name);

// The environment variable that gives `name` on a machine without a keychain:
// PIPEWRIGHT_SECRET_<NAME>.
QString secretEnvironmentVariable(const QString &name);

// The prefix of those variables.
QString secretEnvironmentPrefix();

} // namespace pw
