#pragma once

#include "jobrunner.h"

#include <QList>
#include <QProcess>
#include <QTimer>

#include <optional>

namespace pw {

class OutputPipe;

// One attempt of a job as a sequence of local processes: the job's commands in order until
// one fails, then its after-commands. Owned by the executor through JobExecution.
class LocalJobExecution : public JobExecution
{
    Q_OBJECT

public:
    LocalJobExecution(const JobLaunch &launch, QObject *parent);
    ~LocalJobExecution() override;

    void start() override;
    void cancel() override;
    void setOutputPaused(bool paused) override;

private:
    struct Step
    {
        QString command;
        bool isAfter = false;
    };

    void startStep(int index);
    void onProcessFinished(int exitCode, QProcess::ExitStatus status);
    void onStartFailed(QProcess::ProcessError error);
    void onTimeout();
    void stop(JobOutcome::Kind kind, const QString &reason);
    void nextStep();
    void finish();
    void failToStart(const QString &reason);
    void closePipe();
    void signalProcessGroup(int signal);
    // The program and arguments that run one command: the shell, under the job supervisor
    // when there is one. Empty, with `problem` set, when the shell cannot be found.
    QStringList commandLine(const QString &command, QString *problem) const;
    QProcess *makeProcess();
    QString echoLine(const QString &command) const;
    // How the job went so far, for its after-commands: success, failed or canceled.
    QString jobStatusWord() const;

    JobLaunch m_launch;
    QList<Step> m_steps;
    int m_current = -1;
    QProcess *m_process = nullptr;
    OutputPipe *m_pipe = nullptr;
    bool m_outputPaused = false;
    qint64 m_processGroup = 0;
    // The current command runs under pipewright-job-supervisor, whose pid m_processGroup is.
    bool m_supervised = false;
    std::optional<JobOutcome> m_outcome;
    bool m_stopping = false;
    bool m_finished = false;
    QTimer m_timeoutTimer;
    QTimer m_killTimer;
};

} // namespace pw
