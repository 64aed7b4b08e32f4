#pragma once

#include "core/store/records.h"

#include <QList>

namespace pw {

// What a run tells the world as it goes: the store, the console, the desktop monitor and the
// shared notifications all listen through this. Every call carries the whole run as it is
// now, so a sink never has to rebuild state from a sequence of deltas.
class RunEventSink
{
public:
    virtual ~RunEventSink() = default;

    virtual void runChanged(const RunRecord &run) {}
    virtual void stageChanged(const RunRecord &run, int stage) {}
    virtual void jobChanged(const RunRecord &run, int job) {}
    virtual void attemptChanged(const RunRecord &run, const AttemptRecord &attempt) {}
    // Whole lines of output of one attempt; `lineCount` of them, the first numbered
    // `firstLine` within the attempt.
    virtual void jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine,
                           int lineCount, const QByteArray &lines)
    {}
    // True while the sink holds more output than it wants to: the executor then stops
    // reading the jobs' output until it is false again.
    virtual bool isBackedUp() const { return false; }
};

// Passes every event to each of several sinks, in the order they were added.
class RunEventFanout : public RunEventSink
{
public:
    void add(RunEventSink *sink) { m_sinks.append(sink); }

    void runChanged(const RunRecord &run) override;
    void stageChanged(const RunRecord &run, int stage) override;
    void jobChanged(const RunRecord &run, int job) override;
    void attemptChanged(const RunRecord &run, const AttemptRecord &attempt) override;
    void jobOutput(const RunRecord &run, int job, int attempt, qint64 firstLine, int lineCount,
                   const QByteArray &lines) override;
    bool isBackedUp() const override;

private:
    QList<RunEventSink *> m_sinks;
};

} // namespace pw
