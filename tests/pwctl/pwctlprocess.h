#pragma once

#include <QJsonObject>
#include <QProcess>
#include <QStringList>

namespace pw::test {

// The outcome of one pwctl invocation.
struct PwctlResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonObject json() const;
};

// Runs the pwctl under test with `arguments` and waits for it (tests may block).
PwctlResult runPwctl(const QStringList &arguments, const QString &workingDirectory = {},
                     int timeoutMs = 120000);

// Starts pwctl without waiting, for tests that interrupt it or feed it events.
QProcess *startPwctl(const QStringList &arguments, QObject *parent,
                     const QString &workingDirectory = {});

QString pwctlPath();

} // namespace pw::test
