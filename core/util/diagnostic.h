#pragma once

#include <QList>
#include <QString>

namespace pw {

// A place in a source file. Lines and columns count from 1; 0 means unknown.
struct SourceLocation
{
    QString file;
    int line = 0;
    int column = 0;

    bool isValid() const { return line > 0; }
    // "file:line:column", leaving out what is unknown.
    QString toString() const;
};

// One problem found in a pipeline file.
struct Diagnostic
{
    enum class Severity { Error, Warning };

    Severity severity = Severity::Error;
    SourceLocation location;
    QString message;

    // "file:line:column: error: message", the form compilers and editors understand.
    QString toString() const;
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace pw
