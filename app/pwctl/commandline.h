#pragma once

#include "core/loader/pipelineloader.h"
#include "core/plan/runcontext.h"
#include "core/util/result.h"

#include <memory>

namespace pw {
class RunStore;
}

#include <QCommandLineParser>

namespace pw::cli {

// Parses one command's arguments (without the program and command names). On a usage error
// prints it with the command's usage and returns false; `--help` prints usage and returns
// false with *helpShown set.
bool parseArguments(QCommandLineParser &parser, const QString &command,
                    const QStringList &arguments, bool *helpShown);

// --db, shared by every command that reads or writes the history.
void addStoreOption(QCommandLineParser &parser);
QString storeLocation(const QCommandLineParser &parser);

// --branch, --commit, --tag, --event, --var K=V, --respect-on, and --format.
void addContextOptions(QCommandLineParser &parser);
// --redis, for commands that tell other workstations or listen to them; the location given,
// else $PIPEWRIGHT_REDIS, else empty.
void addRedisOption(QCommandLineParser &parser);
QString redisLocation(const QCommandLineParser &parser);

// --format native|gitlab, for commands that read a pipeline file.
void addFormatOption(QCommandLineParser &parser);
// The run context from those options; missing branch and commit come from the git
// repository around `pipelineDirectory`.
Result<RunContext> contextFromOptions(const QCommandLineParser &parser,
                                      const QString &pipelineDirectory);

// The history store named by --db, or nullptr after printing why it cannot be opened.
std::unique_ptr<RunStore> openStoreReporting(const QCommandLineParser &parser);

// Parses a run id given on the command line; prints what is wrong and returns false when it
// is not a positive number.
bool parseRunId(const QString &text, qint64 *id);

// Loads a pipeline file of the `format` given with --format (empty: chosen by the file's
// name), printing every diagnostic to stderr.
LoadResult loadPipelineReporting(const QString &path, const QString &format = QString());

} // namespace pw::cli
