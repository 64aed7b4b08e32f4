#include "recordedbars.h"

#include "core/util/duration.h"

#include <algorithm>

namespace pw::timeline {

namespace {

QString formatted(qint64 ms)
{
    return formatDuration(Milliseconds(ms));
}

// The run's start, or failing that the first recorded start, or now.
QDateTime originOf(const RunRecord &run, const TimelineInputs &inputs)
{
    if (run.startedAt.isValid())
        return run.startedAt;
    QDateTime first;
    for (const JobRecord &job : run.jobs) {
        if (job.startedAt.isValid() && (!first.isValid() || job.startedAt < first))
            first = job.startedAt;
    }
    if (first.isValid())
        return first;
    return inputs.now.isValid() ? inputs.now : QDateTime::fromMSecsSinceEpoch(0, Qt::UTC);
}

BarKind kindOf(const JobRecord &job, bool runOver)
{
    if (isFinished(job.status) || runOver)
        return job.startedAt.isValid() ? BarKind::Finished : BarKind::NotRun;
    if (job.status == JobStatus::Running)
        return BarKind::Running;
    return BarKind::Estimated;
}

class BarPlacer
{
public:
    BarPlacer(const RunRecord &run, const TimelineInputs &inputs, Timeline &timeline)
        : m_run(run)
        , m_inputs(inputs)
        , m_timeline(timeline)
    {}

    void place()
    {
        m_timeline.origin = originOf(m_run, m_inputs);
        m_runOver = isFinished(m_run.status);
        groupAttempts();
        placeNow();

        m_timeline.bars.reserve(m_run.jobs.size());
        for (int job = 0; job < m_run.jobs.size(); ++job)
            m_timeline.bars.append(barOf(job));
    }

private:
    qint64 offset(const QDateTime &time) const
    {
        return std::clamp(m_timeline.origin.msecsTo(time), -kMaxOffsetMs, kMaxOffsetMs);
    }

    // Attempts by the position of their job; AttemptRecord::job is the job's index.
    void groupAttempts()
    {
        QHash<int, int> positions;
        for (int job = 0; job < m_run.jobs.size(); ++job)
            positions.insert(m_run.jobs.at(job).index, job);
        for (const AttemptRecord &attempt : m_inputs.attempts) {
            const auto found = positions.constFind(attempt.job);
            if (found != positions.constEnd() && attempt.startedAt.isValid())
                m_attempts[*found].append(attempt);
        }
        for (QList<AttemptRecord> &attempts : m_attempts) {
            std::stable_sort(attempts.begin(), attempts.end(),
                             [](const auto &a, const auto &b) { return a.number < b.number; });
        }
    }

    qint64 latestRecorded() const
    {
        qint64 latest = 0;
        const auto note = [&](const QDateTime &time) {
            if (time.isValid())
                latest = std::max(latest, offset(time));
        };
        for (const JobRecord &job : m_run.jobs) {
            note(job.startedAt);
            note(job.finishedAt);
        }
        for (const AttemptRecord &attempt : m_inputs.attempts) {
            note(attempt.startedAt);
            note(attempt.finishedAt);
        }
        return latest;
    }

    // A clock behind the one that recorded the run would put now before what already
    // happened; now is then taken as the latest recorded time.
    void placeNow()
    {
        const qint64 latest = latestRecorded();
        if (m_runOver) {
            const qint64 end = m_run.finishedAt.isValid() ? offset(m_run.finishedAt) : 0;
            m_timeline.nowMs = std::max(end, latest);
            return;
        }
        m_timeline.nowMs =
            m_inputs.now.isValid() ? std::max<qint64>(0, offset(m_inputs.now)) : latest;
        if (latest > m_timeline.nowMs) {
            m_timeline.problems.append(
                QStringLiteral("recorded times lie up to %1 ahead of this computer's clock; "
                               "now is taken as the latest of them")
                    .arg(formatted(latest - m_timeline.nowMs)));
            m_timeline.nowMs = latest;
        }
    }

    JobBar barOf(int job)
    {
        const JobRecord &record = m_run.jobs.at(job);
        JobBar bar;
        bar.job = job;
        bar.stage = record.stage;
        bar.status = record.status;
        bar.kind = kindOf(record, m_runOver);
        if (bar.kind == BarKind::Finished || bar.kind == BarKind::Running) {
            placeStartAndEnd(record, bar);
            placeAttempts(record, bar);
        }
        bar.expectedEndMs = bar.endMs;
        return bar;
    }

    void placeStartAndEnd(const JobRecord &record, JobBar &bar)
    {
        bar.startMs = record.startedAt.isValid() ? offset(record.startedAt) : m_timeline.nowMs;
        if (bar.startMs < 0) {
            m_timeline.problems.append(
                QStringLiteral("job '%1' started %2 before its run; its bar starts with the run")
                    .arg(record.name, formatted(-bar.startMs)));
            bar.startMs = 0;
            bar.clockSkew = true;
        }

        if (bar.kind == BarKind::Running) {
            bar.endMs = std::max(bar.startMs, m_timeline.nowMs);
            return;
        }
        bar.endMs = record.finishedAt.isValid() ? offset(record.finishedAt) : bar.startMs;
        if (bar.endMs < bar.startMs) {
            m_timeline.problems.append(
                QStringLiteral("job '%1' finished %2 before it started; its bar has no length")
                    .arg(record.name, formatted(bar.startMs - bar.endMs)));
            bar.endMs = bar.startMs;
            bar.clockSkew = true;
        }
    }

    void placeAttempts(const JobRecord &record, JobBar &bar)
    {
        const QList<AttemptRecord> attempts = m_attempts.value(bar.job);
        if (attempts.isEmpty()) {
            const bool running = bar.kind == BarKind::Running;
            bar.attempts.append({std::max(1, record.attempts), bar.startMs, bar.endMs, running});
            return;
        }

        for (int i = 0; i < attempts.size(); ++i) {
            const AttemptRecord &attempt = attempts.at(i);
            AttemptBar placed;
            placed.number = attempt.number;
            placed.startMs = std::max<qint64>(0, offset(attempt.startedAt));
            placed.running = bar.kind == BarKind::Running && i == attempts.size() - 1
                             && !attempt.finishedAt.isValid();
            if (placed.running)
                placed.endMs = m_timeline.nowMs;
            else if (attempt.finishedAt.isValid())
                placed.endMs = offset(attempt.finishedAt);
            placed.endMs = std::max(placed.endMs, placed.startMs);
            bar.attempts.append(placed);
        }
    }

    const RunRecord &m_run;
    const TimelineInputs &m_inputs;
    Timeline &m_timeline;
    QHash<int, QList<AttemptRecord>> m_attempts;
    bool m_runOver = false;
};

} // namespace

void placeRecordedBars(const RunRecord &run, const TimelineInputs &inputs, Timeline &timeline)
{
    BarPlacer(run, inputs, timeline).place();
}

} // namespace pw::timeline
