#include "editorlog.h"

Q_LOGGING_CATEGORY(lcEditor, "pipewright.widgets.editor", QtWarningMsg)
