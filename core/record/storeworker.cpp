#include "storeworker.h"

#include "recordlog.h"

#include <QScopedValueRollback>

namespace pw {

namespace {

constexpr int firstRetryDelayMs = 250;
constexpr int longestRetryDelayMs = 5000;

} // namespace

StoreWorker::StoreWorker(const QString &location, AvailabilityCallback onAvailability)
    : m_location(location)
    , m_onAvailability(std::move(onAvailability))
    // A child, so that moveToThread takes the timer along: a timer left on the thread that
    // made the worker cannot be started from the writer's thread, and nothing is retried.
    , m_retryTimer(this)
{
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &StoreWorker::writePending);
}

StoreWorker::~StoreWorker() = default;

void StoreWorker::enqueue(const StoreBatch &batch, QAtomicInteger<qint64> *queuedBytes)
{
    qint64 bytes = 0;
    for (const LogChunk &chunk : batch.logs)
        bytes += chunk.data.size();
    m_pending.append({batch, bytes, queuedBytes});
    if (!m_retryTimer.isActive() && !m_writing)
        writePending();
}

void StoreWorker::notifyWhenDrained(std::function<void()> done)
{
    if (m_pending.isEmpty()) {
        done();
        return;
    }
    m_drainWaiters.append(std::move(done));
}

bool StoreWorker::ensureStore()
{
    if (m_store)
        return true;

    auto opened = openStore(m_location);
    if (!opened.ok()) {
        reportAvailability(false, opened.error().message);
        return false;
    }
    m_store = std::move(opened).value();
    return true;
}

void StoreWorker::writePending()
{
    if (m_writing)
        return;
    const QScopedValueRollback<bool> writing(m_writing, true);

    // Batches go in the order they came: a later update of a job must not be overwritten
    // by an earlier one written after it.
    while (!m_pending.isEmpty()) {
        if (!ensureStore())
            break;
        const Status status = m_store->write(m_pending.first().batch);
        if (!status.ok()) {
            // A connection that failed may stay broken; open a fresh one next time.
            m_store.reset();
            reportAvailability(false, status.error().message);
            break;
        }
        written(m_pending.takeFirst());
        m_retryDelayMs = 0;
        reportAvailability(true, QString());
    }

    if (!m_pending.isEmpty()) {
        m_retryDelayMs = std::min(longestRetryDelayMs,
                                  m_retryDelayMs == 0 ? firstRetryDelayMs : m_retryDelayMs * 2);
        m_retryTimer.start(m_retryDelayMs);
        return;
    }
    const auto waiters = std::exchange(m_drainWaiters, {});
    for (const auto &done : waiters)
        done();
}

void StoreWorker::flushOnce()
{
    if (m_writing)
        return;
    const QScopedValueRollback<bool> writing(m_writing, true);
    m_retryTimer.stop();
    while (!m_pending.isEmpty() && ensureStore() && m_store->write(m_pending.first().batch).ok())
        written(m_pending.takeFirst());
    if (!m_pending.isEmpty()) {
        qCWarning(lcRecord) << m_pending.size() << "batches of history could not be written to"
                            << m_location;
    }
}

void StoreWorker::written(const Pending &pending)
{
    if (pending.queuedBytes)
        pending.queuedBytes->fetchAndSubRelaxed(pending.bytes);
}

void StoreWorker::reportAvailability(bool available, const QString &message)
{
    if (available == m_available)
        return;
    m_available = available;
    // Not a warning: the writer's owner tells its user (availabilityChanged), and a warning
    // here would say it a second time.
    if (!available)
        qCInfo(lcRecord).noquote() << "history store unavailable, holding records:" << message;
    m_onAvailability(available, message);
}

} // namespace pw
