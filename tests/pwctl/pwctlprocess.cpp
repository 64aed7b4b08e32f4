#include "pwctlprocess.h"

#include <QJsonDocument>

namespace pw::test {

QString pwctlPath()
{
    return QStringLiteral(PIPEWRIGHT_PWCTL);
}

QJsonObject PwctlResult::json() const
{
    return QJsonDocument::fromJson(out).object();
}

PwctlResult runPwctl(const QStringList &arguments, const QString &workingDirectory, int timeoutMs)
{
    QProcess process;
    process.setWorkingDirectory(workingDirectory);
    process.start(pwctlPath(), arguments);
    process.closeWriteChannel();
    PwctlResult result;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        result.err = "pwctl did not finish in time";
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QProcess *startPwctl(const QStringList &arguments, QObject *parent, const QString &workingDirectory)
{
    auto *process = new QProcess(parent);
    process->setWorkingDirectory(workingDirectory);
    process->start(pwctlPath(), arguments);
    process->closeWriteChannel();
    return process;
}

} // namespace pw::test
