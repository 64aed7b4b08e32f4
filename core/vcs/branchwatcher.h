#pragma once

#include <QHash>
#include <QMetaType>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QThreadPool>
#include <QTimer>

#include <optional>

namespace pw {

class Mailbox;

// A new commit at the head of a local branch, as a push would bring it.
struct BranchPush
{
    QString branch;
    QString commit;
    // The branch's commit before, empty for a branch that is new.
    QString before;
    // The files the working tree changes compared with `before` (see readChangedFiles);
    // std::nullopt for a new branch or when git could not tell.
    std::optional<QStringList> changedFiles;
};

// Follows the branch heads of the git repository around a directory and reports each new
// commit. git runs on a worker thread, so the thread that owns the watcher never waits for
// it: the desktop app and the command line share this.
class BranchWatcher : public QObject
{
    Q_OBJECT

public:
    explicit BranchWatcher(const QString &directory, QObject *parent = nullptr);
    // Waits for a look at the repository still going: git answers in moments.
    ~BranchWatcher() override;

    // Reads the heads as they are now (ready or failed follows), then looks again every
    // `intervalMs`. With `compareChanges` false, pushes carry no changed files.
    void start(int intervalMs, bool compareChanges = true);
    void stop();
    bool isWatching() const { return m_timer.isActive() || m_looking; }
    QString directory() const { return m_directory; }

signals:
    // The first look succeeded: commits from now on are reported.
    void ready();
    // The repository cannot be read (not a git repository, git missing); before ready this
    // ends the watch, later looks go on and report each change of the problem once.
    void failed(const QString &message);
    void pushed(const pw::BranchPush &push);

private:
    struct Look
    {
        QHash<QString, QString> heads;
        QList<BranchPush> pushes;
        QString error;
    };

    // Runs on the worker: compares the heads git gives with those last seen.
    static Look lookAt(const QString &directory, const QHash<QString, QString> &seen, bool baseline,
                       bool compareChanges);
    void lookAgain();
    void onLooked(const Look &look);

    QString m_directory;
    QTimer m_timer;
    Mailbox *m_mailbox = nullptr; // this thread's, for the worker's answers
    QThreadPool m_pool;
    QHash<QString, QString> m_seen;
    QString m_lastError;
    bool m_compareChanges = true;
    bool m_baseline = true;
    bool m_looking = false;
    bool m_stopped = false;
};

} // namespace pw

Q_DECLARE_METATYPE(pw::BranchPush)
