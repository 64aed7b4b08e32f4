#pragma once

#include <QLoggingCategory>

// The layout logs what it decided about odd graphs (cycles broken) and how long it took.
Q_DECLARE_LOGGING_CATEGORY(lcLayout)
