#pragma once

#include "core/store/runstore.h"

#include <QObject>
#include <QThread>

namespace pw::gui {

class StoreReaderWorker;

// Reads the history without blocking the GUI thread: each call queues a query to a worker
// thread with its own store and returns at once with a request id; the answer comes back
// as a signal on this object's thread carrying that id.
class StoreReader : public QObject
{
    Q_OBJECT

public:
    explicit StoreReader(const QString &location, QObject *parent = nullptr);
    // Lets the query under way finish, then stops the thread.
    ~StoreReader() override;

    QString location() const { return m_location; }

    quint64 listRuns(const RunQuery &query);
    quint64 loadRun(qint64 runId);
    quint64 readLog(qint64 runId, int job, qint64 fromLine, int maxLines);
    quint64 listWaitingGates();
    quint64 decideGate(qint64 runId, int stage, bool approve, const QString &comment);

signals:
    void runsListed(quint64 request, const QList<pw::RunRecord> &runs, const QString &error);
    void runLoaded(quint64 request, const pw::RunRecord &run, const QString &error);
    void logRead(quint64 request, const QList<pw::LogChunk> &chunks, bool atEnd,
                 const QString &error);
    void gateDecided(quint64 request, const pw::GateRecord &gate, const QString &error);
    void waitingGatesListed(quint64 request, const QList<pw::WaitingGate> &gates,
                            const QString &error);

private:
    QString m_location;
    QThread m_thread;
    StoreReaderWorker *m_worker = nullptr;
    quint64 m_nextRequest = 1;
};

} // namespace pw::gui
