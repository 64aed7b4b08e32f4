#pragma once

#include "core/exec/jobstager.h"
#include "filesettings.h"

#include <QHash>

#include <memory>

namespace pw::files {

// One job's part in the file work, in plain values, so that it can be done on any thread.
struct JobFilesInput
{
    qint64 runId = 0;
    int job = -1;
    QString name;
    std::shared_ptr<const Pipeline> pipeline; // keeps `spec` alive
    const Job *spec = nullptr;
    bool isolated = false;
    // The workspace when isolated, else the pipeline's folder.
    QString workingDirectory;
    // The jobs whose artifacts it receives: index and display name.
    QList<std::pair<int, QString>> artifactSources;
    // The job's variables by name, for `$NAME` in its artifact and cache paths and keys;
    // empty for a pipeline format that does not expand them (the native one).
    QHash<QString, QString> pathVariables;
};

// What the lookup of one cache decided, remembered until the job ends.
struct CacheDecision
{
    int cache = -1; // index into Job::caches
    QString key;
    bool exactHit = false;
};

struct PreparedFiles
{
    StagedJob staged;
    QList<CacheDecision> caches;
};

// Before the job: makes its workspace, restores the artifacts it receives and its caches,
// and decides whether skip_on_hit spares it from running.
PreparedFiles prepareJobFiles(const FilesSettings &settings, const JobFilesInput &input);

// After the job ended with `status`: keeps its artifacts and saves its caches as their
// `when` and policy say, then evicts cache entries above the limit.
ConcludedJob concludeJobFiles(const FilesSettings &settings, const JobFilesInput &input,
                              JobStatus status, const QList<CacheDecision> &caches);

// The prefix of every line the file work writes into a job's log.
extern const QByteArray logPrefix;

} // namespace pw::files
