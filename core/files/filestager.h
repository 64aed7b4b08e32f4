#pragma once

#include "core/exec/jobstager.h"
#include "filesettings.h"
#include "jobfiles.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

namespace pw {
class Mailbox;
} // namespace pw

namespace pw::files {

// The stager that does the real file work: workspaces, artifacts and caches. Each step runs
// on a thread pool, so the executor's thread (the GUI thread in the desktop app) never waits
// on a disk, and its result is handed back on the thread this object lives in.
class FileStager : public QObject, public JobStager
{
    Q_OBJECT

public:
    explicit FileStager(const FilesSettings &settings, QObject *parent = nullptr);
    // Waits for file work that is still going.
    ~FileStager() override;

    void prepare(const Plan &plan, const RunRecord &run, int job,
                 std::function<void(StagedJob)> done) override;
    void conclude(const Plan &plan, const RunRecord &run, int job, JobStatus status,
                  std::function<void(ConcludedJob)> done) override;
    void finishRun(const Plan &plan, const RunRecord &run, std::function<void()> done) override;
    Result<QSet<int>> expiredArtifacts(const RunRecord &previous) override;
    Status reuseArtifacts(qint64 previousRun, const RunRecord &run,
                          const QList<std::pair<int, int>> &reused) override;

private:
    struct JobState
    {
        JobFilesInput input;
        QList<CacheDecision> caches;
    };

    JobFilesInput inputFor(const Plan &plan, const RunRecord &run, int job) const;
    // The dotenv variables `input` receives from its artifact sources, with the log lines
    // that say where they came from.
    Variables receivedDotenv(const JobFilesInput &input, QByteArray *log) const;
    // Runs `work` on the pool, then `done` with its result on this object's thread.
    template<typename T>
    void offThread(std::function<T()> work, std::function<void(T)> done);

    FilesSettings m_settings;
    Mailbox *m_mailbox = nullptr; // this thread's, for what the pool has done
    QThreadPool m_pool;
    QHash<std::pair<qint64, int>, JobState> m_jobs;
    // The variables of each finished job's dotenv reports, by run and job.
    QHash<std::pair<qint64, int>, Variables> m_dotenv;
};

} // namespace pw::files
