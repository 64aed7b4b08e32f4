#include "layeredgraph.h"

namespace pw::layout::detail {

namespace {

// An edge's passes apply while it still spans the same columns; otherwise the edge finds
// its way anew.
void keepPasses(LayeredGraph &graph, const LayoutInput &input)
{
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        if (graph.chainOfEdge[e] < 0)
            continue;
        const ResolvedEdge &edge = graph.edges[e];
        const auto found = input.previous.passes.constFind(
            {input.nodes.at(edge.from).key, input.nodes.at(edge.to).key});
        if (found == input.previous.passes.cend())
            continue;
        const Chain &chain = graph.chains[size_t(graph.chainOfEdge[e])];
        const size_t bends = chain.elements.size() - 2;
        if (size_t(found->size()) != bends)
            continue;
        // Passes run from `from` to `to`; the chain from its lower layer up.
        const bool sameWay = chain.elements.front() == edge.from;
        for (size_t i = 0; i < bends; ++i) {
            const double y = found->at(qsizetype(sameWay ? i : bends - 1 - i));
            graph.elements[size_t(chain.elements[i + 1])].keptY = y;
        }
    }
}

} // namespace

void applyHints(LayeredGraph &graph, const LayoutInput &input)
{
    for (int v = 0; v < graph.nodeCount(); ++v) {
        Element &element = graph.elements[size_t(v)];
        const QString &key = input.nodes.at(v).key;
        if (const auto pin = input.pinned.constFind(key); pin != input.pinned.cend()) {
            element.pinned = true;
            element.keptY = pin->y() + element.height / 2;
        } else if (const auto centre = input.previous.centres.constFind(key);
                   centre != input.previous.centres.cend()) {
            element.keptY = centre->y();
        }
    }
    keepPasses(graph, input);
}

} // namespace pw::layout::detail
