// The desktop app's Help ▸ About box shows the project's version.
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QTemporaryDir>
#include <QTest>

using namespace pw::test;

class AboutBoxTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { dropPlatformNoise(); }
    void init() { failOnWarnings(); }
    void aboutBoxShowsTheVersion();
};

void AboutBoxTest::aboutBoxShowsTheVersion()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    pw::gui::ConnectionSettings connection;
    connection.store = dir.filePath(QStringLiteral("history.sqlite"));
    pw::gui::MainWindow window(connection);

    // Find Help ▸ About through the menus, as a user would.
    QAction *about = nullptr;
    for (QAction *menu : window.menuBar()->actions()) {
        if (menu->text() != QLatin1String("&Help") || !menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->text().startsWith(QLatin1String("&About")))
                about = action;
        }
    }
    QVERIFY2(about, "there is no Help ▸ About");
    about->trigger();

    auto *box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QVERIFY2(box->text().contains(QStringLiteral("Pipewright " PIPEWRIGHT_VERSION)),
             qPrintable(box->text()));
    box->close();
}

QTEST_MAIN(AboutBoxTest)
#include "tst_aboutbox.moc"
