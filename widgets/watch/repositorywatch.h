#pragma once

#include "core/vcs/branchwatcher.h"

#include <QObject>
#include <QQueue>

#include <memory>

namespace pw {
struct LoadResult;
}

namespace pw::gui {

class RunController;

// Runs a pipeline for each new commit of its git repository that its `on:` accepts for a
// push: the file is read again for each commit (the commit may have changed it), and runs
// start one at a time through the app's run controller, waiting while another run goes.
class RepositoryWatch : public QObject
{
    Q_OBJECT

public:
    explicit RepositoryWatch(RunController *controller, QObject *parent = nullptr);
    ~RepositoryWatch() override;

    // Follows the repository around `directory` for `pipelineFile`; stops any earlier watch.
    void watch(const QString &pipelineFile, const QString &directory);
    void stop();
    bool isWatching() const { return m_branches != nullptr; }
    QString pipelineFile() const { return m_file; }
    // Seconds between looks at the repository; applies to the next watch().
    void setIntervalMs(int intervalMs) { m_intervalMs = intervalMs; }
    // Commits seen and not yet run.
    int queued() const { return int(m_queue.size()); }

signals:
    // The repository's branches were read: commits from now on start runs.
    void watching(const QString &directory);
    // The watch cannot go on (the folder is no git repository); it has stopped.
    void watchFailed(const QString &message);
    // Something the user should hear of: a commit not run, and why.
    void notice(const QString &message);
    void runStarted(const pw::BranchPush &push);

private:
    void startNext();
    void onPipelineRead(const BranchPush &push, const LoadResult &loaded);

    RunController *m_controller = nullptr;
    std::unique_ptr<BranchWatcher> m_branches;
    QString m_file;
    QQueue<BranchPush> m_queue;
    int m_intervalMs = 5000;
    bool m_reading = false;
};

} // namespace pw::gui
