#include "core/secrets/keychainpassword.h"
#include "widgets/mainwindow.h"
#include "widgets/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <functional>
#include <memory>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Pipewright"));
    QApplication::setApplicationName(QStringLiteral("pipewright"));
    QApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/pipewright.svg")));
    pw::gui::installTranslations(app, QLocale::system());

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "The Pipewright desktop app: run pipelines, watch "
                                        "them and look back at their history."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QApplication::translate("main", "The history store (default: "
                                                      "the settings, $PIPEWRIGHT_DB or the data "
                                                      "folder)."),
                      QStringLiteral("location")});
    parser.addOption({QStringLiteral("redis"),
                      QApplication::translate("main", "The Redis server for notifications "
                                                      "(default: the settings, or "
                                                      "$PIPEWRIGHT_REDIS)."),
                      QStringLiteral("url")});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A pipeline file to open."));
    parser.process(app);
    // A PostgreSQL store's password comes from the keychain (see pwctl login), never a file.
    pw::installKeychainPasswordProvider();

    pw::gui::ConnectionSettings connection = pw::gui::ConnectionSettings::load();
    if (parser.isSet(QStringLiteral("db")))
        connection.store = parser.value(QStringLiteral("db"));
    if (parser.isSet(QStringLiteral("redis")))
        connection.redis = parser.value(QStringLiteral("redis"));

    // New connection settings take effect in a new window, with the same pipeline open; the
    // old one goes once no run of it is going.
    std::unique_ptr<pw::gui::MainWindow> window;
    std::function<void(const pw::gui::ConnectionSettings &, const QString &)> open;
    open = [&](const pw::gui::ConnectionSettings &settings, const QString &pipeline) {
        const QRect geometry = window ? window->geometry() : QRect(100, 100, 1100, 700);
        window = std::make_unique<pw::gui::MainWindow>(settings);
        QObject::connect(window.get(), &pw::gui::MainWindow::connectionChanged, &app,
                         [&](const pw::gui::ConnectionSettings &changed) {
                             const QString path = window->pipelinePath();
                             QTimer::singleShot(0, &app,
                                                [&, changed, path] { open(changed, path); });
                         });
        if (!pipeline.isEmpty())
            window->openPipeline(pipeline);
        window->setGeometry(geometry);
        window->show();
    };
    open(connection, parser.positionalArguments().value(0));
    return app.exec();
}
