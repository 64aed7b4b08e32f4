#include "editlog.h"

Q_LOGGING_CATEGORY(lcEdit, "pipewright.core.edit", QtWarningMsg)
