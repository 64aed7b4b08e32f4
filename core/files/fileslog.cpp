#include "fileslog.h"

Q_LOGGING_CATEGORY(lcFiles, "pipewright.core.files", QtWarningMsg)
