#include "recordlog.h"

Q_LOGGING_CATEGORY(lcRecord, "pipewright.core.record", QtWarningMsg)
