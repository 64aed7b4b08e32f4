#pragma once

#include <QStringList>

namespace pw {

// The number of single-character edits that turn one string into the other.
int editDistance(const QString &a, const QString &b);

// The candidate closest to `word`, if it is close enough to be a likely typo; else empty.
QString closestMatch(const QString &word, const QStringList &candidates);

} // namespace pw
