#pragma once

#include "core/store/runstore.h"

#include <QAtomicInteger>
#include <QObject>
#include <QThread>

#include <functional>

namespace pw {

class Mailbox;
class StoreWorker;

// Writes batches of history to a store on a thread of its own, so that neither the executor
// nor the user interface waits for the database. A batch the store refuses (it went away,
// it is locked) is kept and written again, in order, once the store answers.
// One writer can serve every run of a process.
class StoreWriter : public QObject
{
    Q_OBJECT

public:
    explicit StoreWriter(const QString &location, QObject *parent = nullptr);
    // Waits for what is still queued, up to the drain timeout, then stops the thread.
    ~StoreWriter() override;

    void submit(const StoreBatch &batch);
    // Calls `done` once everything submitted so far is written, unless `context` (an object of
    // the writer's thread) is gone by then.
    void whenDrained(QObject *context, std::function<void()> done);

    // The size of the output submitted but not yet written.
    qint64 queuedBytes() const { return m_queuedBytes.loadRelaxed(); }

    bool isAvailable() const { return m_available; }
    QString lastError() const { return m_lastError; }

signals:
    // The store stopped answering (with the reason), or answers again.
    void availabilityChanged(bool available, const QString &message);

private:
    void onAvailability(bool available, const QString &message);

    QThread m_thread;
    Mailbox *m_mailbox = nullptr; // this thread's
    StoreWorker *m_worker = nullptr;
    Mailbox *m_workerMailbox = nullptr;
    bool m_available = true;
    QString m_lastError;
    QAtomicInteger<qint64> m_queuedBytes = 0;
};

} // namespace pw
