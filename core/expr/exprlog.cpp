#include "exprlog.h"

Q_LOGGING_CATEGORY(lcExpr, "pipewright.core.expr", QtWarningMsg)
