#include "mainwindow.h"

#include "core/files/garbage.h"
#include "core/gitlab/anypipeline.h"
#include "core/store/runstore.h"
#include "recentfiles.h"
#include "settingsdialog.h"
#include "widgets/editor/pipelineeditor.h"
#include "widgets/gates/gatepanel.h"
#include "widgets/gates/gatesview.h"
#include "widgets/history/historymodel.h"
#include "widgets/history/historyview.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/rundialog.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmodelfeed.h"
#include "widgets/run/runmonitor.h"
#include "widgets/store/storereader.h"
#include "widgets/store/storestatuslabel.h"
#include "widgets/tray/gatenotifier.h"
#include "widgets/tray/gatetray.h"
#include "widgets/tray/redisstatus.h"
#include "widgets/watch/watchcontrol.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QSystemTrayIcon>
#include <QTabWidget>
#include <QToolBar>
#include <QtConcurrent>

namespace pw::gui {

namespace {

// Enough of a pipeline's problems to act on; the rest are counted.
constexpr int shownDiagnostics = 20;

QString describeProblems(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (lines.size() == shownDiagnostics)
            break;
        lines.append(diagnostic.toString());
    }
    if (diagnostics.size() > shownDiagnostics) {
        lines.append(QCoreApplication::translate("pw::gui::MainWindow", "… and %n more", nullptr,
                                                 int(diagnostics.size() - shownDiagnostics)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

MainWindow::MainWindow(const ConnectionSettings &connection, QWidget *parent)
    : QMainWindow(parent)
    , m_storeLocation(connection.effectiveStore())
    , m_reader(new StoreReader(m_storeLocation, this))
    , m_controller(new RunController(m_storeLocation, connection.effectiveRedis(), this))
    , m_historyModel(new HistoryModel(*m_reader, this))
    , m_recent(std::make_unique<RecentFiles>())
    , m_tabs(new QTabWidget(this))
    , m_monitor(new RunMonitor(*m_reader, this))
    , m_historyView(new HistoryView(*m_historyModel, this))
    , m_gatesView(new GatesView(*m_reader, this))
{
    m_controller->setWorkers(connection.effectiveWorkers());
    setWindowTitle(tr("Pipewright"));
    m_tabs->addTab(m_monitor, tr("&Monitor"));
    m_tabs->addTab(m_historyView, tr("&History"));
    m_tabs->addTab(m_gatesView, tr("&Gates"));
    setCentralWidget(m_tabs);
    createActions();
    createMenus();
    statusBar()->showMessage(tr("History: %1").arg(m_storeLocation));

    connect(m_controller, &RunController::stateChanged, this, &MainWindow::updateActions);
    connect(m_controller, &RunController::runFinished, this, &MainWindow::onRunFinished);
    connect(m_controller, &RunController::startFailed, this,
            [this](const QString &message) { showProblem(tr("Cannot start the run"), message); });
    connect(m_historyView, &HistoryView::runActivated, this, &MainWindow::showHistoryRun);
    connect(m_gatesView, &GatesView::runActivated, this, &MainWindow::showHistoryRun);
    m_monitor->setController(m_controller);
    connect(m_monitor->gatePanel(), &GatePanel::decided, m_controller,
            &RunController::checkGatesNow);
    connect(m_reader, &StoreReader::runLoaded, this,
            [this](quint64 request, const RunRecord &run, const QString &error) {
                if (request != m_historyRequest)
                    return;
                if (!error.isEmpty())
                    return showProblem(tr("Cannot show the run"), error);
                m_monitor->showStored(run);
                m_tabs->setCurrentWidget(m_monitor);
            });
    m_historyModel->refresh();
    createNotifications(connection.effectiveRedis());
    updateActions();
    // Expired artifacts and stored files nothing uses go away on each start, off this thread.
    files::collectGarbageInBackground(files::defaultFilesSettings(m_storeLocation));
}

MainWindow::~MainWindow()
{
    // The run goes first: its feed reports to the monitor and its writer to the store.
    delete m_controller;
}

void MainWindow::openPipeline(const QString &path)
{
    if (QFileInfo(path).isDir())
        return openFolder(path);

    statusBar()->showMessage(tr("Reading %1…").arg(QDir::toNativeSeparators(path)));
    auto *watcher = new QFutureWatcher<LoadResult>(this);
    connect(watcher, &QFutureWatcher<LoadResult>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        onPipelineRead(path, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([path] { return loadAnyPipeline(path); }));
}

Status MainWindow::startRun(const RunContext &context)
{
    if (!m_pipeline)
        return Status::failure(tr("open a pipeline first"));
    RunRequest request;
    request.pipeline = m_pipeline;
    request.context = context;
    request.maxParallel = m_controller->workers();
    const Status started = m_controller->start(request);
    if (!started.ok()) {
        showProblem(tr("Cannot start the run"), started.error().message);
        return started;
    }
    m_monitor->showLive(m_controller->feed());
    m_tabs->setCurrentWidget(m_monitor);
    return started;
}

void MainWindow::showRunDialog()
{
    if (!m_pipeline)
        return;
    auto *dialog = new RunDialog(m_pipeline->name, m_pipeline->directory, this);
    dialog->setObjectName(QStringLiteral("runDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto context = dialog->context();
        if (context.ok())
            startRun(*context);
    });
    // open(), not exec(): no nested event loop while the run goes on.
    dialog->open();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Unsaved edits are asked about first (without blocking); the answer closes again.
    if (m_editor->isModified() && !m_editorChangesSettled) {
        event->ignore();
        m_tabs->setCurrentWidget(m_editor);
        m_editor->confirmDiscard([this] {
            m_editorChangesSettled = true;
            close();
        });
        return;
    }
    if (!m_controller->isRunning()) {
        QMainWindow::closeEvent(event);
        return;
    }
    // Closing at once would kill the jobs' processes without a record of how they ended.
    m_closeWhenEnded = true;
    m_controller->cancel();
    statusBar()->showMessage(tr("Cancelling the run before closing…"));
    event->ignore();
}

void MainWindow::createActions()
{
    const QIcon openIcon = QIcon::fromTheme(QStringLiteral("document-open"));
    m_openAction = new QAction(openIcon, tr("&Open Pipeline…"), this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::choosePipeline);
    m_openFolderAction = new QAction(tr("Open &Folder…"), this);
    connect(m_openFolderAction, &QAction::triggered, this, &MainWindow::chooseFolder);

    m_runAction =
        new QAction(QIcon::fromTheme(QStringLiteral("media-playback-start")), tr("&Run…"), this);
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_runAction, &QAction::triggered, this, &MainWindow::showRunDialog);

    m_cancelAction =
        new QAction(QIcon::fromTheme(QStringLiteral("process-stop")), tr("&Cancel Run"), this);
    m_cancelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(m_cancelAction, &QAction::triggered, m_controller, &RunController::cancel);

    m_rerunAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Run &Again"), this);
    m_rerunAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    connect(m_rerunAction, &QAction::triggered, this, &MainWindow::rerun);

    const QIcon settingsIcon = QIcon::fromTheme(QStringLiteral("preferences-system"));
    m_settingsAction = new QAction(settingsIcon, tr("&Settings…"), this);
    m_settingsAction->setShortcut(QKeySequence::Preferences);
    connect(m_settingsAction, &QAction::triggered, this, &MainWindow::showSettings);

    m_quitAction = new QAction(tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_watchControl = new WatchControl(m_controller, statusBar(), this);
    connect(m_watchControl, &WatchControl::runStarted, this,
            [this] { m_monitor->showLive(m_controller->feed()); });
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openAction);
    file->addAction(m_openFolderAction);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    createEditor(file);
    file->addSeparator();
    file->addAction(m_settingsAction);
    file->addSeparator();
    file->addAction(m_quitAction);
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::updateRecentMenu);
    updateRecentMenu();

    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->addAction(m_runAction);
    run->addAction(m_cancelAction);
    run->addAction(m_rerunAction);
    run->addSeparator();
    run->addAction(m_watchControl->action());

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Pipewright"), this, &MainWindow::showAbout);

    QToolBar *tools = addToolBar(tr("Run"));
    tools->setObjectName(QStringLiteral("runToolBar"));
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_openAction);
    tools->addAction(m_runAction);
    tools->addAction(m_cancelAction);
    tools->addAction(m_rerunAction);
}

void MainWindow::updateActions()
{
    const bool running = m_controller->isRunning();
    m_runAction->setEnabled(m_pipeline && !running);
    m_cancelAction->setEnabled(running);
    m_rerunAction->setEnabled(m_controller->hasLastRequest() && !running);
    // The store and Redis a running run uses cannot change under it.
    m_settingsAction->setEnabled(!running);
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(ConnectionSettings::load(), m_reader, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const ConnectionSettings settings = dialog->settings();
        settings.save();
        if (!m_controller->isRunning())
            emit connectionChanged(settings);
    });
    dialog->open();
}

void MainWindow::showAbout()
{
    const QString text = tr("<h3>Pipewright %1</h3><p>A CI/CD pipeline orchestrator for the "
                            "workstation.</p><p>Built with Qt %2, running on Qt %3.</p>")
                             .arg(QStringLiteral(PIPEWRIGHT_VERSION),
                                  QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion()));

    // Not modal: QMessageBox::about would spin a nested event loop.
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Pipewright"), text,
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setIconPixmap(windowIcon().pixmap(64, 64));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = m_recent->files();
    for (const QString &path : files) {
        QAction *open = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        connect(open, &QAction::triggered, this, [this, path] { openPipeline(path); });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent pipelines"))->setEnabled(false);
}

// A folder opens its one pipeline file, or asks which when it holds several.
void MainWindow::openFolder(const QString &folder)
{
    const QStringList files = pipelineFilesIn(folder);
    if (files.isEmpty()) {
        const QString message =
            tr("%1 holds no pipeline file (pipewright.yml, .gitlab-ci.yml or another .yml)")
                .arg(QDir::toNativeSeparators(folder));
        showProblem(tr("Cannot open %1").arg(QDir::toNativeSeparators(folder)), message);
        emit pipelineFailed(message);
        return;
    }
    if (files.size() == 1)
        return openPipeline(files.first());

    QStringList names;
    for (const QString &file : files)
        names.append(QFileInfo(file).fileName());
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("choosePipelineFile"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Open Pipeline"));
    dialog->setLabelText(
        tr("%1 holds several pipeline files:").arg(QDir::toNativeSeparators(folder)));
    dialog->setComboBoxItems(names);
    connect(dialog, &QInputDialog::textValueSelected, this,
            [this, folder](const QString &name) { openPipeline(QDir(folder).filePath(name)); });
    dialog->open();
}

void MainWindow::chooseFolder()
{
    auto *dialog = new QFileDialog(this, tr("Open Folder"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openPipeline);
    dialog->open();
}

void MainWindow::choosePipeline()
{
    auto *dialog = new QFileDialog(this, tr("Open Pipeline"), QString(),
                                   tr("Pipeline files (*.yml *.yaml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openPipeline);
    dialog->open();
}

void MainWindow::onPipelineRead(const QString &path, const LoadResult &result)
{
    // A re-run reads the file again, so that edits made since the last run count.
    const bool forRerun = std::exchange(m_rerunPending, false);
    const bool forEditorRun = std::exchange(m_runWhenOpened, false);
    if (!result.ok()) {
        const QString problems = describeProblems(result.diagnostics);
        showProblem(tr("Cannot open %1").arg(QDir::toNativeSeparators(path)), problems);
        emit pipelineFailed(problems);
        return;
    }
    m_pipeline = result.pipeline;
    m_pipelinePath = path;
    m_recent->add(path);
    m_watchControl->setPipeline(path, m_pipeline->directory);
    setWindowTitle(tr("%1 – Pipewright").arg(m_pipeline->name));
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(path)), 5000);
    updateActions();
    emit pipelineLoaded();

    if (forRerun) {
        const Status started = m_controller->restart(m_pipeline);
        if (!started.ok())
            return showProblem(tr("Cannot start the run"), started.error().message);
        m_monitor->showLive(m_controller->feed());
        m_tabs->setCurrentWidget(m_monitor);
    }
    // The editor's Run starts at once, as the run dialog would with nothing changed.
    if (forEditorRun) {
        prefillRunContext(m_pipeline->directory, this,
                          [this, read = m_pipeline](const RunContext &context, bool) {
                              if (m_pipeline == read)
                                  startRun(context);
                          });
    }
}

void MainWindow::createEditor(QMenu *file)
{
    m_editor = new PipelineEditor(this);
    const int tab = m_tabs->addTab(m_editor, tr("&Editor"));
    connect(m_editor, &PipelineEditor::titleChanged, this, [this, tab](const QString &title) {
        m_tabs->setTabText(tab, tr("&Editor – %1").arg(title));
    });
    connect(m_editor, &PipelineEditor::runRequested, this, &MainWindow::runFromEditor);

    auto *newPipeline =
        new QAction(QIcon::fromTheme(QStringLiteral("document-new")), tr("&New Pipeline"), this);
    newPipeline->setObjectName(QStringLiteral("newPipelineAction"));
    newPipeline->setShortcut(QKeySequence::New);
    connect(newPipeline, &QAction::triggered, this, [this] {
        m_editor->confirmDiscard([this] {
            m_editor->newPipeline(
                QDir::current().absoluteFilePath(QStringLiteral("pipewright.yml")));
            m_tabs->setCurrentWidget(m_editor);
        });
    });
    auto *editAction = new QAction(tr("&Edit Pipeline…"), this);
    editAction->setObjectName(QStringLiteral("editPipelineAction"));
    connect(editAction, &QAction::triggered, this, &MainWindow::chooseEditedPipeline);

    file->addSeparator();
    file->addAction(newPipeline);
    file->addAction(editAction);
    file->addAction(m_editor->saveAction());
    file->addAction(m_editor->saveAsAction());
    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_editor->undoAction());
    editMenu->addAction(m_editor->redoAction());
}

void MainWindow::editPipeline(const QString &path)
{
    m_editor->confirmDiscard([this, path] {
        if (m_editor->openFile(path))
            m_tabs->setCurrentWidget(m_editor);
        else
            showProblem(tr("Cannot edit %1").arg(QDir::toNativeSeparators(path)),
                        m_editor->statusLine()->text());
    });
}

void MainWindow::chooseEditedPipeline()
{
    auto *dialog = new QFileDialog(this, tr("Edit Pipeline"), QString(),
                                   tr("Pipeline files (*.yml *.yaml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::editPipeline);
    dialog->open();
}

void MainWindow::runFromEditor(const QString &path)
{
    if (m_controller->isRunning())
        return showProblem(tr("Cannot start the run"), tr("a run is going already"));
    m_runWhenOpened = true;
    openPipeline(path);
}

void MainWindow::rerun()
{
    if (m_pipelinePath.isEmpty() || m_controller->isRunning())
        return;
    m_rerunPending = true;
    openPipeline(m_pipelinePath);
}

void MainWindow::onRunFinished()
{
    statusBar()->showMessage(tr("The run ended."), 5000);
    m_historyModel->refresh();
    updateActions();
    if (m_closeWhenEnded)
        close();
}

void MainWindow::showHistoryRun(qint64 runId)
{
    m_historyRequest = m_reader->loadRun(runId);
}

void MainWindow::createNotifications(const QString &redis)
{
    m_gateNotifier = new GateNotifier(*m_reader, this);
    m_redisStatus = new RedisStatus(redis, this);
    auto *redisLabel = new QLabel(m_redisStatus->text(), this);
    redisLabel->setObjectName(QStringLiteral("redisState"));
    redisLabel->setToolTip(m_redisStatus->problem());
    statusBar()->addPermanentWidget(redisLabel);
    // While the store is away the run goes on; the status bar says its records are held.
    auto *storeState = new StoreStatusLabel(this);
    statusBar()->addPermanentWidget(storeState);
    connect(m_controller, &RunController::storeAvailabilityChanged, storeState,
            &StoreStatusLabel::setAvailability);
    connect(m_redisStatus, &RedisStatus::stateChanged, redisLabel, [this, redisLabel] {
        redisLabel->setText(m_redisStatus->text());
        redisLabel->setToolTip(m_redisStatus->problem());
    });

    // Redis tells at once, and a run of this app reaching a gate too; polling covers the rest.
    connect(m_redisStatus, &RedisStatus::gateWaiting, m_gateNotifier, &GateNotifier::checkNow);
    connect(&m_monitor->runModel(), &QAbstractItemModel::dataChanged, m_gateNotifier, [this] {
        if (m_monitor->run().status == RunStatus::WaitingApproval)
            m_gateNotifier->checkNow();
    });
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_gateTray = new GateTray(windowIcon(), this);
        connect(m_gateNotifier, &GateNotifier::gateWaiting, m_gateTray, &GateTray::notify);
        connect(m_gateTray, &GateTray::gateClicked, this, [this](qint64 runId) {
            showHistoryRun(runId);
            showNormal();
            activateWindow();
        });
    } else {
        // Without a tray the status bar tells, where the Gates tab shows the rest.
        connect(m_gateNotifier, &GateNotifier::gateWaiting, this, [this](const WaitingGate &gate) {
            statusBar()->showMessage(GateTray::messageTitle(gate), 15000);
        });
    }
    m_gateNotifier->start();
}

void MainWindow::showProblem(const QString &title, const QString &message)
{
    statusBar()->showMessage(title, 10000);
    auto *box = new QMessageBox(QMessageBox::Warning, title, message, QMessageBox::Close, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace pw::gui
