#pragma once

#include "core/store/records.h"

#include <QTemporaryDir>
#include <QUrl>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace pw::gui {

// The artifacts of one job of a run, with their sizes: open one with the system's handler,
// or save the selected ones or all of them to a folder, keeping their relative paths. The
// files are copied out of the store on a worker thread.
class ArtifactsView : public QWidget
{
    Q_OBJECT

public:
    using Opener = std::function<bool(const QUrl &)>;

    explicit ArtifactsView(const QString &storeLocation, QWidget *parent = nullptr);
    ~ArtifactsView() override;

    // Lists the artifacts `job` of run `runId` recorded (none for no job).
    void showJob(qint64 runId, const JobRecord *job);

    // Copies the selected artifacts (all of them with `all`) below `folder`.
    void saveTo(const QString &folder, bool all);
    // Copies the artifact of the current row out and opens the copy.
    void openCurrent();
    // What opens a file: QDesktopServices::openUrl unless a test puts something else.
    void setOpener(Opener opener) { m_opener = std::move(opener); }

    QTreeWidget *list() const { return m_list; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *saveAllButton() const { return m_saveAll; }
    QLabel *statusLabel() const { return m_status; }
    bool isBusy() const { return m_busy > 0; }

signals:
    // A copy ended: `message` says what was done or why it failed.
    void saved(const QString &message, bool ok);
    void opened(const QString &path, bool ok);

private:
    void chooseFolder(bool all);
    QStringList selectedPaths() const;
    void updateButtons();

    QString m_storeLocation;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_saveAll = nullptr;
    QLabel *m_status = nullptr;
    qint64 m_runId = 0;
    int m_job = -1;
    QString m_jobName;
    QList<ArtifactRecord> m_artifacts;
    // Copies made for opening live as long as the view, for the handler to read them.
    std::unique_ptr<QTemporaryDir> m_openedCopies;
    Opener m_opener;
    int m_busy = 0;
    int m_openings = 0;
};

} // namespace pw::gui
