#pragma once

#include "core/store/runstore.h"

#include <QAtomicInteger>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

namespace pw {

// The part of StoreWriter that lives on its thread and owns that thread's store connection.
class StoreWorker : public QObject
{
    Q_OBJECT

public:
    // Called on the worker's thread when the store stops answering or answers again.
    using AvailabilityCallback = std::function<void(bool available, const QString &message)>;

    StoreWorker(const QString &location, AvailabilityCallback onAvailability);
    ~StoreWorker() override;

    // `queuedBytes` is lowered by the batch's output once it is written.
    void enqueue(const StoreBatch &batch, QAtomicInteger<qint64> *queuedBytes);
    void notifyWhenDrained(std::function<void()> done);
    // Writes what it can now, without retrying; for shutting down.
    void flushOnce();

private:
    void writePending();
    bool ensureStore();
    void reportAvailability(bool available, const QString &message);

    QString m_location;
    AvailabilityCallback m_onAvailability;
    std::unique_ptr<RunStore> m_store;
    struct Pending
    {
        StoreBatch batch;
        qint64 bytes = 0;
        QAtomicInteger<qint64> *queuedBytes = nullptr;
    };
    void written(const Pending &pending);

    QList<Pending> m_pending;
    QList<std::function<void()>> m_drainWaiters;
    QTimer m_retryTimer;
    int m_retryDelayMs = 0;
    bool m_available = true;
    // Set while writePending runs: opening the store may wait for the keychain in a nested
    // event loop, where more batches arrive and must not start a second write loop.
    bool m_writing = false;
};

} // namespace pw
