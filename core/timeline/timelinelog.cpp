#include "timelinelog.h"

Q_LOGGING_CATEGORY(lcTimeline, "pipewright.core.timeline", QtWarningMsg)
