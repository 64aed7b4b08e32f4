#include "diagnostic.h"

#include <algorithm>

namespace pw {

QString SourceLocation::toString() const
{
    QString text = file;
    if (line > 0)
        text += QLatin1Char(':') + QString::number(line);
    if (line > 0 && column > 0)
        text += QLatin1Char(':') + QString::number(column);
    return text;
}

QString Diagnostic::toString() const
{
    const QString kind =
        severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    const QString where = location.toString();
    if (where.isEmpty())
        return kind + QStringLiteral(": ") + message;
    return where + QStringLiteral(": ") + kind + QStringLiteral(": ") + message;
}

bool hasErrors(const Diagnostics &diagnostics)
{
    return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic &d) {
        return d.severity == Diagnostic::Severity::Error;
    });
}

} // namespace pw
