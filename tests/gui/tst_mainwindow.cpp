#include "core/util/currentuser.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/gates/gatepanel.h"
#include "widgets/gates/gatesview.h"
#include "widgets/history/historymodel.h"
#include "widgets/history/historyview.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/logs/logview.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/rundialog.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"
#include "widgets/settingsdialog.h"
#include "widgets/store/storereader.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace pw;
using namespace pw::gui;

namespace {

constexpr int runTimeoutMs = 30000;

QString helloPipeline()
{
    return test::sourceDir() + QStringLiteral("/examples/hello/pipewright.yml");
}

// The statuses every job of a finished run shows, by job name.
QMap<QString, QString> jobStatuses(const RunModel &model)
{
    QMap<QString, QString> statuses;
    for (int job = 0; job < model.run().jobs.size(); ++job) {
        const QModelIndex status = model.indexOfJob(job, RunModel::StatusColumn);
        statuses.insert(model.run().jobs.at(job).name,
                        status.data(RunModel::StatusKeywordRole).toString());
    }
    return statuses;
}

QString runStatusOf(const RunModel &model)
{
    return keyword(model.run().status);
}

int jobNamed(const RunModel &model, const QString &name)
{
    for (const JobRecord &job : model.run().jobs) {
        if (job.name == name)
            return job.index;
    }
    return -1;
}

QStringList logLines(const LogLinesModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row)
        lines.append(model.lineText(row));
    return lines;
}

void clickJob(RunMonitor &monitor, int job)
{
    QTreeView *tree = monitor.jobTree();
    const QModelIndex index = monitor.runModel().indexOfJob(job);
    tree->scrollTo(index);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
}

} // namespace

class MainWindowTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runShowsLiveStatusLogAndHistory();
    void cancelStopsTheRunAndRunAgainStartsAnother();
    void settingsRefuseWhatTheyCannotRead_data();
    void settingsRefuseWhatTheyCannotRead();
    void savedSettingsAskForANewWindow();
    void aGitLabFileRunsInTheMonitor();
    void aFolderOpensItsPipeline();
    void aFolderWithSeveralPipelinesAsksWhich();
    void teamStoreFieldsMakeItsLocation();
    void aPasswordTheServerRefusesIsNotKept();
    void settingsShowWhoDecidesGates();
    void expiredArtifactsGoWhenTheAppStarts();
    void gatePanelDecidesThroughTheStore();
    void gatesTabListsWhatWaitsAndOpensIt();

private:
    QTemporaryDir m_home;
};

void MainWindowTest::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    test::useScratchHome(m_home, QStringLiteral("tst_mainwindow"));
}

void MainWindowTest::init()
{
    test::failOnWarnings();
}

void MainWindowTest::runShowsLiveStatusLogAndHistory()
{
    MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Open the example and start it through the run dialog, with a variable of our own.
    window.openPipeline(helloPipeline());
    QTRY_VERIFY(window.pipeline() != nullptr);
    QTRY_VERIFY(window.runAction()->isEnabled());
    window.runAction()->trigger();
    auto *dialog = window.findChild<RunDialog *>(QStringLiteral("runDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isPrefilled());
    QVERIFY(!dialog->commitField()->text().isEmpty());
    dialog->variablesField()->setPlainText(QStringLiteral("GREETING=bonjour"));
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    dialog->accept();

    // Every job reaches its final status in the monitor.
    RunMonitor *monitor = window.monitor();
    QVERIFY(monitor->isLive());
    QTRY_VERIFY_WITH_TIMEOUT(test::allJobsFinished(monitor->runModel()), runTimeoutMs);
    const QMap<QString, QString> expected = {
        {"lint", "success"}, {"unit", "success"}, {"package", "success"}, {"summary", "success"}};
    QCOMPARE(jobStatuses(monitor->runModel()), expected);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    QVERIFY(window.rerunAction()->isEnabled());
    QVERIFY(!window.cancelAction()->isEnabled());

    // The job's output is in its log, and a search finds it.
    const int lint = jobNamed(monitor->runModel(), QStringLiteral("lint"));
    QVERIFY(lint >= 0);
    clickJob(*monitor, lint);
    QCOMPARE(monitor->selectedJob(), lint);
    QTRY_VERIFY(logLines(monitor->logModel()).contains(QStringLiteral("bonjour from lint")));
    LogView *log = monitor->logView();
    QTest::keyClicks(log->searchField(), QStringLiteral("BONJOUR"));
    QCOMPARE(log->matchCount(), 1);
    QCOMPARE(log->matchLabel()->text(), QStringLiteral("1 of 1"));

    // The history lists the run; filters narrow it down.
    window.tabs()->setCurrentWidget(window.historyView());
    HistoryModel *history = window.historyModel();
    QTRY_COMPARE(history->rowCount(), 1);
    QTest::keyClicks(window.historyView()->pipelineFilter(), QStringLiteral("hello"));
    QComboBox *status = window.historyView()->statusFilter();
    status->setCurrentIndex(status->findData(QStringLiteral("failed")));
    QTRY_VERIFY(!history->isLoading() && history->rowCount() == 0);
    status->setCurrentIndex(status->findData(QStringLiteral("success")));
    QTRY_COMPARE(history->rowCount(), 1);
    QCOMPARE(history->index(0, HistoryModel::PipelineColumn).data().toString(),
             QStringLiteral("hello"));

    // Opening the run from the history shows it again, with its log read from the store.
    QTableView *table = window.historyView()->table();
    table->setCurrentIndex(history->index(0, 0));
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Return);
    QTRY_VERIFY(!monitor->isLive() && monitor->runModel().run().jobs.size() == 4);
    QCOMPARE(window.tabs()->currentWidget(), monitor);
    clickJob(*monitor, lint);
    QTRY_VERIFY(logLines(monitor->logModel()).contains(QStringLiteral("bonjour from lint")));
}

void MainWindowTest::cancelStopsTheRunAndRunAgainStartsAnother()
{
    const QString path = m_home.filePath(QStringLiteral("slow/pipewright.yml"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name: slow\n"
               "stages:\n"
               "  - name: wait\n"
               "    jobs:\n"
               "      - name: sleeper\n"
               "        commands: [echo started, sleep 30]\n");
    file.close();

    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.openPipeline(path);
    QTRY_VERIFY(window.pipeline() != nullptr);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    RunMonitor *monitor = window.monitor();

    // Two runs, each cancelled once its job is going: the first started directly, the
    // second by Run Again.
    QVERIFY(window.startRun(RunContext{}).ok());
    for (int run = 1; run <= 2; ++run) {
        QTRY_COMPARE(runStatusOf(monitor->runModel()), QStringLiteral("running"));
        monitor->selectJob(0);
        QTRY_VERIFY(logLines(monitor->logModel()).contains(QStringLiteral("started")));
        QVERIFY(window.cancelAction()->isEnabled());
        QVERIFY(!window.rerunAction()->isEnabled());
        window.cancelAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), run, runTimeoutMs);
        QCOMPARE(runStatusOf(monitor->runModel()), QStringLiteral("cancelled"));
        QCOMPARE(jobStatuses(monitor->runModel()).value(QStringLiteral("sleeper")),
                 QStringLiteral("cancelled"));
        QVERIFY(window.rerunAction()->isEnabled());
        if (run == 1)
            window.rerunAction()->trigger();
    }

    window.historyView()->pipelineFilter()->setText(QStringLiteral("slow"));
    QTRY_VERIFY(!window.historyModel()->isLoading() && window.historyModel()->rowCount() == 2);
    QCOMPARE(window.historyModel()->index(0, 0).data(HistoryModel::StatusKeywordRole),
             QStringLiteral("cancelled"));

    // Closing the window during a run cancels it and closes once it has ended.
    QVERIFY(window.startRun(RunContext{}).ok());
    QTRY_COMPARE(runStatusOf(monitor->runModel()), QStringLiteral("running"));
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 3, runTimeoutMs);
    QTRY_VERIFY(!window.isVisible());
    QCOMPARE(runStatusOf(monitor->runModel()), QStringLiteral("cancelled"));
}

void MainWindowTest::settingsRefuseWhatTheyCannotRead_data()
{
    QTest::addColumn<QString>("store");
    QTest::addColumn<QString>("redis");
    QTest::addColumn<QString>("problem");
    QTest::newRow("a password in the store's location is refused")
        << "postgresql://anna:secret@db/history" << QString() << "History store: ";
    QTest::newRow("a Redis location that is not one is refused") << QString() << "http://cache:6379"
                                                                 << "Redis: ";
    QTest::newRow("a Redis port out of range is refused") << QString() << "redis://cache:99999"
                                                          << "Redis: ";
}

void MainWindowTest::settingsRefuseWhatTheyCannotRead()
{
    QFETCH(QString, store);
    QFETCH(QString, redis);
    QFETCH(QString, problem);

    SettingsDialog dialog(ConnectionSettings{});
    dialog.show();
    dialog.setStoreLocation(store);
    dialog.redisField()->setText(redis);
    dialog.accept();

    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.problemLabel()->isHidden());
    QVERIFY2(dialog.problemLabel()->text().startsWith(problem),
             qPrintable(dialog.problemLabel()->text()));
}

void MainWindowTest::savedSettingsAskForANewWindow()
{
    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::connectionChanged);
    window.settingsAction()->trigger();
    auto *dialog = window.findChild<SettingsDialog *>();
    QVERIFY(dialog);
    const QString store = m_home.filePath(QStringLiteral("team.sqlite"));
    dialog->storeKindField()->setCurrentIndex(0);
    dialog->storeFileField()->setText(store);
    dialog->redisField()->setText(QStringLiteral("redis://127.0.0.1:6390"));
    dialog->workersField()->setValue(3);
    dialog->accept();

    QCOMPARE(changed.size(), 1);
    const ConnectionSettings saved = ConnectionSettings::load();
    QCOMPARE(saved.store, store);
    QCOMPARE(saved.redis, QStringLiteral("redis://127.0.0.1:6390"));
    QCOMPARE(saved.workers, 3);
    QCOMPARE(saved.effectiveWorkers(), 3);
    QCOMPARE(MainWindow(saved).controller()->workers(), 3);
    QCOMPARE(MainWindow(saved).storeLocation(), store);
}

// A .gitlab-ci.yml runs as it is: GitLab's stages, a hidden job extended, a failure
// allowed, and a later stage that still runs.
void MainWindowTest::aGitLabFileRunsInTheMonitor()
{
    QTemporaryDir project;
    QFile file(project.filePath(QStringLiteral(".gitlab-ci.yml")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("stages: [build, test]\n"
               ".quiet: {variables: {WHO: gitlab}}\n"
               "compile:\n"
               "  stage: build\n"
               "  script: [echo \"built by $WHO\"]\n"
               "  extends: .quiet\n"
               "flaky:\n"
               "  stage: build\n"
               "  script: [exit 3]\n"
               "  allow_failure: true\n"
               "check:\n"
               "  stage: test\n"
               "  script: [echo checked]\n");
    file.close();

    MainWindow window;
    window.show();
    window.openPipeline(file.fileName());
    QTRY_VERIFY(window.pipeline() != nullptr);
    QCOMPARE(window.pipeline()->format, Pipeline::Format::GitLab);
    QSignalSpy finished(window.controller(), &RunController::runFinished);
    QVERIFY(window.startRun(RunContext{}).ok());

    RunMonitor *monitor = window.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    const QMap<QString, QString> expected = {
        {"compile", "success"}, {"flaky", "failed"}, {"check", "success"}};
    QCOMPARE(jobStatuses(monitor->runModel()), expected);
    QCOMPARE(runStatusOf(monitor->runModel()), QStringLiteral("success"));
    monitor->selectJob(jobNamed(monitor->runModel(), QStringLiteral("compile")));
    QTRY_VERIFY(logLines(monitor->logModel()).contains(QStringLiteral("built by gitlab")));
}

void MainWindowTest::aFolderOpensItsPipeline()
{
    MainWindow window;
    QSignalSpy loaded(&window, &MainWindow::pipelineLoaded);
    window.openPipeline(QFileInfo(helloPipeline()).path());
    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(window.pipelinePath(), QFileInfo(helloPipeline()).absoluteFilePath());

    QTemporaryDir empty;
    QSignalSpy failed(&window, &MainWindow::pipelineFailed);
    window.openPipeline(empty.path());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed.first().first().toString().contains(QStringLiteral("holds no pipeline file")),
             qPrintable(failed.first().first().toString()));
}

void MainWindowTest::aFolderWithSeveralPipelinesAsksWhich()
{
    QTemporaryDir folder;
    QVERIFY(QFile::copy(helloPipeline(), folder.filePath(QStringLiteral("pipewright.yml"))));
    QVERIFY(QFile::copy(helloPipeline(), folder.filePath(QStringLiteral("nightly.yml"))));

    MainWindow window;
    window.show();
    QSignalSpy loaded(&window, &MainWindow::pipelineLoaded);
    window.openPipeline(folder.path());
    auto *dialog = window.findChild<QInputDialog *>(QStringLiteral("choosePipelineFile"));
    QVERIFY(dialog);
    QCOMPARE(dialog->comboBoxItems(), (QStringList{"pipewright.yml", "nightly.yml"}));
    dialog->setTextValue(QStringLiteral("nightly.yml"));
    dialog->accept();

    QTRY_COMPARE(loaded.size(), 1);
    QCOMPARE(window.pipelinePath(), folder.filePath(QStringLiteral("nightly.yml")));
}

void MainWindowTest::teamStoreFieldsMakeItsLocation()
{
    SettingsDialog dialog(ConnectionSettings{});
    dialog.storeKindField()->setCurrentIndex(1);
    dialog.hostField()->setText(QStringLiteral("db.example"));
    dialog.portField()->setValue(5433);
    dialog.databaseField()->setText(QStringLiteral("history"));
    dialog.userField()->setText(QStringLiteral("anna"));
    QCOMPARE(dialog.settings().store, QStringLiteral("postgresql://anna@db.example:5433/history"));

    // Options of a location typed elsewhere (pwctl's --db) survive an edit of the fields.
    dialog.setStoreLocation(QStringLiteral("postgresql://ci@db/h?sslmode=require"));
    QCOMPARE(dialog.storeKindField()->currentIndex(), 1);
    QCOMPARE(dialog.hostField()->text(), QStringLiteral("db"));
    QCOMPARE(dialog.portField()->value(), 0);
    dialog.userField()->setText(QStringLiteral("lead"));
    QCOMPARE(dialog.settings().store, QStringLiteral("postgresql://lead@db/h?sslmode=require"));

    dialog.databaseField()->clear();
    dialog.show();
    dialog.accept();
    QVERIFY(dialog.isVisible());
    QVERIFY2(dialog.problemLabel()->text().startsWith(QStringLiteral("History store: ")),
             qPrintable(dialog.problemLabel()->text()));
}

void MainWindowTest::aPasswordTheServerRefusesIsNotKept()
{
    // A port nothing listens on: the server cannot take the password.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const quint16 port = probe.serverPort();
    probe.close();

    SettingsDialog dialog(ConnectionSettings{});
    dialog.show();
    dialog.storeKindField()->setCurrentIndex(1);
    dialog.hostField()->setText(QStringLiteral("127.0.0.1"));
    dialog.portField()->setValue(port);
    dialog.databaseField()->setText(QStringLiteral("history"));
    dialog.passwordField()->setText(QStringLiteral("typo"));
    dialog.accept();

    QTRY_VERIFY_WITH_TIMEOUT(
        dialog.problemLabel()->text().startsWith(QStringLiteral("Cannot log in to ")), 15000);
    QVERIFY2(dialog.problemLabel()->text().contains(QStringLiteral("The password was not kept")),
             qPrintable(dialog.problemLabel()->text()));
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
}

void MainWindowTest::settingsShowWhoDecidesGates()
{
    StoreReader reader(m_home.filePath(QStringLiteral("identity.sqlite")));
    SettingsDialog dialog(ConnectionSettings{}, &reader);
    QTRY_VERIFY(dialog.identityLabel()->text().contains(currentUser()));
    QVERIFY2(dialog.identityLabel()->text().contains(QStringLiteral("recorded as")),
             qPrintable(dialog.identityLabel()->text()));
}

namespace {

// The artifact rows the store holds, expired or not.
int storedArtifacts(const QString &store)
{
    int count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "count");
        db.setDatabaseName(store);
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("SELECT COUNT(*) FROM artifacts"))
            && query.next()) {
            count = query.value(0).toInt();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return count;
}

} // namespace

void MainWindowTest::expiredArtifactsGoWhenTheAppStarts()
{
    const QString dir = m_home.filePath(QStringLiteral("expiring"));
    QVERIFY(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/pipewright.yml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("name: expiring\nstages:\n  - name: build\n    jobs:\n"
               "      - name: make\n        commands: ['mkdir -p dist', 'echo hi > dist/a.txt']\n"
               "        artifacts: {paths: [dist/], expire_in: 1s}\n");
    file.close();
    ConnectionSettings connection;
    connection.store = m_home.filePath(QStringLiteral("gc/history.sqlite"));

    {
        MainWindow window(connection);
        window.openPipeline(file.fileName());
        QTRY_VERIFY(window.pipeline() != nullptr);
        QSignalSpy finished(window.controller(), &RunController::runFinished);
        RunContext context;
        context.branch = QStringLiteral("main");
        context.commit = QStringLiteral("abc");
        QVERIFY(window.startRun(context));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, runTimeoutMs);
    }
    QCOMPARE(storedArtifacts(connection.store), 1);

    QTest::qWait(1100);
    MainWindow again(connection);
    QTRY_COMPARE_WITH_TIMEOUT(storedArtifacts(connection.store), 0, 10000);
}

void MainWindowTest::gatePanelDecidesThroughTheStore()
{
    // A run of another process waits at two gates: one this user may not decide (they
    // started it), one they may.
    const QString location = m_home.filePath(QStringLiteral("gates/history.sqlite"));
    auto store = openStore(location);
    QVERIFY(store);
    RunRecord waiting;
    waiting.pipeline = QStringLiteral("release");
    waiting.status = RunStatus::WaitingApproval;
    waiting.stages = {{0, QStringLiteral("staging"), StageStatus::Waiting, {}, std::nullopt},
                      {1, QStringLiteral("prod"), StageStatus::Pending, {}, std::nullopt}};
    const Result<qint64> id = (*store)->createRun(waiting);
    QVERIFY(id);
    waiting.id = *id;
    GateOpening gate{*id, 0, QStringLiteral("staging"), {currentUser()}, 1, false, false, {}};
    const Result<GateRecord> opened = (*store)->openGate(gate);
    QVERIFY(opened);
    waiting.stages[0].gate = *opened;

    ConnectionSettings connection;
    connection.store = location;
    MainWindow window(connection);
    window.show();
    window.monitor()->showStored(waiting);
    GatePanel *panel = window.monitor()->gatePanel();
    QTRY_VERIFY(panel->isVisible());
    QCOMPARE(panel->summaryLabel()->text(),
             QStringLiteral("Stage staging waits for approval by %1 (0 of 1)").arg(currentUser()));

    // A rejection needs its reason before anything is asked of the store.
    panel->rejectButton()->click();
    QVERIFY(panel->problemLabel()->isVisibleTo(panel));
    QVERIFY(panel->problemLabel()->text().startsWith(QLatin1String("A rejection needs")));

    // The store refuses the starter; the panel says why and records nothing.
    QSignalSpy decided(panel, &GatePanel::decided);
    panel->approveButton()->click();
    QTRY_VERIFY(panel->problemLabel()->text().contains(QLatin1String("may not decide")));
    QCOMPARE(decided.size(), 0);
    QCOMPARE((*store)->loadGate(*id, 0)->decisions.size(), 0);

    // Where self-approval is allowed, one click approves.
    GateOpening own = gate;
    own.stage = 1;
    own.stageName = QStringLiteral("prod");
    own.allowSelfApproval = true;
    waiting.stages[0].gate->status = GateStatus::Rejected;
    waiting.stages[1].gate = *(*store)->openGate(own);
    window.monitor()->showStored(waiting);
    QTRY_VERIFY(panel->summaryLabel()->text().startsWith(QLatin1String("Stage prod")));
    panel->commentField()->setText(QStringLiteral("ship it"));
    panel->approveButton()->click();
    QTRY_COMPARE(decided.size(), 1);
    const Result<GateRecord> approved = (*store)->loadGate(*id, 1);
    QCOMPARE(approved->status, GateStatus::Approved);
    QCOMPARE(approved->decisions.first().comment, QStringLiteral("ship it"));
}

void MainWindowTest::gatesTabListsWhatWaitsAndOpensIt()
{
    const QString location = m_home.filePath(QStringLiteral("gatelist/history.sqlite"));
    auto store = openStore(location);
    QVERIFY(store);
    RunRecord waiting;
    waiting.pipeline = QStringLiteral("release");
    waiting.branch = QStringLiteral("main");
    waiting.status = RunStatus::WaitingApproval;
    waiting.stages = {{0, QStringLiteral("prod"), StageStatus::Waiting, {}, std::nullopt}};
    const Result<qint64> id = (*store)->createRun(waiting);
    QVERIFY(id);
    QVERIFY((*store)->openGate(
        {*id, 0, QStringLiteral("prod"), {QStringLiteral("anna")}, 1, false, false, {}}));

    ConnectionSettings connection;
    connection.store = location;
    MainWindow window(connection);
    window.show();
    window.tabs()->setCurrentWidget(window.gatesView());
    QTreeWidget *list = window.gatesView()->list();
    QTRY_COMPARE(list->topLevelItemCount(), 1);
    QTreeWidgetItem *row = list->topLevelItem(0);
    QCOMPARE(row->text(0), QString::number(*id));
    QCOMPARE(row->text(3), QStringLiteral("prod"));
    QCOMPARE(row->text(4), QStringLiteral("anna"));
    QCOMPARE(row->text(5), QStringLiteral("0 of 1"));

    // Opening it shows the run, with the gate ready to decide.
    emit list->itemActivated(row, 0);
    QTRY_COMPARE(window.tabs()->currentWidget(), window.monitor());
    QTRY_VERIFY(window.monitor()->gatePanel()->isVisible());
}

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
