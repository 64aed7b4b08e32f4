#pragma once

#include "core/store/runstore.h"

#include <QObject>

#include <memory>

namespace pw::gui {

// Answers history queries on a thread of its own, with a store it opens there (a store
// belongs to the thread that opened it). Every answer carries the request's id back.
class StoreReaderWorker : public QObject
{
    Q_OBJECT

public:
    explicit StoreReaderWorker(const QString &location);
    ~StoreReaderWorker() override;

public slots:
    void listRuns(quint64 request, const pw::RunQuery &query);
    void loadRun(quint64 request, qint64 runId);
    // Up to `maxLines` lines (in whole chunks) of the job's last attempt, from `fromLine`.
    void readLog(quint64 request, qint64 runId, int job, qint64 fromLine, int maxLines);
    // The gates of unfinished runs that wait for a decision, on any workstation.
    void listWaitingGates(quint64 request);
    // Records this login's decision on a gate; the store says who may decide.
    void decideGate(quint64 request, qint64 runId, int stage, bool approve, const QString &comment);
    void runTrend(quint64 request, const QString &pipeline, int limit);
    void readLogin(quint64 request);
    void lastJobDurations(quint64 request, const QString &pipeline);
    // Stops at the first job whose attempts cannot be read.
    void loadAttempts(quint64 request, qint64 runId, const QList<int> &jobs);

signals:
    void runsListed(quint64 request, const QList<pw::RunRecord> &runs, const QString &error);
    void runLoaded(quint64 request, const pw::RunRecord &run, const QString &error);
    // `atEnd`: no chunk follows the ones given.
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
    // Opens the store on first use, on the worker's thread; null with `error` set on failure.
    RunStore *store(QString *error);
    int lastAttempt(qint64 runId, int job, QString *error);

    QString m_location;
    std::unique_ptr<RunStore> m_store;
};

} // namespace pw::gui
