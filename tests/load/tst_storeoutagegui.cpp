// The desktop app while its history store (PostgreSQL) goes away during a run: the real main
// window and run controller, offscreen. The status bar says the store is unreachable and the
// records are held, and clears once the store answers; a store unreachable at the start is
// shown as the reason the run cannot start.
#include "core/store/runstore.h"
#include "guitestsupport.h"
#include "loadsupport.h"
#include "postgresserver.h"
#include "testsupport.h"
#include "toleratedwarnings.h"
#include "widgets/connectionsettings.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/store/storestatuslabel.h"

#include <QFile>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::gui;
using namespace pw::test;

namespace {

constexpr int runTimeoutMs = 60000;

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

} // namespace

class StoreOutageGuiTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void statusBarTellsWhileTheStoreIsAway();
    void storeUnreachableAtStartIsShown();
    void longReasonIsCutInTheStatusBar();

private:
    QString writePipeline(const PipelineShape &shape);

    QTemporaryDir m_home;
    std::unique_ptr<PostgresServer> m_server;
    QString m_location;
};

void StoreOutageGuiTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    dropPlatformNoise();
    useScratchHome(m_home, QStringLiteral("tst_storeoutagegui"));
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));

    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_location = m_server->historyUrl();
}

void StoreOutageGuiTest::init()
{
    failOnWarnings();
}

void StoreOutageGuiTest::cleanup()
{
    if (m_server && !m_server->isRunning())
        QVERIFY(m_server->restart());
}

QString StoreOutageGuiTest::writePipeline(const PipelineShape &shape)
{
    const QString path = m_home.filePath(shape.name + QStringLiteral(".yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pipelineText(shape));
    return path;
}

void StoreOutageGuiTest::statusBarTellsWhileTheStoreIsAway()
{
    PipelineShape shape;
    shape.name = QStringLiteral("appoutage");
    shape.stages = 2;
    shape.jobsPerStage = 2;
    shape.lines = 40;
    shape.lineDelayMs = 100;
    ConnectionSettings connection;
    connection.store = m_location;
    connection.workers = 2;
    MainWindow window(connection);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *storeState = window.statusBar()->findChild<StoreStatusLabel *>("storeState");
    QVERIFY(storeState);
    QVERIFY(!storeState->isVisible());

    window.openPipeline(writePipeline(shape));
    QTRY_VERIFY(window.pipeline() != nullptr);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    QSignalSpy availability(window.controller(), &RunController::storeAvailabilityChanged);
    QVERIFY(window.startRun(RunContext{}).ok());
    QTest::qWait(1500);

    // The history view and the gate notifier read the store too while it is away; what they
    // say is theirs to test. Here: the status bar.
    const ToleratedWarnings lostStatements(isLostStatementWarning);
    QVERIFY(m_server->stop());
    QTRY_VERIFY_WITH_TIMEOUT(storeState->isVisible(), 15000);
    QVERIFY2(storeState->text().startsWith(QLatin1String("History store unreachable: ")),
             qPrintable(storeState->text()));
    QVERIFY2(storeState->text().endsWith(QStringLiteral(" — records are held")),
             qPrintable(storeState->text()));
    QVERIFY2(storeState->text().contains(QLatin1String("cannot be reached"))
                 || storeState->text().contains(QLatin1String("Connection refused")),
             qPrintable(storeState->text()));
    // The reason without the store's own "cannot write to ... at LOCATION: "; all of it in
    // the tooltip.
    QVERIFY2(!storeState->text().contains(m_location), qPrintable(storeState->text()));
    QVERIFY2(storeState->toolTip().contains(QStringLiteral("cannot write to the history store at ")
                                            + m_location),
             qPrintable(storeState->toolTip()));
    QVERIFY(window.controller()->isRunning());
    QTest::qWait(2000);
    QCOMPARE(finished.size(), 0);

    const Status restarted = m_server->restart();
    QVERIFY2(restarted, qPrintable(errorOf(restarted)));
    QTRY_VERIFY_WITH_TIMEOUT(!storeState->isVisible(), 15000);
    QVERIFY(storeState->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QCOMPARE(availability.size(), 2);
    QCOMPARE(availability.at(0).at(0).toBool(), false);
    QCOMPARE(availability.at(1).at(0).toBool(), true);

    const qint64 runId = finished.at(0).at(0).value<RunRecord>().id;
    const Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    const Status complete = checkRunIsComplete(**store, runId, shape);
    QVERIFY2(complete, qPrintable(errorOf(complete)));
}

void StoreOutageGuiTest::storeUnreachableAtStartIsShown()
{
    // Nothing listens on port 1: the connection is refused at once.
    const QString location = QStringLiteral("postgresql://ci@127.0.0.1:1/history");
    PipelineShape shape;
    shape.name = QStringLiteral("appneverstarted");
    shape.stages = 1;
    shape.jobsPerStage = 1;
    const ToleratedWarnings unreachable(
        [location](const QString &text) { return text.contains(location); });
    ConnectionSettings connection;
    connection.store = location;
    MainWindow window(connection);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPipeline(writePipeline(shape));
    QTRY_VERIFY(window.pipeline() != nullptr);

    const Status started = window.startRun(RunContext{});
    QVERIFY(!started);
    const QString prefix = QStringLiteral("cannot open the history store at %1: ").arg(location);
    QVERIFY2(started.error().message.startsWith(prefix), qPrintable(started.error().message));
    QVERIFY(!window.controller()->isRunning());
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>()) != nullptr);
    QCOMPARE(box->windowTitle(), QStringLiteral("Cannot start the run"));
    QVERIFY2(box->text().startsWith(prefix), qPrintable(box->text()));
    box->close();
    // The history tab said so too, on its reader's thread.
    QTRY_VERIFY(ToleratedWarnings::count() >= 1);
}

void StoreOutageGuiTest::longReasonIsCutInTheStatusBar()
{
    StoreStatusLabel label;
    const QString reason =
        QStringLiteral("the server cannot be reached (") + QString(200, 'x') + QLatin1Char(')');
    const QString message =
        QStringLiteral("cannot write to the history store at /tmp/history.sqlite: ") + reason;
    label.setAvailability(false, message);
    QVERIFY(!label.isStoreAvailable());
    QVERIFY(!label.isHidden());
    QCOMPARE(label.text(), QStringLiteral("History store unreachable: ") + reason.left(89)
                               + QChar(0x2026) + QStringLiteral(" — records are held"));
    QVERIFY(label.toolTip().endsWith(message));

    label.setAvailability(true, QString());
    QVERIFY(label.isStoreAvailable());
    QVERIFY(label.isHidden());
    QVERIFY(label.text().isEmpty());
}

QTEST_MAIN(StoreOutageGuiTest)
#include "tst_storeoutagegui.moc"
