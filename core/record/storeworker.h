#pragma once

#include "core/store/runstore.h"

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
    explicit StoreWorker(const QString &location);
    ~StoreWorker() override;

    void enqueue(const StoreBatch &batch);
    void notifyWhenDrained(std::function<void()> done);
    // Writes what it can now, without retrying; for shutting down.
    void flushOnce();

signals:
    void availabilityChanged(bool available, const QString &message);

private:
    void writePending();
    bool ensureStore();
    void reportAvailability(bool available, const QString &message);

    QString m_location;
    std::unique_ptr<RunStore> m_store;
    QList<StoreBatch> m_pending;
    QList<std::function<void()>> m_drainWaiters;
    QTimer m_retryTimer;
    int m_retryDelayMs = 0;
    bool m_available = true;
};

} // namespace pw
