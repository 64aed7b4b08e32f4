#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace pw::test {

// Runs git in `folder` as a fixed test identity; false, with git's own words in the test's
// log, when it fails.
bool git(const QString &folder, const QStringList &arguments);

// Makes `folder` a repository whose first branch is `branch`, with no commit yet.
bool initGitRepository(const QString &folder, const QString &branch);

// Writes `text` to `name` in `folder` and commits it; gives the new commit's id, or an
// empty string when git fails.
QString commitFile(const QString &folder, const QString &name, const QByteArray &text);

} // namespace pw::test
