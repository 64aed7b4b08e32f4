#pragma once

#include <QLoggingCategory>

// The history store logs what it decided about a store (opened, upgraded, rolled back).
Q_DECLARE_LOGGING_CATEGORY(lcStore)
