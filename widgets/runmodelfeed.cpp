#include "runmodelfeed.h"

#include "runmodel.h"

namespace pw::gui {

RunModelFeed::RunModelFeed(QObject *parent)
    : QObject(parent)
{}

void RunModelFeed::attach(RunModel *model)
{
    m_model = model;
    if (m_model)
        m_model->setRun(m_run);
}

int RunModelFeed::attemptOf(int job) const
{
    const QList<LogChunk> chunks = m_output.value(job);
    return chunks.isEmpty() ? 0 : chunks.constLast().attempt;
}

void RunModelFeed::runChanged(const RunRecord &run)
{
    m_run = run;
    if (m_model)
        m_model->updateRun(run);
    emit runUpdated(run);
}

void RunModelFeed::stageChanged(const RunRecord &run, int stage)
{
    m_run = run;
    if (m_model)
        m_model->updateStage(run, stage);
    emit runUpdated(run);
}

void RunModelFeed::jobChanged(const RunRecord &run, int job)
{
    m_run = run;
    if (m_model)
        m_model->updateJob(run, job);
    emit runUpdated(run);
}

void RunModelFeed::attemptChanged(const RunRecord &run, const AttemptRecord &attempt)
{
    if (attempt.number > attemptOf(attempt.job) && !attempt.finishedAt.isValid()) {
        m_output.remove(attempt.job);
        emit attemptStarted(attempt.job, attempt.number);
    }
    m_run = run;
    if (m_model)
        m_model->updateJob(run, attempt.job);
}

void RunModelFeed::jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                             int lineCount, const QByteArray &lines)
{
    LogChunk chunk{run.id, job, attempt, firstLine, lineCount, lines};
    QList<LogChunk> &kept = m_output[job];
    if (!kept.isEmpty() && kept.constLast().attempt != attempt)
        kept.clear();
    kept.append(chunk);
    emit output(chunk);
}

} // namespace pw::gui
