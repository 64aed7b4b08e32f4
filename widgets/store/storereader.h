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
    // The newest `limit` runs of `pipeline` for charts, oldest first.
    quint64 runTrend(const QString &pipeline, int limit);
    // The login decisions through this store are recorded under.
    quint64 readLogin();
    // The last duration of each job name of `pipeline`, for estimates.
    quint64 lastJobDurations(const QString &pipeline);
    // The attempts of the given jobs (by index) of the run, in one answer.
    quint64 loadAttempts(qint64 runId, const QList<int> &jobs);

signals:
    void runsListed(quint64 request, const QList<pw::RunRecord> &runs, const QString &error);
    void runLoaded(quint64 request, const pw::RunRecord &run, const QString &error);
    void logRead(quint64 request, const QList<pw::LogChunk> &chunks, bool atEnd,
                 const QString &error);
    void gateDecided(quint64 request, const pw::GateRecord &gate, const QString &error);
    void waitingGatesListed(quint64 request, const QList<pw::WaitingGate> &gates,
                            const QString &error);
    void runTrendRead(quint64 request, const QList<pw::RunTrendPoint> &points,
                      const QString &error);
    void loginRead(quint64 request, const QString &login, const QString &error);
    void jobDurationsRead(quint64 request, const QHash<QString, qint64> &durations,
                          const QString &error);
    void attemptsLoaded(quint64 request, const QList<pw::AttemptRecord> &attempts,
                        const QString &error);

private:
    QString m_location;
    QThread m_thread;
    StoreReaderWorker *m_worker = nullptr;
    quint64 m_nextRequest = 1;
};

} // namespace pw::gui
