#pragma once

#include <QTextStream>

namespace pw::cli {

// Results go to stdout; progress, warnings and errors to stderr, so that `--json` output
// can be piped while a person still sees what happens.
QTextStream &out();
QTextStream &err();

// Exit codes of every command.
enum ExitCode { ExitOk = 0, ExitRunFailed = 1, ExitUsage = 2 };

// Prints "pwctl: message" to stderr and returns ExitUsage.
int usageError(const QString &message);

} // namespace pw::cli
