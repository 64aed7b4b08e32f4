#include "execlog.h"

Q_LOGGING_CATEGORY(lcExec, "pipewright.core.exec", QtWarningMsg)
