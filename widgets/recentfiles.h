#pragma once

#include <QStringList>

namespace pw::gui {

// The pipeline files opened last, newest first, remembered in the application's settings.
class RecentFiles
{
public:
    static constexpr int maxFiles = 10;

    QStringList files() const;
    // Puts `path` (made absolute) first; drops the oldest beyond maxFiles.
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void save(const QStringList &files);
};

} // namespace pw::gui
