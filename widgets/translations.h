#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace pw::gui {

// Where the app looks for its .qm files: beside an installed package's data, then in the
// build tree next to the executable.
QStringList translationFolders();

// Installs the translations of the app's strings for `locale` from the first of `folders`
// that has them, and Qt's own (standard dialogs, shortcuts) from Qt's folder. English needs
// none. Returns whether the app's strings were found.
bool installTranslations(QCoreApplication &app, const QLocale &locale,
                         const QStringList &folders = translationFolders());

} // namespace pw::gui
