#include "layout.h"

#include "layeredgraph.h"
#include "layoutlog.h"

#include <QElapsedTimer>

#include <algorithm>
#include <climits>

namespace pw::layout {

namespace {

QRectF boundsOf(const Layout &layout)
{
    QRectF bounds;
    for (const LanePlace &lane : layout.lanes)
        bounds |= lane.box;
    for (const NodePlace &node : layout.nodes)
        bounds |= node.box;
    for (const EdgeRoute &edge : layout.edges) {
        for (const QPointF &point : edge.points)
            bounds |= QRectF(point, QSizeF(0.001, 0.001));
    }
    return bounds;
}

} // namespace

Result<Layout> layOut(const LayoutInput &input)
{
    QElapsedTimer timer;
    timer.start();
    const Result<std::vector<detail::ResolvedEdge>> edges = detail::resolveInput(input);
    if (!edges)
        return edges.error();
    Result<detail::LayeredGraph> graph = detail::buildLayers(input, *edges);
    if (!graph)
        return graph.error();

    detail::applyHints(graph.value(), input);
    detail::orderLayers(graph.value(), input);
    Layout layout;
    layout.crossings = int(std::min<long long>(detail::crossingsOf(*graph), INT_MAX));
    detail::placeElements(graph.value(), input, layout);
    detail::routeEdges(*graph, input, layout);
    layout.bounds = boundsOf(layout);
    layout.notes = graph->notes;

    qCDebug(lcLayout) << "laid out" << input.nodes.size() << "nodes," << input.edges.size()
                      << "edges," << graph->elements.size() - size_t(input.nodes.size()) << "bends,"
                      << layout.crossings << "crossings in" << timer.elapsed() << "ms";
    return layout;
}

LayoutHint hintFrom(const LayoutInput &input, const Layout &layout)
{
    LayoutHint hint;
    const qsizetype nodes = std::min(input.nodes.size(), layout.nodes.size());
    hint.centres.reserve(nodes);
    for (qsizetype i = 0; i < nodes; ++i)
        hint.centres.insert(input.nodes.at(i).key, layout.nodes.at(i).box.center());

    // A route is its two ends and a level pair of points per column passed.
    const qsizetype edges = std::min(input.edges.size(), layout.edges.size());
    for (qsizetype e = 0; e < edges; ++e) {
        const QList<QPointF> &points = layout.edges.at(e).points;
        if (layout.edges.at(e).kind == EdgeKind::Loop || points.size() < 4)
            continue;
        QList<double> passes;
        for (qsizetype p = 1; p + 2 < points.size(); p += 2)
            passes.append(points.at(p).y());
        hint.passes.insert({input.edges.at(e).from, input.edges.at(e).to}, passes);
    }
    return hint;
}

} // namespace pw::layout
