#pragma once

#include <QLoggingCategory>

// The planner logs what it decided for a run (skips, triggers) under its own category.
Q_DECLARE_LOGGING_CATEGORY(lcPlan)
