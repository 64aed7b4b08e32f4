#include "safepath.h"

#include <QStringList>

namespace pw::files {

namespace {

// Names longer than this are refused rather than handed to the file system.
constexpr int maxNameLength = 4096;

} // namespace

QString storedNameProblem(const QString &name)
{
    if (name.isEmpty())
        return QStringLiteral("is empty");
    if (name.size() > maxNameLength)
        return QStringLiteral("is longer than %1 characters").arg(maxNameLength);
    if (name.startsWith(QLatin1Char('/')))
        return QStringLiteral("is absolute");
    if (name.contains(QLatin1Char('\\')) || name.contains(QChar(0)))
        return QStringLiteral("contains a backslash or a NUL character");

    for (const QString &part : name.split(QLatin1Char('/'))) {
        if (part == QLatin1String(".."))
            return QStringLiteral("climbs out with '..'");
        if (part.isEmpty() || part == QLatin1String("."))
            return QStringLiteral("has an empty or '.' part");
    }
    return QString();
}

QString patternProblem(const QString &pattern)
{
    QString trimmed = pattern;
    while (trimmed.endsWith(QLatin1Char('/')))
        trimmed.chop(1);
    while (trimmed.startsWith(QLatin1String("./")))
        trimmed = trimmed.mid(2);
    if (trimmed.isEmpty() || trimmed == QLatin1String("."))
        return QString();
    return storedNameProblem(trimmed);
}

QString linkTargetProblem(const QString &linkPath, const QString &target)
{
    if (target.startsWith(QLatin1Char('/')))
        return QStringLiteral("points to the absolute path %1").arg(target);

    // The link's own folder is where its text is read from.
    int depth = int(linkPath.count(QLatin1Char('/')));
    for (const QString &part : target.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String(".."))
            --depth;
        else if (part != QLatin1String("."))
            ++depth;
        if (depth < 0)
            return QStringLiteral("points outside the folder (%1)").arg(target);
    }
    return QString();
}

} // namespace pw::files
