#include "storelog.h"

Q_LOGGING_CATEGORY(lcStore, "pipewright.store", QtWarningMsg)
