#include "planlog.h"

Q_LOGGING_CATEGORY(lcPlan, "pipewright.core.plan", QtWarningMsg)
