#include "core/secrets/keychainpassword.h"
#include "widgets/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Pipewright"));
    QApplication::setApplicationName(QStringLiteral("pipewright"));
    QApplication::setApplicationVersion(QStringLiteral(PIPEWRIGHT_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/pipewright.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "The Pipewright desktop app: run pipelines, watch "
                                        "them and look back at their history."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({QStringLiteral("db"),
                      QApplication::translate("main", "The history store (default: "
                                                      "$PIPEWRIGHT_DB or the data folder)."),
                      QStringLiteral("location")});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "A pipeline file to open."));
    parser.process(app);
    // A PostgreSQL store's password comes from the keychain (see pwctl login), never a file.
    pw::installKeychainPasswordProvider();

    pw::gui::MainWindow window(parser.value(QStringLiteral("db")));
    if (!parser.positionalArguments().isEmpty())
        window.openPipeline(parser.positionalArguments().constFirst());
    window.resize(1100, 700);
    window.show();
    return app.exec();
}
