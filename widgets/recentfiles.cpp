#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace pw::gui {

namespace {

const QString settingsKey = QStringLiteral("recentPipelines");

} // namespace

QStringList RecentFiles::files() const
{
    QStringList files = QSettings().value(settingsKey).toStringList();
    // Settings edited by hand may hold anything; only the first few are used.
    if (files.size() > maxFiles)
        files.resize(maxFiles);
    return files;
}

void RecentFiles::add(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    if (list.size() > maxFiles)
        list.resize(maxFiles);
    save(list);
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = files();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    save(list);
}

void RecentFiles::clear()
{
    save({});
}

void RecentFiles::save(const QStringList &files)
{
    QSettings().setValue(settingsKey, files);
}

} // namespace pw::gui
