#pragma once

#include <QLoggingCategory>

// The desktop app logs what it decided about runs and the history it shows (a store that
// could not be read, a run that could not start).
Q_DECLARE_LOGGING_CATEGORY(lcWidgets)
