#include "notifylog.h"

Q_LOGGING_CATEGORY(lcNotify, "pipewright.core.notify", QtWarningMsg)
