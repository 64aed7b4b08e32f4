#include "storewriter.h"

#include "storeworker.h"

#include <QMetaObject>
#include <QPointer>

namespace pw {

StoreWriter::StoreWriter(const QString &location, QObject *parent)
    : QObject(parent)
    , m_worker(new StoreWorker(location))
{
    m_thread.setObjectName(QStringLiteral("pipewright-store-writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StoreWorker::availabilityChanged, this, &StoreWriter::onAvailability);
    m_thread.start();
}

StoreWriter::~StoreWriter()
{
    StoreWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker] { worker->flushOnce(); }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void StoreWriter::submit(const StoreBatch &batch)
{
    if (batch.isEmpty())
        return;
    qint64 bytes = 0;
    for (const LogChunk &chunk : batch.logs)
        bytes += chunk.data.size();
    m_queuedBytes.fetchAndAddRelaxed(bytes);

    StoreWorker *worker = m_worker;
    QAtomicInteger<qint64> *queued = &m_queuedBytes;
    QMetaObject::invokeMethod(
        worker, [worker, batch, queued] { worker->enqueue(batch, queued); }, Qt::QueuedConnection);
}

void StoreWriter::whenDrained(QObject *context, std::function<void()> done)
{
    StoreWorker *worker = m_worker;
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(
        worker,
        [worker, guard, done] {
            worker->notifyWhenDrained([guard, done] {
                if (guard)
                    QMetaObject::invokeMethod(guard, done, Qt::QueuedConnection);
            });
        },
        Qt::QueuedConnection);
}

void StoreWriter::onAvailability(bool available, const QString &message)
{
    m_available = available;
    if (!available)
        m_lastError = message;
    emit availabilityChanged(available, message);
}

} // namespace pw
