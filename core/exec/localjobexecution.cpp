#include "localjobexecution.h"

#include "execlog.h"
#include "outputpipe.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QStandardPaths>

#include <csignal>
#include <sys/prctl.h>
#include <unistd.h>

namespace pw {

namespace {

// Reading the environment of the orchestrator once saves a copy per job on large runs.
const QProcessEnvironment &baseEnvironment()
{
    static const QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    return environment;
}

// Runs in the child between fork and exec: only async-signal-safe calls belong here.
void prepareChild(int outputFd)
{
    ::setpgid(0, 0);
    ::dup2(outputFd, STDOUT_FILENO);
    ::dup2(outputFd, STDERR_FILENO);
    // If the orchestrator dies without cleaning up, the shell dies with it.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    // The orchestrator may ignore or catch these; the job starts with the defaults.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
}

// The job supervisor (core/exec/supervisor): beside the program, where it is installed, or
// where this build made it; $PIPEWRIGHT_JOB_SUPERVISOR overrides, and "none" does without.
QString findSupervisor()
{
    const QString name = QStringLiteral("pipewright-job-supervisor");
    const QString chosen = qEnvironmentVariable("PIPEWRIGHT_JOB_SUPERVISOR");
    if (chosen == QLatin1String("none"))
        return QString();
    QStringList candidates;
    if (!chosen.isEmpty())
        candidates.append(chosen);
    if (QCoreApplication::instance()) {
        const QString folder = QCoreApplication::applicationDirPath();
        candidates << folder + QLatin1Char('/') + name
                   << folder + QStringLiteral("/" PIPEWRIGHT_JOB_SUPERVISOR_INSTALLED);
    }
    candidates.append(QStringLiteral(PIPEWRIGHT_JOB_SUPERVISOR_BUILT));
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).absoluteFilePath();
    }
    qCWarning(lcExec).noquote()
        << "cannot find" << name << "in" << candidates.join(QStringLiteral(", "))
        << "; jobs run without it, and what leaves a job's process group may outlive it";
    return QString();
}

const QString &supervisorPath()
{
    static const QString path = findSupervisor();
    return path;
}

QString singleSessionScript(const QStringList &commands)
{
    QString script = QStringLiteral("set -e\n");
    for (const QString &command : commands) {
        QString quoted = command;
        quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
        script += QStringLiteral("printf '%s\\n' '$ ") + quoted + QStringLiteral("'\n");
        script += command + QLatin1Char('\n');
    }
    return script;
}

} // namespace

LocalJobExecution::LocalJobExecution(const JobLaunch &launch, QObject *parent)
    : JobExecution(parent)
    , m_launch(launch)
{
    if (m_launch.singleSession) {
        if (!m_launch.commands.isEmpty())
            m_steps.append({singleSessionScript(m_launch.commands), false});
        if (!m_launch.afterCommands.isEmpty())
            m_steps.append({singleSessionScript(m_launch.afterCommands), true});
    } else {
        for (const QString &command : m_launch.commands)
            m_steps.append({command, false});
        for (const QString &command : m_launch.afterCommands)
            m_steps.append({command, true});
    }

    m_timeoutTimer.setSingleShot(true);
    m_killTimer.setSingleShot(true);
    connect(&m_timeoutTimer, &QTimer::timeout, this, &LocalJobExecution::onTimeout);
    connect(&m_killTimer, &QTimer::timeout, this, [this] { signalProcessGroup(SIGKILL); });
}

LocalJobExecution::~LocalJobExecution()
{
    // Nothing the job started may outlive it.
    m_stopping = true;
    signalProcessGroup(SIGKILL);
    if (m_process) {
        m_process->disconnect(this);
        // A supervisor that does not end in time is killed itself; its job's shell dies
        // with it, by its own PR_SET_PDEATHSIG.
        if (!m_process->waitForFinished(1000) && m_supervised && m_processGroup > 0)
            ::kill(pid_t(m_processGroup), SIGKILL);
    }
}

void LocalJobExecution::start()
{
    if (m_launch.timeout)
        m_timeoutTimer.start(std::chrono::milliseconds(*m_launch.timeout));
    nextStep();
}

void LocalJobExecution::cancel()
{
    stop(JobOutcome::Kind::Cancelled, QStringLiteral("cancelled"));
}

QProcess *LocalJobExecution::makeProcess()
{
    auto *process = new QProcess(this);
    // Output goes to our own pipe (see OutputPipe); the child's descriptors are pointed at
    // it in prepareChild, after QProcess has set up these.
    process->setStandardInputFile(QProcess::nullDevice());
    process->setStandardOutputFile(QProcess::nullDevice());
    process->setStandardErrorFile(QProcess::nullDevice());
    process->setWorkingDirectory(m_launch.workingDirectory);
    const int outputFd = m_pipe->writeEnd();
    process->setChildProcessModifier([outputFd] { prepareChild(outputFd); });

    QProcessEnvironment environment = baseEnvironment();
    for (const Variable &variable : m_launch.environment)
        environment.insert(variable.name, variable.value);
    if (m_steps[m_current].isAfter) {
        // What the after-commands clean up or report depends on how the job went; GitLab's
        // name for it is CI_JOB_STATUS.
        const QString status = jobStatusWord();
        environment.insert(QStringLiteral("PIPEWRIGHT_JOB_STATUS"), status);
        environment.insert(QStringLiteral("CI_JOB_STATUS"), status);
    }
    process->setProcessEnvironment(environment);

    connect(process, &QProcess::finished, this, &LocalJobExecution::onProcessFinished);
    connect(process, &QProcess::errorOccurred, this, &LocalJobExecution::onStartFailed);
    return process;
}

QString LocalJobExecution::jobStatusWord() const
{
    if (!m_outcome)
        return QStringLiteral("success");
    return m_outcome->kind == JobOutcome::Kind::Cancelled ? QStringLiteral("canceled")
                                                          : QStringLiteral("failed");
}

QString LocalJobExecution::echoLine(const QString &command) const
{
    return QStringLiteral("$ ") + command + QLatin1Char('\n');
}

void LocalJobExecution::startStep(int index)
{
    m_current = index;
    const Step &step = m_steps[index];
    if (!m_launch.singleSession)
        emit output(echoLine(step.command).toUtf8());

    m_pipe = new OutputPipe(this);
    connect(m_pipe, &OutputPipe::output, this, &JobExecution::output);
    if (!m_pipe->open()) {
        failToStart(QStringLiteral("cannot make an output pipe: ") + m_pipe->errorString());
        return;
    }
    m_pipe->setPaused(m_outputPaused);

    QString problem;
    QStringList program = commandLine(step.command, &problem);
    if (program.isEmpty()) {
        failToStart(problem);
        return;
    }
    m_process = makeProcess();
    m_supervised = !supervisorPath().isEmpty();
    m_process->start(program.takeFirst(), program);
    // Kept here: QProcess forgets the id once the process has ended, and the group may
    // still hold its background processes then.
    m_processGroup = m_process->processId();
    m_pipe->closeWriteEnd();
}

QStringList LocalJobExecution::commandLine(const QString &command, QString *problem) const
{
    const QStringList shellCommand{m_launch.shell, QStringLiteral("-c"), command};
    if (supervisorPath().isEmpty())
        return shellCommand;

    // Found here, so that a missing shell fails the job as it does without the supervisor.
    QString shell = m_launch.shell;
    if (!shell.contains(QLatin1Char('/')))
        shell = QStandardPaths::findExecutable(shell);
    if (shell.isEmpty() || !QFileInfo(shell).isExecutable() || QFileInfo(shell).isDir()) {
        *problem = QStringLiteral("cannot start '%1': no such program").arg(m_launch.shell);
        return {};
    }
    return QStringList{supervisorPath(), QString::number(::getpid()), shell, QStringLiteral("-c"),
                       command};
}

void LocalJobExecution::setOutputPaused(bool paused)
{
    m_outputPaused = paused;
    if (m_pipe)
        m_pipe->setPaused(paused);
}

void LocalJobExecution::closePipe()
{
    if (!m_pipe)
        return;
    m_pipe->drainAndClose();
    m_pipe->deleteLater();
    m_pipe = nullptr;
}

void LocalJobExecution::nextStep()
{
    // After a failure, a timeout or a cancel only the after-commands are left, and a stop
    // skips even those: the job has to end within its grace period.
    int next = m_current + 1;
    while (next < m_steps.size() && m_outcome && !m_steps[next].isAfter)
        ++next;
    if (m_stopping || next >= m_steps.size()) {
        finish();
        return;
    }
    startStep(next);
}

void LocalJobExecution::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    QProcess *process = m_process;
    m_process = nullptr;
    process->disconnect(this);
    // What the command left running in the background ends with it. Doing this at once,
    // not at the end of the job, keeps the group id from being reused by another process.
    // A supervisor has done so before it ended, also for what left the group.
    if (!m_supervised)
        signalProcessGroup(SIGKILL);
    m_processGroup = 0;
    closePipe();
    process->deleteLater();

    const bool isAfter = m_steps[m_current].isAfter;
    const int code = status == QProcess::CrashExit ? 128 + exitCode : exitCode;
    if (!m_outcome && !isAfter && code != 0) {
        const QString reason = status == QProcess::CrashExit
                                   ? QStringLiteral("killed by signal %1").arg(exitCode)
                                   : QStringLiteral("exit code %1").arg(code);
        m_outcome = JobOutcome{JobOutcome::Kind::Exited, code, reason};
    }
    if (isAfter && code != 0) {
        emit output(QStringLiteral("after-command exited with code %1; the job's outcome "
                                   "stands\n")
                        .arg(code)
                        .toUtf8());
    }
    nextStep();
}

void LocalJobExecution::onStartFailed(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || !m_process)
        return;

    QProcess *process = m_process;
    m_process = nullptr;
    m_processGroup = 0;
    process->disconnect(this);
    process->deleteLater();
    failToStart(
        QStringLiteral("cannot start '%1': %2").arg(m_launch.shell, process->errorString()));
}

void LocalJobExecution::failToStart(const QString &reason)
{
    closePipe();
    m_outcome = JobOutcome{JobOutcome::Kind::FailedToStart, 127, reason};
    finish();
}

void LocalJobExecution::onTimeout()
{
    stop(JobOutcome::Kind::TimedOut,
         QStringLiteral("timeout after %1").arg(formatDuration(*m_launch.timeout)));
}

void LocalJobExecution::stop(JobOutcome::Kind kind, const QString &reason)
{
    if (m_finished || m_stopping)
        return;

    m_stopping = true;
    m_outcome = JobOutcome{kind, kind == JobOutcome::Kind::TimedOut ? 124 : 130, reason};
    m_timeoutTimer.stop();
    if (!m_process) {
        finish();
        return;
    }
    qCDebug(lcExec) << "stopping job" << m_launch.name << "of run" << m_launch.runId << reason;
    signalProcessGroup(SIGTERM);
    m_killTimer.start(m_launch.killGrace);
}

void LocalJobExecution::finish()
{
    if (m_finished)
        return;

    m_finished = true;
    m_timeoutTimer.stop();
    m_killTimer.stop();
    emit finished(m_outcome.value_or(JobOutcome{}));
}

void LocalJobExecution::signalProcessGroup(int signal)
{
    // Never 0 or negative: kill(0) and kill(-1) would reach the orchestrator itself.
    if (m_processGroup <= 0)
        return;

    const pid_t group = pid_t(m_processGroup);
    if (m_supervised) {
        // The supervisor alone is signalled: it passes a stop on to the whole job, and kills
        // it for SIGUSR1. SIGKILL would end the supervisor before it could do that.
        ::kill(group, signal == SIGKILL ? SIGUSR1 : signal);
        return;
    }
    ::kill(-group, signal);
    // The child may not have called setpgid yet; signal it directly as well.
    ::kill(group, signal);
}

} // namespace pw
