#include "matrixneeds.h"

#include <QRegularExpression>

namespace pw::gitlab {

namespace {

const QRegularExpression &matrixExpression()
{
    static const QRegularExpression expression(
        QStringLiteral("\\$\\[\\[\\s*matrix\\.([A-Za-z0-9_-]+)\\s*\\]\\]"));
    return expression;
}

std::optional<QString> valueOf(const QList<QPair<QString, QString>> &values, const QString &name)
{
    for (const auto &[key, value] : values) {
        if (key == name)
            return value;
    }
    return std::nullopt;
}

} // namespace

bool refersToMatrix(const QMap<QString, QString> &filter)
{
    for (const QString &value : filter) {
        if (value.contains(QLatin1String("$[[")))
            return true;
    }
    return false;
}

Result<QMap<QString, QString>>
resolveMatrixFilter(const QMap<QString, QString> &filter,
                    const QList<QPair<QString, QString>> &instanceValues,
                    const QString &instanceName)
{
    QMap<QString, QString> resolved;
    for (auto it = filter.cbegin(); it != filter.cend(); ++it) {
        QString value;
        qsizetype from = 0;
        QRegularExpressionMatchIterator matches = matrixExpression().globalMatch(it.value());
        while (matches.hasNext()) {
            const QRegularExpressionMatch match = matches.next();
            const std::optional<QString> own = valueOf(instanceValues, match.captured(1));
            if (!own) {
                return Error{QStringLiteral("'%1' in the need's matrix: job '%2' has no matrix "
                                            "value '%3'")
                                 .arg(match.captured(0), instanceName, match.captured(1))};
            }
            value += it.value().mid(from, match.capturedStart() - from) + *own;
            from = match.capturedEnd();
        }
        resolved.insert(it.key(), value + it.value().mid(from));
    }
    return resolved;
}

} // namespace pw::gitlab
