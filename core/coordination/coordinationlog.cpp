#include "coordinationlog.h"

Q_LOGGING_CATEGORY(lcCoordination, "pipewright.core.coordination", QtWarningMsg)
