#include "translations.h"

#include "widgetslog.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace pw::gui {

QStringList translationFolders()
{
    const QString bin = QCoreApplication::applicationDirPath();
    return {bin + QStringLiteral("/../share/pipewright/translations"),
            bin + QStringLiteral("/translations")};
}

bool installTranslations(QCoreApplication &app, const QLocale &locale, const QStringList &folders)
{
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return true;

    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;

    auto *own = new QTranslator(&app);
    for (const QString &folder : folders) {
        if (own->load(locale, QStringLiteral("pipewright"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(own);
            return true;
        }
    }
    delete own;
    qCInfo(lcWidgets) << "no translation of the app for" << locale.name();
    return false;
}

} // namespace pw::gui
