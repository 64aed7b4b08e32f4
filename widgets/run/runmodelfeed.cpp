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

std::shared_ptr<LogText> RunModelFeed::logOf(int job)
{
    std::shared_ptr<LogText> &text = m_output[job];
    if (!text)
        text = std::make_shared<LogText>();
    return text;
}

void RunModelFeed::startAttempt(int job, int attempt)
{
    // A fresh text: a model still showing the last attempt keeps that one until it asks. An
    // empty one is kept, since a model may already share it (a job picked before it ran).
    const std::shared_ptr<LogText> kept = m_output.value(job);
    if (!kept || kept->lineCount() > 0)
        m_output.insert(job, std::make_shared<LogText>());
    m_attempts.insert(job, attempt);
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
        startAttempt(attempt.job, attempt.number);
        emit attemptStarted(attempt.job, attempt.number);
    }
    m_run = run;
    if (m_model)
        m_model->updateJob(run, attempt.job);
}

void RunModelFeed::jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                             int lineCount, const QByteArray &lines)
{
    if (attempt < attemptOf(job))
        return;
    if (attempt > attemptOf(job))
        startAttempt(job, attempt);
    const LogChunk chunk{run.id, job, attempt, firstLine, lineCount, lines};
    logOf(job)->append(chunk);
    emit output(chunk);
}

} // namespace pw::gui
