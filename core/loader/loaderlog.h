#pragma once

#include <QLoggingCategory>

// The loader logs what it read and how long it took; problems in files are diagnostics.
Q_DECLARE_LOGGING_CATEGORY(lcLoader)
