#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace pw::test {

// The outcome of one program run to its end.
struct ProgramResult
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    // Exit code and both outputs, for a failure message.
    QString describe() const;
};

// Runs `program` with `arguments` and waits; a program that does not start or does not end
// within `timeoutMs` gives exit code -1 and says so in `err`.
ProgramResult
runProgram(const QString &program, const QStringList &arguments,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 120000);

} // namespace pw::test
