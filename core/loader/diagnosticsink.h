#pragma once

#include "core/util/diagnostic.h"

#include <QStringList>

namespace pw::loader {

// Collects the problems found in one file. Keeps at most maxDiagnostics of them and adds
// a last one saying how many more there were, so that a file of garbage stays cheap.
class DiagnosticSink
{
public:
    void error(const SourceLocation &location, const QString &message);
    void warning(const SourceLocation &location, const QString &message);

    bool hasErrors() const { return m_errorCount > 0; }

    // "; did you mean 'needs'?" when `word` looks like a typo of a candidate, else empty.
    // Stops suggesting after maxSuggestions calls, because each call is linear in the
    // number of candidates and a broken file may ask for thousands.
    QString didYouMean(const QString &word, const QStringList &candidates);

    // The diagnostics ordered by position (those without one first), without repeats.
    Diagnostics takeSorted();

private:
    void add(Diagnostic::Severity severity, const SourceLocation &location, const QString &message);

    Diagnostics m_diagnostics;
    int m_errorCount = 0;
    int m_dropped = 0;
    int m_suggestions = 0;
};

} // namespace pw::loader
