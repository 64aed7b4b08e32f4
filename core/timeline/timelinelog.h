#pragma once

#include <QLoggingCategory>

// The timeline logs what it had to adjust in a run's record under its own category.
Q_DECLARE_LOGGING_CATEGORY(lcTimeline)
