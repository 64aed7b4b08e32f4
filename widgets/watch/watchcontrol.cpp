#include "watchcontrol.h"

#include "repositorywatch.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>

namespace pw::gui {

namespace {

const char watchedKey[] = "watch/pipelines";
constexpr int noticeMs = 10000;

// The same file opened by another path is the same watch.
QString fileKey(const QString &file)
{
    const QString canonical = QFileInfo(file).canonicalFilePath();
    return canonical.isEmpty() ? QFileInfo(file).absoluteFilePath() : canonical;
}

QStringList watchedFiles()
{
    return QSettings().value(QLatin1String(watchedKey)).toStringList();
}

} // namespace

WatchControl::WatchControl(RunController *controller, QStatusBar *statusBar, QObject *parent)
    : QObject(parent)
    , m_watch(new RepositoryWatch(controller, this))
    , m_statusBar(statusBar)
    , m_action(new QAction(tr("&Watch Repository"), this))
    , m_state(new QLabel(statusBar))
{
    m_watch->setObjectName(QStringLiteral("repositoryWatch"));
    m_action->setObjectName(QStringLiteral("watchAction"));
    m_action->setCheckable(true);
    m_action->setEnabled(false);
    m_action->setToolTip(tr("Run the pipeline for each new commit its on: accepts"));
    m_state->setObjectName(QStringLiteral("watchState"));
    m_state->hide();
    m_statusBar->addPermanentWidget(m_state);
    // triggered, not toggled: setChecked() from code must not start or stop anything.
    connect(m_action, &QAction::triggered, this, &WatchControl::onToggled);

    connect(m_watch, &RepositoryWatch::watching, this, [this](const QString &directory) {
        m_state->setText(tr("Watching %1").arg(QDir::toNativeSeparators(directory)));
        m_state->setToolTip(tr("New commits on branches that on: accepts start runs"));
        m_state->show();
    });
    connect(m_watch, &RepositoryWatch::watchFailed, this, [this](const QString &message) {
        m_action->setChecked(false);
        m_state->hide();
        remember(false);
        m_statusBar->showMessage(tr("Cannot watch the repository: %1").arg(message), noticeMs);
    });
    connect(m_watch, &RepositoryWatch::notice, this,
            [this](const QString &message) { m_statusBar->showMessage(message, noticeMs); });
    connect(m_watch, &RepositoryWatch::runStarted, this, [this](const BranchPush &push) {
        m_statusBar->showMessage(
            tr("New commit %1 on %2: running").arg(push.commit.left(8), push.branch), noticeMs);
        emit runStarted(push);
    });
}

void WatchControl::setPipeline(const QString &file, const QString &directory)
{
    if (fileKey(file) == fileKey(m_file) && directory == m_directory)
        return;
    m_watch->stop();
    m_state->hide();
    m_file = file;
    m_directory = directory;

    const bool watched = !file.isEmpty() && watchedFiles().contains(fileKey(file));
    m_action->setEnabled(!file.isEmpty());
    m_action->setChecked(watched);
    if (watched)
        m_watch->watch(m_file, m_directory);
}

void WatchControl::onToggled(bool on)
{
    remember(on);
    if (!on) {
        m_watch->stop();
        m_state->hide();
        m_statusBar->showMessage(tr("No longer watching the repository"), noticeMs);
        return;
    }
    m_watch->watch(m_file, m_directory);
}

void WatchControl::remember(bool watched)
{
    QStringList files = watchedFiles();
    const QString key = fileKey(m_file);
    files.removeAll(key);
    if (watched)
        files.append(key);
    QSettings().setValue(QLatin1String(watchedKey), files);
}

} // namespace pw::gui
