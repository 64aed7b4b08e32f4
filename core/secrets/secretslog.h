#pragma once

#include <QLoggingCategory>

// The secrets module logs why a keychain could not answer (never a value).
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
