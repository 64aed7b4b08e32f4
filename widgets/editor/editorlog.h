#pragma once

#include <QLoggingCategory>

// The pipeline editor logs what it could not do with a file (read, save, lay out) and why.
Q_DECLARE_LOGGING_CATEGORY(lcEditor)
