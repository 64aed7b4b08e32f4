#include "storewriter.h"

#include "core/threads/mailbox.h"
#include "storeworker.h"

#include <QPointer>

namespace pw {

StoreWriter::StoreWriter(const QString &location, QObject *parent)
    : QObject(parent)
    , m_mailbox(new Mailbox(this))
{
    Mailbox *mailbox = m_mailbox;
    m_worker = new StoreWorker(location, [this, mailbox](bool available, const QString &message) {
        mailbox->post([this, available, message] { onAvailability(available, message); });
    });
    m_workerMailbox = new Mailbox(m_worker);
    m_thread.setObjectName(QStringLiteral("pipewright-store-writer"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreWriter::~StoreWriter()
{
    StoreWorker *worker = m_worker;
    m_workerMailbox->postAndWait([worker] { worker->flushOnce(); });
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
    m_workerMailbox->post([worker, batch, queued] { worker->enqueue(batch, queued); });
}

void StoreWriter::whenDrained(QObject *context, std::function<void()> done)
{
    StoreWorker *worker = m_worker;
    Mailbox *mailbox = m_mailbox;
    // The guard is looked at on this thread only: the context may be deleted here at any time.
    QPointer<QObject> guard(context);
    m_workerMailbox->post([worker, mailbox, guard, done] {
        worker->notifyWhenDrained([mailbox, guard, done] {
            mailbox->post([guard, done] {
                if (guard)
                    done();
            });
        });
    });
}

void StoreWriter::onAvailability(bool available, const QString &message)
{
    m_available = available;
    if (!available)
        m_lastError = message;
    emit availabilityChanged(available, message);
}

} // namespace pw
