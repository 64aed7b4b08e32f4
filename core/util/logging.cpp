#include "logging.h"

Q_LOGGING_CATEGORY(lcUtil, "pipewright.core.util", QtWarningMsg)
