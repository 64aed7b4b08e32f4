#include "layeredgraph.h"

#include <algorithm>

namespace pw::layout::detail {

namespace {

// A loop leaves the node's right side and comes back into its top, this far out.
constexpr double loopReach = 12;

QList<QPointF> loopAround(const QRectF &box)
{
    const double y = box.center().y() - box.height() / 4;
    return {QPointF(box.right(), y), QPointF(box.right() + loopReach, y),
            QPointF(box.right() + loopReach, box.top() - loopReach),
            QPointF(box.center().x(), box.top() - loopReach), QPointF(box.center().x(), box.top())};
}

// The chain from its lower layer to its higher one: out of the right side of the first
// node, through each column it passes at its bend's height, into the left of the last.
QList<QPointF> alongChain(const LayeredGraph &graph, const Chain &chain, const Layout &layout)
{
    QList<QPointF> points;
    points.reserve(qsizetype(chain.elements.size()) * 2);
    const QRectF &first = layout.nodes.at(graph.elements[size_t(chain.elements.front())].node).box;
    const QRectF &last = layout.nodes.at(graph.elements[size_t(chain.elements.back())].node).box;
    points.append(QPointF(first.right(), first.center().y()));
    for (size_t i = 1; i + 1 < chain.elements.size(); ++i) {
        const Element &bend = graph.elements[size_t(chain.elements[i])];
        const double left = graph.layerLeft[size_t(bend.layer)];
        points.append(QPointF(left, bend.y));
        points.append(QPointF(left + graph.layerWidth[size_t(bend.layer)], bend.y));
    }
    points.append(QPointF(last.left(), last.center().y()));
    return points;
}

} // namespace

void routeEdges(const LayeredGraph &graph, const LayoutInput &input, Layout &layout)
{
    layout.edges.resize(input.edges.size());
    for (size_t e = 0; e < graph.edges.size(); ++e) {
        EdgeRoute &route = layout.edges[qsizetype(e)];
        route.kind = graph.kindOfEdge[e];
        const ResolvedEdge &edge = graph.edges[e];
        if (route.kind == EdgeKind::Loop) {
            route.points = loopAround(layout.nodes.at(edge.from).box);
            continue;
        }
        const Chain &chain = graph.chains[size_t(graph.chainOfEdge[e])];
        route.points = alongChain(graph, chain, layout);
        // Backward edges leave their node on its left and arrive on the right.
        if (chain.elements.front() != edge.from)
            std::reverse(route.points.begin(), route.points.end());
    }
}

} // namespace pw::layout::detail
