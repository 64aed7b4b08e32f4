#pragma once

#include <QLoggingCategory>

// The GitLab importer logs what it read and resolved; problems in files are diagnostics.
Q_DECLARE_LOGGING_CATEGORY(lcGitLab)
