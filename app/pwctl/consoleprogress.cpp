#include "consoleprogress.h"

#include "core/util/duration.h"
#include "output.h"

namespace pw::cli {

namespace {

QString clock()
{
    return QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
}

} // namespace

void ConsoleProgress::runChanged(const RunRecord &run)
{
    // A run goes back to running after each gate; it started only once.
    if (run.status == RunStatus::Running || run.status == RunStatus::WaitingApproval) {
        if (std::exchange(m_started, true))
            return;
        err() << clock() << " run " << run.id << " of " << run.pipeline << " started"
              << (run.branch.isEmpty() ? QString() : QStringLiteral(" on ") + run.branch)
              << Qt::endl;
        return;
    }
    if (!isFinished(run.status))
        return;
    err() << clock() << " run " << run.id << ' ' << keyword(run.status)
          << (run.reason.isEmpty() ? QString() : QStringLiteral(": ") + run.reason) << " in "
          << formatDuration(Milliseconds(run.durationMs())) << Qt::endl;
}

void ConsoleProgress::stageChanged(const RunRecord &run, int stage)
{
    // Said when a gate starts to wait and when it stops; the stage's later changes are its
    // jobs' business.
    const StageRecord &record = run.stages[stage];
    const StageStatus before = m_gateReported.value(stage, StageStatus::Pending);
    if (!record.gate || before == record.status
        || (before != StageStatus::Waiting && record.status != StageStatus::Waiting)) {
        return;
    }
    m_gateReported.insert(stage, record.status);

    if (record.status == StageStatus::Waiting) {
        err() << clock() << " waiting stage " << record.name << ' ' << record.reason
              << "; decide with: pwctl approve " << run.id << ' ' << record.name << Qt::endl;
        return;
    }
    err() << clock() << " gate    stage " << record.name << ": " << record.reason << Qt::endl;
}

void ConsoleProgress::jobChanged(const RunRecord &run, int job)
{
    const JobRecord &record = run.jobs[job];
    if (record.status == JobStatus::WaitingResource) {
        // Said once per reason: the holder or the queue ahead may change while it waits.
        if (m_waitingReason.value(job) != record.reason) {
            m_waitingReason.insert(job, record.reason);
            err() << clock() << " waiting " << record.name << ": " << record.reason << Qt::endl;
        }
        return;
    }
    const auto reported = m_reported.constFind(job);
    const bool retry = record.status == JobStatus::Running && record.attempts > 1;
    if (reported != m_reported.constEnd() && *reported == record.status && !retry)
        return;
    m_reported.insert(job, record.status);

    QTextStream &stream = err();
    stream << clock() << ' ';
    if (record.status == JobStatus::Running) {
        stream << "start   " << record.name;
        if (record.attempts > 1)
            stream << " (attempt " << record.attempts << " of " << record.maxAttempts << ')';
        stream << Qt::endl;
        return;
    }
    if (!isFinished(record.status))
        return;

    stream << keyword(record.status).leftJustified(8) << record.name;
    if (!record.reason.isEmpty())
        stream << ": " << record.reason;
    if (record.status == JobStatus::Failed && record.allowFailure)
        stream << " (allowed to fail)";
    if (record.startedAt.isValid())
        stream << " (" << formatDuration(Milliseconds(record.durationMs())) << ')';
    stream << Qt::endl;
}

void ConsoleProgress::jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                                int lineCount, const QByteArray &lines)
{
    if (!m_streamLogs)
        return;

    const QByteArray prefix = '[' + run.jobs[job].name.toUtf8() + "] ";
    QByteArray text;
    text.reserve(lines.size() + lineCount * prefix.size() + 1);
    qsizetype start = 0;
    while (start < lines.size()) {
        qsizetype end = lines.indexOf('\n', start);
        if (end < 0)
            end = lines.size();
        text += prefix;
        text += QByteArrayView(lines).sliced(start, end - start);
        text += '\n';
        start = end + 1;
    }
    err().flush();
    fwrite(text.constData(), 1, size_t(text.size()), stderr);
}

} // namespace pw::cli
