#include "jobgraph.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace pw::timeline {

namespace {

constexpr int kMaxNamesInMessage = 5;

QString quoted(const QString &name)
{
    return QLatin1Char('\'') + name + QLatin1Char('\'');
}

QHash<QString, int> jobsByName(const RunRecord &run, QStringList &problems)
{
    QHash<QString, int> positions;
    for (int job = 0; job < run.jobs.size(); ++job) {
        const QString &name = run.jobs.at(job).name;
        const auto known = positions.constFind(name);
        if (known == positions.constEnd()) {
            positions.insert(name, job);
            continue;
        }
        problems.append(
            QStringLiteral("jobs %1 and %2 are both named %3; needs on it wait "
                           "for the first")
                .arg(QString::number(*known + 1), QString::number(job + 1), quoted(name)));
    }
    return positions;
}

// The place of each job's stage among the distinct stages of the run, first to last, so that
// stage numbers with gaps or out of range still order the jobs.
QList<int> stageOrdinals(const RunRecord &run, int &stageCount)
{
    QList<int> stages;
    stages.reserve(run.jobs.size());
    for (const JobRecord &job : run.jobs)
        stages.append(job.stage);
    std::sort(stages.begin(), stages.end());
    stages.erase(std::unique(stages.begin(), stages.end()), stages.end());
    stageCount = int(stages.size());

    QList<int> ordinals;
    ordinals.reserve(run.jobs.size());
    for (const JobRecord &job : run.jobs)
        ordinals.append(
            int(std::lower_bound(stages.begin(), stages.end(), job.stage) - stages.begin()));
    return ordinals;
}

void addEdge(JobGraph &graph, int from, int to)
{
    graph.waitsFor[to].append(from);
    graph.followers[from].append(to);
}

void addStageBarriers(JobGraph &graph, const QList<int> &ordinals, int stageCount)
{
    const int first = graph.jobCount;
    for (int stage = 1; stage < stageCount; ++stage)
        addEdge(graph, first + stage - 1, first + stage);
    for (int job = 0; job < graph.jobCount; ++job) {
        if (ordinals.at(job) + 1 < stageCount)
            addEdge(graph, job, first + ordinals.at(job) + 1);
    }
}

void addNeeds(JobGraph &graph, const RunRecord &run, const QList<int> &ordinals,
              QStringList &problems)
{
    const QHash<QString, int> positions = jobsByName(run, problems);
    for (int job = 0; job < graph.jobCount; ++job) {
        const JobRecord &record = run.jobs.at(job);
        if (record.needs.isEmpty()) {
            addEdge(graph, graph.jobCount + ordinals.at(job), job);
            continue;
        }

        QSet<int> needed;
        for (const QString &name : record.needs) {
            const auto found = positions.constFind(name);
            if (found == positions.constEnd()) {
                problems.append(QStringLiteral("job %1 needs %2, which is not a job of this run")
                                    .arg(quoted(record.name), quoted(name)));
            } else if (*found == job) {
                problems.append(QStringLiteral("job %1 needs itself").arg(quoted(record.name)));
            } else if (!needed.contains(*found)) {
                needed.insert(*found);
                addEdge(graph, *found, job);
            }
        }
    }
}

// Orders the nodes, each after all it waits for (Kahn). When only nodes on or behind a cycle
// are left, one node on a cycle is placed as if what it still waits for were done; those
// edges are the ones removeBackEdges drops.
class NodeOrder
{
public:
    explicit NodeOrder(const JobGraph &graph)
        : m_graph(graph)
        , m_waiting(graph.nodeCount(), 0)
        , m_placed(graph.nodeCount(), false)
        , m_walk(graph.nodeCount(), 0)
    {}

    QList<int> run()
    {
        for (int node = 0; node < m_graph.nodeCount(); ++node) {
            m_waiting[node] = int(m_graph.waitsFor.at(node).size());
            if (m_waiting[node] == 0)
                m_ready.append(node);
        }
        while (m_order.size() < m_graph.nodeCount()) {
            if (m_head == m_ready.size())
                m_ready.append(nodeOnCycle());
            place(m_ready.at(m_head++));
        }
        return m_order;
    }

private:
    void place(int node)
    {
        if (m_placed.at(node))
            return;
        m_placed[node] = true;
        m_order.append(node);
        for (int follower : m_graph.followers.at(node)) {
            if (--m_waiting[follower] == 0 && !m_placed.at(follower))
                m_ready.append(follower);
        }
    }

    // Every node left waits for another node left, so walking back from any of them must
    // meet a node twice: that one lies on a cycle.
    int nodeOnCycle()
    {
        while (m_placed.at(m_firstLeft))
            ++m_firstLeft;
        ++m_walkNumber;
        int node = m_firstLeft;
        while (m_walk.at(node) != m_walkNumber) {
            m_walk[node] = m_walkNumber;
            const QList<int> &waitsFor = m_graph.waitsFor.at(node);
            node = *std::find_if(waitsFor.begin(), waitsFor.end(),
                                 [this](int before) { return !m_placed.at(before); });
        }
        return node;
    }

    const JobGraph &m_graph;
    QList<int> m_waiting;
    QList<bool> m_placed;
    QList<int> m_walk;
    QList<int> m_ready;
    QList<int> m_order;
    qsizetype m_head = 0;
    int m_firstLeft = 0;
    int m_walkNumber = 0;
};

// Drops the edges that point backwards in `graph.order`: those closing a cycle.
void removeBackEdges(JobGraph &graph, const RunRecord &run, QStringList &problems)
{
    QList<int> position(graph.nodeCount(), 0);
    for (int place = 0; place < graph.order.size(); ++place)
        position[graph.order.at(place)] = place;

    QStringList names;
    const auto noteJob = [&](int node) {
        if (!graph.isJob(node) || names.size() >= kMaxNamesInMessage)
            return;
        const QString name = quoted(run.jobs.at(node).name);
        if (!names.contains(name))
            names.append(name);
    };
    for (int node = 0; node < graph.nodeCount(); ++node) {
        QList<int> &waitsFor = graph.waitsFor[node];
        const auto back = [&](int before) { return position.at(before) > position.at(node); };
        for (int before : waitsFor) {
            if (back(before)) {
                noteJob(before);
                noteJob(node);
                graph.followers[before].removeOne(node);
            }
        }
        waitsFor.removeIf(back);
    }
    if (!names.isEmpty()) {
        problems.append(QStringLiteral("the needs of %1 form a cycle; the needs closing it are "
                                       "left out")
                            .arg(names.join(QStringLiteral(", "))));
    }
}

} // namespace

JobGraph buildJobGraph(const RunRecord &run, QStringList &problems)
{
    int stageCount = 0;
    const QList<int> ordinals = stageOrdinals(run, stageCount);

    JobGraph graph;
    graph.jobCount = int(run.jobs.size());
    graph.waitsFor.resize(graph.jobCount + stageCount);
    graph.followers.resize(graph.jobCount + stageCount);
    addStageBarriers(graph, ordinals, stageCount);
    addNeeds(graph, run, ordinals, problems);

    graph.order = NodeOrder(graph).run();
    removeBackEdges(graph, run, problems);
    return graph;
}

} // namespace pw::timeline
