#include "core/exec/localjobrunner.h"
#include "testsupport.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace pw;

namespace {

// Alive and not a zombie waiting for init to reap it.
bool processAlive(pid_t pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray stat = file.readAll();
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.size() > close + 2 && stat.at(close + 2) != 'Z';
}

pid_t readPid(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? pid_t(file.readAll().trimmed().toInt()) : 0;
}

} // namespace

// The job supervisor, through the local runner: what a job starts never outlives it.
class tst_JobSupervisor : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }
    void escapedProcessesEndWithTheirJob_data();
    void escapedProcessesEndWithTheirJob();
    void jobEndsAsItsShellDid_data();
    void jobEndsAsItsShellDid();

private:
    // Runs `command` as a job to its end, cancelling it once `pidFile` is written when asked.
    void runJob(const QString &command, bool cancelOnceStarted, const QString &pidFile,
                JobOutcome *outcome);

    QTemporaryDir m_dir;
};

void tst_JobSupervisor::runJob(const QString &command, bool cancelOnceStarted,
                               const QString &pidFile, JobOutcome *outcome)
{
    JobLaunch launch;
    launch.name = QStringLiteral("job");
    launch.commands = {command};
    launch.workingDirectory = m_dir.path();
    launch.killGrace = Milliseconds(2000);
    LocalJobRunner runner;
    JobExecution *execution = runner.createExecution(launch, this);
    QSignalSpy finished(execution, &JobExecution::finished);
    execution->start();
    if (cancelOnceStarted) {
        QTRY_VERIFY_WITH_TIMEOUT(readPid(pidFile) > 0, 10000);
        execution->cancel();
    }
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    *outcome = finished.first().first().value<JobOutcome>();
    delete execution;
}

void tst_JobSupervisor::escapedProcessesEndWithTheirJob_data()
{
    QTest::addColumn<QString>("escape");
    QTest::addColumn<bool>("cancel");

    QTest::newRow("a process in a session of its own ends when the job ends")
        << "setsid sh -c 'echo $$ > PID; exec sleep 60' &" << false;
    QTest::newRow("a double-forked process ends when the job ends")
        << "( sleep 60 & echo $! > PID ) &" << false;
    QTest::newRow("a process in a session of its own ends when the job is cancelled")
        << "setsid sh -c 'echo $$ > PID; exec sleep 60' &" << true;
    QTest::newRow("a process that ignores SIGTERM is killed after the grace period")
        << "setsid sh -c 'trap \"\" TERM; echo $$ > PID; while :; do sleep 1; done' &" << true;
}

void tst_JobSupervisor::escapedProcessesEndWithTheirJob()
{
    QFETCH(QString, escape);
    QFETCH(bool, cancel);

    // A name without spaces: it goes into the command as it is.
    static int count = 0;
    const QString pidFile = m_dir.filePath(QStringLiteral("escaped-%1.pid").arg(++count));
    escape.replace(QStringLiteral("PID"), pidFile);
    // The job waits for the pid file, so that the process has escaped before it ends.
    const QString command =
        escape + QStringLiteral(" while [ ! -s %1 ]; do sleep 0.05; done;").arg(pidFile)
        + (cancel ? QStringLiteral(" sleep 60") : QStringLiteral(" true"));
    JobOutcome outcome;
    runJob(command, cancel, pidFile, &outcome);
    if (QTest::currentTestFailed())
        return;

    QCOMPARE(outcome.kind, cancel ? JobOutcome::Kind::Cancelled : JobOutcome::Kind::Exited);
    const pid_t escaped = readPid(pidFile);
    QVERIFY(escaped > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!processAlive(escaped), 5000);
}

void tst_JobSupervisor::jobEndsAsItsShellDid_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("reason");

    QTest::newRow("an exit code passes through") << "exit 7" << 7 << "exit code 7";
    QTest::newRow("success passes through") << "true" << 0 << "";
    QTest::newRow("a signal passes through") << "kill -KILL $$" << 137 << "killed by signal 9";
}

void tst_JobSupervisor::jobEndsAsItsShellDid()
{
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, reason);

    JobOutcome outcome;
    runJob(command, false, QString(), &outcome);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(outcome.kind, JobOutcome::Kind::Exited);
    QCOMPARE(outcome.exitCode, exitCode);
    QCOMPARE(outcome.reason, reason);
}

QTEST_GUILESS_MAIN(tst_JobSupervisor)
#include "tst_jobsupervisor.moc"
