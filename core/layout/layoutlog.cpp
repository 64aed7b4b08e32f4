#include "layoutlog.h"

Q_LOGGING_CATEGORY(lcLayout, "pipewright.core.layout", QtWarningMsg)
