#include "diagnosticsink.h"

#include "core/util/editdistance.h"
#include "limits.h"

#include <algorithm>

namespace pw::loader {

void DiagnosticSink::error(const SourceLocation &location, const QString &message)
{
    ++m_errorCount;
    add(Diagnostic::Severity::Error, location, message);
}

void DiagnosticSink::warning(const SourceLocation &location, const QString &message)
{
    add(Diagnostic::Severity::Warning, location, message);
}

void DiagnosticSink::add(Diagnostic::Severity severity, const SourceLocation &location,
                         const QString &message)
{
    if (m_diagnostics.size() >= maxDiagnostics) {
        ++m_dropped;
        return;
    }
    m_diagnostics.append({severity, location, message});
}

QString DiagnosticSink::didYouMean(const QString &word, const QStringList &candidates)
{
    if (++m_suggestions > maxSuggestions)
        return QString();

    const QString match = closestMatch(word, candidates);
    if (match.isEmpty() || match == word)
        return QString();
    return QStringLiteral("; did you mean '%1'?").arg(match);
}

Diagnostics DiagnosticSink::takeSorted()
{
    const auto before = [](const Diagnostic &a, const Diagnostic &b) {
        return std::tie(a.location.line, a.location.column)
               < std::tie(b.location.line, b.location.column);
    };
    std::stable_sort(m_diagnostics.begin(), m_diagnostics.end(), before);

    // Aliases let one node be read several times; its problems are reported once.
    const auto same = [](const Diagnostic &a, const Diagnostic &b) {
        return a.location.line == b.location.line && a.location.column == b.location.column
               && a.message == b.message && a.severity == b.severity;
    };
    m_diagnostics.erase(std::unique(m_diagnostics.begin(), m_diagnostics.end(), same),
                        m_diagnostics.end());

    if (m_dropped > 0) {
        const QString file =
            m_diagnostics.isEmpty() ? QString() : m_diagnostics.first().location.file;
        m_diagnostics.append({Diagnostic::Severity::Error, SourceLocation{file, 0, 0},
                              QStringLiteral("%1 more problems were not listed").arg(m_dropped)});
    }
    return std::exchange(m_diagnostics, {});
}

} // namespace pw::loader
