#pragma once

#include "core/exec/runeventsink.h"
#include "widgets/logsearch/logtext.h"

#include <QHash>
#include <QObject>

#include <memory>

namespace pw::gui {

class RunModel;

// Listens to a live run and keeps a RunModel in step with it. It also keeps the output of
// each job's latest attempt so that a job picked in the middle of the run shows its log
// from the first line, and announces each new piece of output. The log model of the job
// shown shares that text instead of holding a copy.
class RunModelFeed : public QObject, public RunEventSink
{
    Q_OBJECT

public:
    explicit RunModelFeed(QObject *parent = nullptr);

    // Shows the run in `model` from now on (null: in none). The model gets the whole run at
    // once, so it can be attached in the middle of the run.
    void attach(RunModel *model);
    // The run as the last event left it.
    const RunRecord &run() const { return m_run; }

    // The output of the job's latest attempt so far, growing as more comes; a job that has
    // printed nothing yet gets an empty text to grow.
    std::shared_ptr<LogText> logOf(int job);
    int attemptOf(int job) const { return m_attempts.value(job); }

    void runChanged(const RunRecord &run) override;
    void stageChanged(const RunRecord &run, int stage) override;
    void jobChanged(const RunRecord &run, int job) override;
    void attemptChanged(const RunRecord &run, const AttemptRecord &attempt) override;
    void jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine, int lineCount,
                   const QByteArray &lines) override;

signals:
    void runUpdated(const pw::RunRecord &run);
    // A new attempt of `job` started; its output starts again from line 0.
    void attemptStarted(int job, int attempt);
    void output(const pw::LogChunk &chunk);

private:
    RunModel *m_model = nullptr;
    RunRecord m_run;
    void startAttempt(int job, int attempt);

    QHash<int, std::shared_ptr<LogText>> m_output;
    QHash<int, int> m_attempts;
};

} // namespace pw::gui
