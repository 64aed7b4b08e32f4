#pragma once

#include "core/store/records.h"

#include <QObject>
#include <QTimer>

namespace pw::gui {

class LogLinesModel;

// Hands live output to a log model in batches: a job printing thousands of lines a second
// costs one model insertion per flush, not one per line.
class LogBatcher : public QObject
{
    Q_OBJECT

public:
    explicit LogBatcher(LogLinesModel &model, QObject *parent = nullptr);

    void setFlushInterval(int ms) { m_timer.setInterval(ms); }
    // Passes on the output of `job`'s attempt `attempt` only; drops what is pending.
    void watch(int job, int attempt);
    void stop() { watch(-1, 0); }
    int watchedJob() const { return m_job; }

    void add(const LogChunk &chunk);
    void flush();

private:
    LogLinesModel &m_model;
    QTimer m_timer;
    QList<LogChunk> m_pending;
    int m_job = -1;
    int m_attempt = 0;
};

} // namespace pw::gui
