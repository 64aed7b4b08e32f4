#pragma once

#include <QLoggingCategory>

// Utilities log under their own category; each module declares its own next to its code.
Q_DECLARE_LOGGING_CATEGORY(lcUtil)
