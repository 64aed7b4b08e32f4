#include "logbatcher.h"

#include "loglinesmodel.h"

namespace pw::gui {

LogBatcher::LogBatcher(LogLinesModel &model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(50);
    connect(&m_timer, &QTimer::timeout, this, &LogBatcher::flush);
}

void LogBatcher::watch(int job, int attempt)
{
    m_job = job;
    m_attempt = attempt;
    m_pending.clear();
    m_timer.stop();
}

void LogBatcher::add(const LogChunk &chunk)
{
    if (chunk.job != m_job || m_job < 0)
        return;
    // A retry starts its output again; the view follows the newest attempt.
    if (chunk.attempt != m_attempt) {
        if (chunk.attempt < m_attempt)
            return;
        m_attempt = chunk.attempt;
        m_pending.clear();
        m_model.showLive();
    }
    m_pending.append(chunk);
    if (!m_timer.isActive())
        m_timer.start();
}

void LogBatcher::flush()
{
    m_timer.stop();
    if (m_pending.isEmpty())
        return;
    const QList<LogChunk> batch = std::exchange(m_pending, {});
    m_model.appendChunks(batch);
}

} // namespace pw::gui
