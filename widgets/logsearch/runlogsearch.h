#pragma once

#include "core/store/records.h"
#include "logmatcher.h"
#include "runmatchesmodel.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>

namespace pw::gui {

class RunModelFeed;

// What one batch of a run search hands over.
struct RunMatchBatch
{
    QList<RunMatch> matches;
    qint64 found = 0; // matching lines, also past the listed ones' limit
    QString error;
};

// Searches every job's log of one run on a worker thread and lists the lines found in a
// RunMatchesModel as batches come back: a live run's logs from copies of what its feed
// holds, a stored run's from the store, read on the worker with a connection of its own
// (the store streams a log there chunk by chunk, so no log is held whole in memory).
class RunLogSearch : public QObject
{
    Q_OBJECT

public:
    // Lines found past this many are counted but not listed.
    static constexpr int maxListed = 10000;

    explicit RunLogSearch(QObject *parent = nullptr);
    ~RunLogSearch() override;

    // What the next search looks through: the live run `feed` follows, or a stored run.
    void searchLive(RunModelFeed *feed);
    void searchStored(const QString &storeLocation, const RunRecord &run);

    // Starts again with `matcher`; an empty one only clears the results.
    void start(const LogMatcher &matcher);
    void stop() { start({}); }

    RunMatchesModel *results() const { return m_results; }
    bool isSearching() const { return m_worker != nullptr; }
    qint64 matchCount() const { return m_found; }
    // Why the last search could not read every log; empty when it could.
    QString error() const { return m_error; }

signals:
    void progressed();
    void finished();

private:
    void dropWorker();
    QFuture<RunMatchBatch> startWorker(const LogMatcher &matcher);
    void take(const RunMatchBatch &batch);

    RunMatchesModel *m_results = nullptr;
    QPointer<RunModelFeed> m_feed;
    QString m_storeLocation;
    RunRecord m_run;
    QFutureWatcher<RunMatchBatch> *m_worker = nullptr;
    qint64 m_found = 0;
    QString m_error;
};

} // namespace pw::gui
