#pragma once

#include "core/loader/pipelineloader.h"
#include "core/session/runsession.h"

#include <QObject>

#include <memory>

namespace pw {
class LocalJobRunner;
class SharedServices;
namespace files {
class FileStager;
}
} // namespace pw

namespace pw::gui {

class RunModelFeed;

// Starts runs from the desktop app and owns what a run needs while it goes: the history
// writer, the job runner, the file stager, the session and the feed that shows it. One run
// at a time; the last one stays inspectable until the next starts.
class RunController : public QObject
{
    Q_OBJECT

public:
    // `redis`: where runs publish their gates and hear of decisions; empty for none.
    RunController(const QString &storeLocation, const QString &redis, QObject *parent = nullptr);
    // Cancels a run still going and waits for the writer to drain.
    ~RunController() override;

    QString storeLocation() const { return m_storeLocation; }
    // Plans, records and starts a run; fails with the reason when that cannot be done. When
    // the pipeline lists secrets, they are looked up first without blocking, and the run
    // starts once they are found (or startFailed says why not); the feed exists at once.
    Status start(const RunRequest &request);
    // Starts the last request again, with the pipeline given (re-read from its file).
    Status restart(std::shared_ptr<const Pipeline> pipeline);
    // Retries the recorded run `previous` (see planRetry): reads its pipeline file off this
    // thread, then starts the retry with the run's own context; `all` runs every job again.
    // runStarted or startFailed follows.
    void retry(const RunRecord &previous, bool all);
    void cancel();
    // Someone decided a gate here: the waiting run reads the store now, not at its next poll.
    void checkGatesNow();

    bool isRunning() const;
    // Running, or readying a run to start: no other may start now.
    bool isBusy() const { return isRunning() || m_resolving || m_loadingRetry; }
    // The id of the run going now, or 0.
    qint64 currentRunId() const;
    // How many jobs of a retried run may run at once; runs started with start() say so in
    // their request.
    void setWorkers(int workers) { m_workers = qMax(1, workers); }
    int workers() const { return m_workers; }
    bool hasLastRequest() const { return m_lastRequest.pipeline != nullptr; }
    // The feed of the current or last run; null before the first.
    RunModelFeed *feed() const { return m_feed.get(); }

signals:
    void runStarted(qint64 runId);
    // A run accepted by start() could not begin after all (a secret was missing).
    void startFailed(const QString &message);
    // The run ended and its records are written (or held, when the store went away).
    void runFinished(const pw::RunRecord &run);
    void stateChanged();
    // The history store stopped answering (with the reason; the run goes on and its records
    // are held), or answers again.
    void storeAvailabilityChanged(bool available, const QString &message);

private:
    Status openStoreOnce();
    void resolveSecretsThenStart(const RunRequest &request);
    Status startSession(const RunRequest &request);
    void onSessionFinished();
    void startRetry(const RunRecord &previous, bool all, const LoadResult &loaded);

    QString m_storeLocation;
    QString m_redis;
    int m_workers = 1;
    std::unique_ptr<RunStore> m_store;
    std::unique_ptr<StoreWriter> m_writer;
    std::unique_ptr<LocalJobRunner> m_runner;
    std::unique_ptr<files::FileStager> m_stager;
    std::unique_ptr<SharedServices> m_shared;
    RunEventFanout m_observers;
    std::unique_ptr<RunModelFeed> m_feed;
    std::unique_ptr<RunSession> m_session;
    RunRequest m_lastRequest;
    bool m_running = false;
    bool m_resolving = false;
    bool m_loadingRetry = false;
};

} // namespace pw::gui
