#pragma once

#include "core/model/variable.h"
#include "core/util/duration.h"

#include <QObject>
#include <QStringList>

#include <optional>

namespace pw {

// Everything needed to run one attempt of a job, in plain values, so that a runner on
// another machine can receive it as it is.
struct JobLaunch
{
    qint64 runId = 0;
    int job = -1;
    int attempt = 1;
    QString name;

    QStringList commands;
    // Run after `commands` whatever their outcome; their own failure is only logged.
    QStringList afterCommands;
    QString shell = QStringLiteral("sh");
    // Run all commands in one shell session (state such as `cd` carries over) instead of
    // one process per command.
    bool singleSession = false;

    QString workingDirectory;
    // Set on top of the runner's own process environment.
    Variables environment;

    std::optional<Milliseconds> timeout;
    // How long a job may take to stop after SIGTERM before it is killed.
    Milliseconds killGrace{3000};
};

// How an attempt ended.
struct JobOutcome
{
    enum class Kind {
        Exited,        // every command ran; exitCode is the first non-zero one or 0
        TimedOut,      // stopped by its timeout
        Cancelled,     // stopped on request
        FailedToStart, // the shell could not be started
    };

    Kind kind = Kind::Exited;
    int exitCode = 0;
    // For people: "exit code 3", "timeout after 10m", "cannot start 'bash': not found".
    QString reason;

    bool succeeded() const { return kind == Kind::Exited && exitCode == 0; }
};

// One attempt of a job. Once started, emits its merged stdout and stderr as it comes, then
// `finished` exactly once. Deleting it stops the attempt.
class JobExecution : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the attempt; connect to the signals first. May emit `finished` at once.
    virtual void start() = 0;
    // Stops the attempt: SIGTERM to everything it started, SIGKILL after the grace period.
    // `finished` follows with Kind::Cancelled.
    virtual void cancel() = 0;
    // While paused the attempt's output is not read, so a job that writes faster than the
    // history can be written waits instead of filling the orchestrator's memory.
    virtual void setOutputPaused(bool paused) = 0;

signals:
    void output(const QByteArray &data);
    void finished(const pw::JobOutcome &outcome);
};

// Starts job attempts. The executor sees only this, so the same scheduler can drive local
// processes, a fake in tests, or agents on other machines.
class JobRunner
{
public:
    virtual ~JobRunner() = default;
    // An attempt ready to start, owned by `parent`.
    virtual JobExecution *createExecution(const JobLaunch &launch, QObject *parent) = 0;
};

} // namespace pw
