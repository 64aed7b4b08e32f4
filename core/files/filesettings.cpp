#include "filesettings.h"

#include "fileslog.h"

#include <QStandardPaths>

namespace pw::files {

QString FilesSettings::runWorkspaces(qint64 runId) const
{
    return root + QStringLiteral("/workspaces/run-%1").arg(runId);
}

QString FilesSettings::workspace(qint64 runId, int job) const
{
    return runWorkspaces(runId) + QStringLiteral("/job-%1").arg(job);
}

std::optional<qint64> parseSize(const QString &text)
{
    QString digits = text.trimmed();
    qint64 unit = 1;
    const QChar last = digits.isEmpty() ? QChar() : digits.back().toUpper();
    const QString units = QStringLiteral("KMGT");
    if (const qsizetype power = units.indexOf(last); power >= 0) {
        unit = qint64(1) << (10 * (power + 1));
        digits.chop(1);
    }
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    if (!ok || value < 0 || value > (qint64(1) << 62) / unit)
        return std::nullopt;
    return value * unit;
}

FilesSettings defaultFilesSettings(const QString &storeLocation)
{
    FilesSettings settings;
    settings.root = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
                    + QStringLiteral("/pipewright");
    settings.storeLocation = storeLocation;
    const QString limit = qEnvironmentVariable("PIPEWRIGHT_CACHE_LIMIT");
    if (!limit.isEmpty()) {
        if (const std::optional<qint64> bytes = parseSize(limit))
            settings.cacheLimit = *bytes;
        else
            qCWarning(lcFiles).noquote() << "PIPEWRIGHT_CACHE_LIMIT" << limit
                                         << "is not a size such as 500M or 20G; using 10G";
    }
    return settings;
}

} // namespace pw::files
