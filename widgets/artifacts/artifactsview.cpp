#include "artifactsview.h"

#include "artifactfiles.h"

#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <algorithm>

namespace pw::gui {

namespace {

enum Column { PathColumn, SizeColumn };

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat);
}

bool sameArtifacts(const QList<ArtifactRecord> &one, const QList<ArtifactRecord> &other)
{
    return std::equal(one.cbegin(), one.cend(), other.cbegin(), other.cend(),
                      [](const ArtifactRecord &left, const ArtifactRecord &right) {
                          return left.path == right.path && left.size == right.size;
                      });
}

// Runs `work` on the thread pool and hands its result to `done` on `context`'s thread.
template<typename T, typename Work, typename Done>
void runInBackground(QObject *context, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(work));
}

} // namespace

ArtifactsView::ArtifactsView(const QString &storeLocation, QWidget *parent)
    : QWidget(parent)
    , m_storeLocation(storeLocation)
    , m_list(new QTreeWidget(this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_save(new QPushButton(tr("&Save to Folder…"), this))
    , m_saveAll(new QPushButton(tr("Save A&ll to Folder…"), this))
    , m_status(new QLabel(this))
    , m_opener([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_list->setObjectName(QStringLiteral("artifactList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHeaderLabels({tr("Artifact"), tr("Size")});
    m_list->setAccessibleName(tr("Artifacts of the job"));
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(PathColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(SizeColumn, QHeaderView::ResizeToContents);
    m_open->setObjectName(QStringLiteral("openArtifact"));
    m_save->setObjectName(QStringLiteral("saveArtifacts"));
    m_saveAll->setObjectName(QStringLiteral("saveAllArtifacts"));
    m_status->setObjectName(QStringLiteral("artifactStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_save);
    buttons->addWidget(m_saveAll);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ArtifactsView::updateButtons);
    connect(m_list, &QTreeWidget::itemActivated, this, &ArtifactsView::openCurrent);
    connect(m_open, &QPushButton::clicked, this, &ArtifactsView::openCurrent);
    connect(m_save, &QPushButton::clicked, this, [this] { chooseFolder(false); });
    connect(m_saveAll, &QPushButton::clicked, this, [this] { chooseFolder(true); });
    showJob(0, nullptr);
}

// A copy still under way finishes on its own; its watcher goes with the view, so it reports
// to no one.
ArtifactsView::~ArtifactsView() = default;

void ArtifactsView::showJob(qint64 runId, const JobRecord *job)
{
    const QList<ArtifactRecord> artifacts = job ? job->artifacts : QList<ArtifactRecord>();
    const int index = job ? job->index : -1;
    // A live run reports every change of every job: the list is rebuilt only when it differs,
    // so that the user's selection stays.
    if (job && runId == m_runId && index == m_job && sameArtifacts(artifacts, m_artifacts))
        return;
    m_runId = runId;
    m_job = index;
    m_jobName = job ? job->name : QString();
    m_artifacts = artifacts;

    m_list->clear();
    for (const ArtifactRecord &artifact : artifacts) {
        auto *item = new QTreeWidgetItem(m_list, {artifact.path, sizeText(artifact.size)});
        item->setData(PathColumn, Qt::UserRole, artifact.path);
        item->setTextAlignment(SizeColumn, Qt::AlignRight | Qt::AlignVCenter);
        item->setToolTip(SizeColumn, tr("%1 bytes").arg(QLocale().toString(artifact.size)));
    }
    if (!job)
        m_status->setText(tr("Select a job to see its artifacts."));
    else if (artifacts.isEmpty())
        m_status->setText(tr("Job %1 left no artifacts.").arg(m_jobName));
    else
        m_status->setText(
            tr("Job %1 left %n artifact(s).", nullptr, int(artifacts.size())).arg(m_jobName));
    updateButtons();
}

QStringList ArtifactsView::selectedPaths() const
{
    QStringList paths;
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    for (const QTreeWidgetItem *item : items)
        paths.append(item->data(PathColumn, Qt::UserRole).toString());
    return paths;
}

void ArtifactsView::updateButtons()
{
    const bool any = !m_artifacts.isEmpty() && m_busy == 0;
    m_open->setEnabled(any && m_list->currentItem() && m_list->currentItem()->isSelected());
    m_save->setEnabled(any && !m_list->selectedItems().isEmpty());
    m_saveAll->setEnabled(any);
}

void ArtifactsView::chooseFolder(bool all)
{
    auto *dialog = new QFileDialog(this, all ? tr("Save All Artifacts to Folder")
                                             : tr("Save Artifacts to Folder"));
    dialog->setObjectName(QStringLiteral("artifactFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, all](const QString &folder) { saveTo(folder, all); });
    // open(), not exec(): no nested event loop.
    dialog->open();
}

void ArtifactsView::saveTo(const QString &folder, bool all)
{
    if (m_artifacts.isEmpty() || folder.isEmpty())
        return;
    const QStringList paths = all ? QStringList() : selectedPaths();
    const QString location = m_storeLocation;
    const qint64 runId = m_runId;
    const int job = m_job;
    ++m_busy;
    updateButtons();
    m_status->setText(tr("Copying to %1…").arg(QDir::toNativeSeparators(folder)));

    using Copied = Result<files::RestoreReport>;
    runInBackground<Copied>(
        this, [=] { return copyArtifacts(location, runId, job, paths, folder); },
        [this, folder](const Copied &copied) {
            --m_busy;
            updateButtons();
            const bool ok = copied.ok() && copied->warnings.isEmpty();
            QString message;
            if (!copied.ok())
                message = tr("Cannot save the artifacts: %1").arg(copied.error().message);
            else if (!ok)
                message =
                    tr("Saved with problems: %1").arg(copied->warnings.join(QStringLiteral("; ")));
            else
                message = tr("Saved %n file(s) to %1.", nullptr, copied->files)
                              .arg(QDir::toNativeSeparators(folder));
            m_status->setText(message);
            emit saved(message, ok);
        });
}

void ArtifactsView::openCurrent()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item || m_busy > 0)
        return;
    if (!m_openedCopies)
        m_openedCopies = std::make_unique<QTemporaryDir>();
    const QString path = item->data(PathColumn, Qt::UserRole).toString();
    // Each opening gets a folder of its own, so a file still open elsewhere is not replaced.
    const QString folder = m_openedCopies->filePath(QString::number(++m_openings));
    const QString location = m_storeLocation;
    const qint64 runId = m_runId;
    const int job = m_job;
    ++m_busy;
    updateButtons();

    runInBackground<Result<QString>>(
        this, [=] { return copyArtifactForOpening(location, runId, job, path, folder); },
        [this, path](const Result<QString> &copy) {
            --m_busy;
            updateButtons();
            const bool ok = copy.ok() && m_opener(QUrl::fromLocalFile(*copy));
            if (!copy.ok())
                m_status->setText(tr("Cannot open %1: %2").arg(path, copy.error().message));
            else if (!ok)
                m_status->setText(tr("No program opens %1.").arg(path));
            emit opened(copy.ok() ? *copy : QString(), ok);
        });
}

} // namespace pw::gui
