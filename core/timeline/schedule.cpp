#include "schedule.h"

#include <queue>

#include <algorithm>
#include <functional>
#include <vector>

namespace pw::timeline {

namespace {

// A job whose needs are placed, by when it can start.
struct ReadyJob
{
    qint64 at = 0;
    qint64 priority = 0;
    int job = -1;
};

// Earliest first; at the same time, longest remaining path first, then the run's order.
struct LaterReady
{
    bool operator()(const ReadyJob &a, const ReadyJob &b) const
    {
        if (a.at != b.at)
            return a.at > b.at;
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.job > b.job;
    }
};

// Among jobs that could start, longest remaining path first, then the run's order.
struct LowerPriority
{
    bool operator()(const ReadyJob &a, const ReadyJob &b) const
    {
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.job > b.job;
    }
};

class Scheduler
{
public:
    Scheduler(const JobGraph &graph, int workers, Timeline &timeline)
        : m_graph(graph)
        , m_timeline(timeline)
        , m_workers(workers)
        , m_end(graph.nodeCount(), 0)
        , m_waiting(graph.nodeCount(), 0)
        , m_remaining(graph.nodeCount(), 0)
    {}

    void run()
    {
        placeRunningEnds();
        computeRemainingPaths();
        if (m_workers > 0)
            fillWorkers();

        for (int node = 0; node < m_graph.nodeCount(); ++node) {
            m_waiting[node] = int(m_graph.waitsFor.at(node).size());
            if (m_waiting[node] == 0)
                m_resolvable.push_back(node);
        }
        for (;;) {
            while (!m_resolvable.empty()) {
                const int node = m_resolvable.back();
                m_resolvable.pop_back();
                resolve(node);
            }
            if (m_ready.empty() && m_startable.empty())
                break;
            startNext();
        }
    }

private:
    JobBar &barOf(int node) { return m_timeline.bars[node]; }

    bool isEstimated(int node) const
    {
        return m_graph.isJob(node) && m_timeline.bars.at(node).kind == BarKind::Estimated;
    }

    void placeRunningEnds()
    {
        for (JobBar &bar : m_timeline.bars) {
            if (bar.kind != BarKind::Running)
                continue;
            const qint64 expected = bar.startMs + bar.expectedDurationMs.value_or(0);
            bar.expectedEndMs = std::max(m_timeline.nowMs, expected);
        }
    }

    qint64 ownRemaining(int node) const
    {
        if (!m_graph.isJob(node))
            return 0;
        const JobBar &bar = m_timeline.bars.at(node);
        if (bar.kind == BarKind::Estimated)
            return bar.expectedDurationMs.value_or(0);
        if (bar.kind == BarKind::Running)
            return bar.expectedEndMs - m_timeline.nowMs;
        return 0;
    }

    void computeRemainingPaths()
    {
        for (auto it = m_graph.order.rbegin(); it != m_graph.order.rend(); ++it) {
            qint64 after = 0;
            for (int follower : m_graph.followers.at(*it))
                after = std::max(after, m_remaining.at(follower));
            m_remaining[*it] = ownRemaining(*it) + after;
        }
    }

    // A worker is free when its running job is expected to end. With more jobs running than
    // workers (another limit, or a changed setting), a new job waits for enough of them.
    void fillWorkers()
    {
        std::vector<qint64> ends;
        for (const JobBar &bar : m_timeline.bars) {
            if (bar.kind == BarKind::Running)
                ends.push_back(bar.expectedEndMs);
        }
        std::sort(ends.begin(), ends.end());
        const size_t busy = std::min(ends.size(), size_t(m_workers));
        for (size_t i = ends.size() - busy; i < ends.size(); ++i)
            m_freeAt.push(ends.at(i));
        for (size_t i = busy; i < size_t(m_workers); ++i)
            m_freeAt.push(m_timeline.nowMs);
    }

    qint64 latestEndOfWhatItWaitsFor(int node) const
    {
        qint64 latest = 0;
        for (int before : m_graph.waitsFor.at(node))
            latest = std::max(latest, m_end.at(before));
        return latest;
    }

    // All that `node` waits for is placed: place it, or queue it for a worker.
    void resolve(int node)
    {
        const qint64 ready = latestEndOfWhatItWaitsFor(node);
        if (isEstimated(node)) {
            m_ready.push({std::max(ready, m_timeline.nowMs), m_remaining.at(node), node});
            return;
        }
        if (!m_graph.isJob(node)) {
            finish(node, ready);
            return;
        }

        JobBar &bar = barOf(node);
        if (bar.kind == BarKind::NotRun) {
            bar.startMs = bar.endMs = bar.expectedEndMs = ready;
            bar.expectedDurationMs.reset();
        }
        finish(node, bar.expectedEndMs);
    }

    void finish(int node, qint64 end)
    {
        m_end[node] = end;
        for (int follower : m_graph.followers.at(node)) {
            if (--m_waiting[follower] == 0)
                m_resolvable.push_back(follower);
        }
    }

    void startNext()
    {
        if (m_workers <= 0) {
            const ReadyJob next = m_ready.top();
            m_ready.pop();
            start(next.job, next.at);
            return;
        }

        qint64 at = m_freeAt.top();
        makeStartable(at);
        if (m_startable.empty()) {
            at = m_ready.top().at;
            makeStartable(at);
        }
        const ReadyJob next = m_startable.top();
        m_startable.pop();
        m_freeAt.pop();
        const qint64 end = start(next.job, at);
        m_freeAt.push(end);
    }

    void makeStartable(qint64 at)
    {
        while (!m_ready.empty() && m_ready.top().at <= at) {
            m_startable.push(m_ready.top());
            m_ready.pop();
        }
    }

    qint64 start(int job, qint64 at)
    {
        JobBar &bar = barOf(job);
        bar.startMs = at;
        bar.endMs = bar.expectedEndMs = at + bar.expectedDurationMs.value_or(0);
        finish(job, bar.endMs);
        return bar.endMs;
    }

    const JobGraph &m_graph;
    Timeline &m_timeline;
    const int m_workers;
    QList<qint64> m_end;
    QList<int> m_waiting;
    QList<qint64> m_remaining;
    std::vector<int> m_resolvable;
    std::priority_queue<ReadyJob, std::vector<ReadyJob>, LaterReady> m_ready;
    std::priority_queue<ReadyJob, std::vector<ReadyJob>, LowerPriority> m_startable;
    std::priority_queue<qint64, std::vector<qint64>, std::greater<>> m_freeAt;
};

} // namespace

void scheduleRemaining(const JobGraph &graph, int workers, Timeline &timeline)
{
    Scheduler(graph, workers, timeline).run();
}

} // namespace pw::timeline
