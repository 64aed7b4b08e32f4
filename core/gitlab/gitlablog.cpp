#include "gitlablog.h"

Q_LOGGING_CATEGORY(lcGitLab, "pipewright.core.gitlab", QtWarningMsg)
