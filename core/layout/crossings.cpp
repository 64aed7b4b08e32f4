#include "layeredgraph.h"

#include <algorithm>

namespace pw::layout::detail {

long long crossingsBetween(const LayeredGraph &graph, int layer)
{
    if (layer < 0 || size_t(layer) + 1 >= graph.layers.size())
        return 0;

    // Edges sorted by their upper end, then lower end: every pair whose lower ends come in
    // the other order crosses, which a Fenwick tree over the lower layer counts.
    const size_t width = graph.layers[size_t(layer) + 1].size();
    std::vector<int> tree(width + 1, 0);
    std::vector<int> ends;
    long long seen = 0;
    long long crossings = 0;
    for (int upper : graph.layers[size_t(layer)]) {
        ends.clear();
        for (int lower : graph.down[size_t(upper)])
            ends.push_back(graph.position[size_t(lower)]);
        std::sort(ends.begin(), ends.end());
        for (int end : ends) {
            long long atOrBefore = 0;
            for (size_t i = size_t(end) + 1; i > 0; i -= i & (~i + 1))
                atOrBefore += tree[i];
            crossings += seen - atOrBefore;
            for (size_t i = size_t(end) + 1; i <= width; i += i & (~i + 1))
                ++tree[i];
            ++seen;
        }
    }
    return crossings;
}

long long crossingsOf(const LayeredGraph &graph)
{
    long long crossings = 0;
    for (size_t layer = 0; layer + 1 < graph.layers.size(); ++layer)
        crossings += crossingsBetween(graph, int(layer));
    return crossings;
}

} // namespace pw::layout::detail
