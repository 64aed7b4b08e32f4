#include "needcycles.h"

#include <algorithm>

namespace pw::loader {

namespace {

using Graph = QList<QList<int>>;

Graph sameStageNeeds(const JobIndex &index)
{
    Graph graph(index.jobs.size());
    for (int i = 0; i < index.jobs.size(); ++i) {
        const JobIndex::Entry &entry = index.jobs[i];
        for (const JobNeed &need : entry.job->needs) {
            const auto target = index.byName.constFind(need.job);
            if (target != index.byName.cend() && *target != i
                && index.jobs[*target].stage == entry.stage)
                graph[i].append(*target);
        }
    }
    return graph;
}

class CycleFinder
{
public:
    CycleFinder(const JobIndex &index, DiagnosticSink &sink)
        : m_index(index)
        , m_sink(sink)
        , m_graph(sameStageNeeds(index))
        , m_state(index.jobs.size(), State::Unvisited)
        , m_reported(index.jobs.size(), false)
    {}

    void run()
    {
        for (int start = 0; start < m_graph.size(); ++start) {
            if (m_state[start] == State::Unvisited)
                search(start);
        }
    }

private:
    enum class State { Unvisited, OnPath, Done };

    // A depth-first search kept on an explicit stack: needs may chain thousands of jobs.
    void search(int start)
    {
        QList<std::pair<int, int>> stack; // job, index of its next need to follow
        enter(start, stack);
        while (!stack.isEmpty()) {
            auto &[job, next] = stack.last();
            if (next == m_graph[job].size()) {
                m_state[job] = State::Done;
                stack.removeLast();
                continue;
            }
            const int target = m_graph[job][next++];
            if (m_state[target] == State::Unvisited)
                enter(target, stack);
            else if (m_state[target] == State::OnPath)
                report(stack, target);
        }
    }

    void enter(int job, QList<std::pair<int, int>> &stack)
    {
        m_state[job] = State::OnPath;
        stack.append({job, 0});
    }

    void report(const QList<std::pair<int, int>> &stack, int target)
    {
        QList<int> cycle;
        for (qsizetype i = stack.size() - 1; i >= 0; --i) {
            cycle.prepend(stack[i].first);
            if (stack[i].first == target)
                break;
        }
        // Cycles that share a job are one problem to the user; report the first found.
        if (std::any_of(cycle.begin(), cycle.end(), [&](int job) { return m_reported[job]; }))
            return;
        for (int job : cycle)
            m_reported[job] = true;

        std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
        m_sink.error(m_index.jobs[cycle.first()].job->location,
                     QStringLiteral("needs form a cycle: ") + describeCycle(cycle));
    }

    // "a -> b -> a"; a long cycle shows its first and last jobs around how many it skips.
    QString describeCycle(const QList<int> &cycle) const
    {
        constexpr qsizetype shown = 5;
        QStringList names;
        for (qsizetype i = 0; i < cycle.size(); ++i) {
            if (cycle.size() > 3 * shown && i == shown) {
                names.append(QStringLiteral("(%1 more)").arg(cycle.size() - 2 * shown));
                i = cycle.size() - shown;
            }
            names.append(m_index.jobs[cycle[i]].job->name);
        }
        names.append(m_index.jobs[cycle.first()].job->name);
        return names.join(QStringLiteral(" -> "));
    }

    const JobIndex &m_index;
    DiagnosticSink &m_sink;
    const Graph m_graph;
    QList<State> m_state;
    QList<bool> m_reported;
};

} // namespace

void reportNeedCycles(const JobIndex &index, DiagnosticSink &sink)
{
    CycleFinder(index, sink).run();
}

} // namespace pw::loader
