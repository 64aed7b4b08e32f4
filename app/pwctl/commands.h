#pragma once

#include <QStringList>

namespace pw::cli {

// Each command takes its arguments without the program and command names and returns the
// process exit code: 0 success, 1 a failed or cancelled run, 2 invalid input or usage.
int validateCommand(const QStringList &arguments);
int planCommand(const QStringList &arguments);
int runCommand(const QStringList &arguments);
int retryCommand(const QStringList &arguments);
int watchCommand(const QStringList &arguments);
int historyCommand(const QStringList &arguments);
int showCommand(const QStringList &arguments);
int logsCommand(const QStringList &arguments);
int artifactsCommand(const QStringList &arguments);
int cacheCommand(const QStringList &arguments);
int gcCommand(const QStringList &arguments);
int convertCommand(const QStringList &arguments);
int eventsCommand(const QStringList &arguments);
int secretCommand(const QStringList &arguments);
int loginCommand(const QStringList &arguments);
int approveCommand(const QStringList &arguments);
int rejectCommand(const QStringList &arguments);
int gatesCommand(const QStringList &arguments);

} // namespace pw::cli
