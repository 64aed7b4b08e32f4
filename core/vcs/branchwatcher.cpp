#include "branchwatcher.h"

#include "core/threads/mailbox.h"
#include "core/threads/pooltask.h"
#include "gitrepository.h"

namespace pw {

BranchWatcher::BranchWatcher(const QString &directory, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_mailbox(new Mailbox(this))
{
    m_pool.setMaxThreadCount(1);
    connect(&m_timer, &QTimer::timeout, this, &BranchWatcher::lookAgain);
}

BranchWatcher::Look BranchWatcher::lookAt(const QString &directory,
                                          const QHash<QString, QString> &seen, bool baseline,
                                          bool compareChanges)
{
    Look look;
    const auto heads = readBranchHeads(directory);
    if (!heads.ok()) {
        look.error = heads.error().message;
        return look;
    }
    for (const BranchHead &head : *heads) {
        look.heads.insert(head.branch, head.commit);
        const QString before = seen.value(head.branch);
        if (baseline || before == head.commit)
            continue;

        BranchPush push{head.branch, head.commit, before, std::nullopt};
        if (compareChanges && !before.isEmpty()) {
            const auto changes = readChangedFiles(directory, before);
            if (changes.ok())
                push.changedFiles = *changes;
        }
        look.pushes.append(push);
    }
    return look;
}

BranchWatcher::~BranchWatcher()
{
    m_stopped = true;
    m_pool.waitForDone();
}

void BranchWatcher::start(int intervalMs, bool compareChanges)
{
    m_compareChanges = compareChanges;
    m_stopped = false;
    m_baseline = true;
    m_seen.clear();
    m_lastError.clear();
    m_timer.setInterval(intervalMs);
    lookAgain();
}

void BranchWatcher::stop()
{
    m_stopped = true;
    m_timer.stop();
}

void BranchWatcher::lookAgain()
{
    // A slow git must not pile up looks: the next tick after this one ends will do.
    if (m_looking)
        return;
    m_looking = true;

    const QString directory = m_directory;
    const QHash<QString, QString> seen = m_seen;
    const bool baseline = m_baseline;
    const bool compareChanges = m_compareChanges;
    // The destructor waits for this task, so `this` outlives it; an answer still queued when
    // the watcher goes is dropped with it.
    Mailbox *mailbox = m_mailbox;
    startPoolTask(m_pool, [this, mailbox, directory, seen, baseline, compareChanges] {
        const Look look = lookAt(directory, seen, baseline, compareChanges);
        mailbox->post([this, look] { onLooked(look); });
    });
}

void BranchWatcher::onLooked(const Look &look)
{
    m_looking = false;
    if (m_stopped)
        return;

    if (!look.error.isEmpty()) {
        const bool first = m_baseline;
        if (first)
            m_timer.stop();
        if (first || look.error != m_lastError)
            emit failed(look.error);
        m_lastError = look.error;
        return;
    }
    m_lastError.clear();
    m_seen = look.heads;
    if (m_baseline) {
        m_baseline = false;
        m_timer.start();
        emit ready();
        return;
    }
    for (const BranchPush &push : look.pushes)
        emit pushed(push);
}

} // namespace pw
