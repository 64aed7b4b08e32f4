#include "loaderlog.h"

Q_LOGGING_CATEGORY(lcLoader, "pipewright.core.loader", QtWarningMsg)
