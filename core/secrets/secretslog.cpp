#include "secretslog.h"

Q_LOGGING_CATEGORY(lcSecrets, "pipewright.core.secrets", QtWarningMsg)
