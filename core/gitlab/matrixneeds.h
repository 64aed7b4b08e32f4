#pragma once

#include "core/util/result.h"

#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace pw::gitlab {

// Whether a need's matrix filter refers to the needing instance's own values.
bool refersToMatrix(const QMap<QString, QString> &filter);

// GitLab's `$[[ matrix.NAME ]]` in the values of a need's matrix filter, replaced by the value
// of NAME in `instanceValues`, the matrix values of the instance that needs (spaces inside
// the brackets and text around the expression are allowed: `build-$[[ matrix.OS ]]`).
// Fails, naming `instanceName`, when the instance has no matrix value of that name.
Result<QMap<QString, QString>>
resolveMatrixFilter(const QMap<QString, QString> &filter,
                    const QList<QPair<QString, QString>> &instanceValues,
                    const QString &instanceName);

} // namespace pw::gitlab
