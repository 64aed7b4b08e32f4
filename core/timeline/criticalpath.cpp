#include "criticalpath.h"

#include <algorithm>

namespace pw::timeline {

void markCriticalPath(const JobGraph &graph, Timeline &timeline)
{
    // The longest chain ending at each node, and the node before it on that chain.
    QList<qint64> longest(graph.nodeCount(), 0);
    QList<int> before(graph.nodeCount(), -1);
    for (int node : graph.order) {
        for (int earlier : graph.waitsFor.at(node)) {
            if (before.at(node) < 0 || longest.at(earlier) > longest.at(before.at(node)))
                before[node] = earlier;
        }
        const qint64 own =
            graph.isJob(node) ? std::max<qint64>(0, timeline.bars.at(node).lengthMs()) : 0;
        longest[node] = own + (before.at(node) < 0 ? 0 : longest.at(before.at(node)));
    }

    int last = -1;
    for (int job = 0; job < graph.jobCount; ++job) {
        if (timeline.bars.at(job).kind != BarKind::NotRun
            && (last < 0 || longest.at(job) > longest.at(last)))
            last = job;
    }
    if (last < 0)
        return;

    // Walking back along the chain; the graph has no cycles, so this ends.
    timeline.criticalMs = longest.at(last);
    for (int node = last; node >= 0; node = before.at(node)) {
        if (!graph.isJob(node) || timeline.bars.at(node).kind == BarKind::NotRun)
            continue;
        timeline.bars[node].critical = true;
        timeline.criticalPath.append(node);
    }
    std::reverse(timeline.criticalPath.begin(), timeline.criticalPath.end());
}

} // namespace pw::timeline
