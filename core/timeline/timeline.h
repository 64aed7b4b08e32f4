#pragma once

#include "core/store/records.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace pw::timeline {

// Where a job's bar comes from.
enum class BarKind {
    Finished,  // started and ended: both ends are recorded
    Running,   // started and still going: drawn up to now, expected to end later
    Estimated, // not started yet: both ends are estimated from the graph and past durations
    NotRun,    // ended without starting (skipped, cancelled while it waited): no length
};

// Where a job's expected duration comes from.
enum class DurationSource {
    Recorded, // the job ended: its own duration
    History,  // the last duration of a job of that name in this pipeline
    Guess,    // no history: the median of the durations that are known
    Unknown,  // nothing known; counts as no time at all
};

// One try of a job, in milliseconds from the run's start.
struct AttemptBar
{
    int number = 1;
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool running = false; // ends at now
};

// A job on the time axis; all times are milliseconds from the run's start.
struct JobBar
{
    int job = -1; // position in RunRecord::jobs
    int stage = -1;
    BarKind kind = BarKind::Estimated;
    JobStatus status = JobStatus::Pending;
    qint64 startMs = 0;
    // Finished: when it ended; Running: now; Estimated: its expected end; NotRun: its start.
    qint64 endMs = 0;
    // When it ended or is expected to end; later than endMs only for running jobs.
    qint64 expectedEndMs = 0;
    std::optional<qint64> expectedDurationMs; // unset when Unknown
    DurationSource durationSource = DurationSource::Unknown;
    QList<AttemptBar> attempts; // by number; empty until the job starts
    bool critical = false;
    // The recorded times contradicted each other or the clock and were adjusted.
    bool clockSkew = false;

    // The time the job takes on the critical path: recorded, or elapsed and expected.
    qint64 lengthMs() const { return expectedEndMs - startMs; }
};

// How much an estimate of the run's finish can be trusted.
enum class EstimateBasis {
    Finished, // the run is over: its finish is recorded
    History,  // every job still to run has a past duration
    Partial,  // some jobs still to run have none: their durations are guessed or left out
    Unknown,  // no job still to run has a duration to go by
};

struct FinishEstimate
{
    EstimateBasis basis = EstimateBasis::Unknown;
    QDateTime finish;       // UTC; null when Unknown
    qint64 remainingMs = 0; // from now to the finish
    int guessedJobs = 0;    // jobs still to run whose duration is guessed or unknown
    // A gate waits for a decision: the estimate counts as if it were approved now.
    bool waitsForApproval = false;
};

// What a timeline is made from besides the run itself.
struct TimelineInputs
{
    QList<AttemptRecord> attempts; // of any jobs of the run (AttemptRecord::job is its index)
    QHash<QString, qint64> pastDurationsMs; // RunStore::lastJobDurations of the pipeline
    QDateTime now;                          // UTC
    int workers = 0;                        // jobs that run at once; 0 or less: no limit
};

struct Timeline
{
    QDateTime origin;   // the run's start (UTC): offset 0
    qint64 nowMs = 0;   // now, or the run's end once it is over
    qint64 spanMs = 0;  // the latest end of any bar, estimates included
    QList<JobBar> bars; // one per job, in the order of RunRecord::jobs
    // The chain of jobs that determines the run's length, first to last, by position.
    QList<int> criticalPath;
    qint64 criticalMs = 0; // the summed lengths of the critical path's jobs
    FinishEstimate estimate;
    // What was wrong with the input and how it was taken, one sentence each.
    QStringList problems;

    QDateTime timeAt(qint64 offsetMs) const { return origin.addMSecs(offsetMs); }
};

// Lays the run out on a time axis. A job waits for the jobs its `needs` name or, without
// needs, for every job of the earlier stages. Recorded times are kept (adjusted where they
// contradict each other, which `problems` then says); running jobs are expected to take their
// past duration; jobs still to run start as soon as what they wait for is done and a worker
// is free, longest remaining path first. Never fails: bad needs and cycles are reported in
// `problems` and left out. Linear in the jobs and needs, up to a logarithm.
Timeline computeTimeline(const RunRecord &run, const TimelineInputs &inputs);

// The past duration of a job by its display name, else by its name in the file (the part of
// a matrix instance's name before ": [").
std::optional<qint64> pastDurationOf(const QString &jobName,
                                     const QHash<QString, qint64> &pastDurationsMs);

} // namespace pw::timeline
