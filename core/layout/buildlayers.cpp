#include "layeredgraph.h"

#include <QHash>

#include <algorithm>

namespace pw::layout::detail {

namespace {

// Notes beyond this are summed up in one line, so a graph full of cycles says so briefly.
constexpr int maxNotes = 20;

void addNote(QStringList &notes, int &dropped, const QString &note)
{
    if (notes.size() < maxNotes)
        notes.append(note);
    else
        ++dropped;
}

QString laneName(const LayoutInput &input, int lane)
{
    const QString &name = input.lanes.at(lane);
    return name.isEmpty() ? QString::number(lane) : name;
}

// The edges inside one lane that close a cycle, found by a depth-first walk in file order
// (iterative, so a long chain cannot overflow the stack). Reversing them leaves a DAG.
std::vector<bool> findBackEdges(const LayoutInput &input, const std::vector<ResolvedEdge> &edges)
{
    const size_t n = size_t(input.nodes.size());
    std::vector<std::vector<int>> out(n);
    for (size_t e = 0; e < edges.size(); ++e) {
        const ResolvedEdge &edge = edges[e];
        if (edge.from != edge.to && input.nodes.at(edge.from).lane == input.nodes.at(edge.to).lane)
            out[size_t(edge.from)].push_back(int(e));
    }

    enum Mark : char { Unseen, OnPath, Done };
    std::vector<Mark> mark(n, Unseen);
    std::vector<bool> back(edges.size(), false);
    std::vector<std::pair<int, size_t>> path; // node, next out-edge to look at
    for (size_t start = 0; start < n; ++start) {
        if (mark[start] != Unseen)
            continue;
        path.push_back({int(start), 0});
        mark[start] = OnPath;
        while (!path.empty()) {
            auto &[node, next] = path.back();
            if (next == out[size_t(node)].size()) {
                mark[size_t(node)] = Done;
                path.pop_back();
                continue;
            }
            const int edge = out[size_t(node)][next++];
            const int to = edges[size_t(edge)].to;
            if (mark[size_t(to)] == OnPath) {
                back[size_t(edge)] = true;
            } else if (mark[size_t(to)] == Unseen) {
                mark[size_t(to)] = OnPath;
                path.push_back({to, 0});
            }
        }
    }
    return back;
}

// Each node's column inside its lane: one after the latest node of the lane it needs.
std::vector<int> longestPathColumns(const LayoutInput &input,
                                    const std::vector<ResolvedEdge> &edges,
                                    const std::vector<bool> &reversed)
{
    const size_t n = size_t(input.nodes.size());
    std::vector<std::vector<int>> out(n);
    std::vector<int> waiting(n, 0);
    for (size_t e = 0; e < edges.size(); ++e) {
        const ResolvedEdge &edge = edges[e];
        if (edge.from == edge.to || input.nodes.at(edge.from).lane != input.nodes.at(edge.to).lane)
            continue;
        const int a = reversed[e] ? edge.to : edge.from;
        const int b = reversed[e] ? edge.from : edge.to;
        out[size_t(a)].push_back(b);
        ++waiting[size_t(b)];
    }

    std::vector<int> column(n, 0);
    std::vector<int> ready;
    ready.reserve(n);
    for (size_t v = 0; v < n; ++v) {
        if (waiting[v] == 0)
            ready.push_back(int(v));
    }
    for (size_t next = 0; next < ready.size(); ++next) {
        const int a = ready[next];
        for (int b : out[size_t(a)]) {
            column[size_t(b)] = std::max(column[size_t(b)], column[size_t(a)] + 1);
            if (--waiting[size_t(b)] == 0)
                ready.push_back(b);
        }
    }
    return column;
}

// Says which edges are drawn against the flow, and why.
void classifyEdges(const LayoutInput &input, const std::vector<ResolvedEdge> &edges,
                   const std::vector<bool> &back, LayeredGraph &graph)
{
    int dropped = 0;
    graph.kindOfEdge.assign(edges.size(), EdgeKind::Forward);
    for (size_t e = 0; e < edges.size(); ++e) {
        const LayoutNode &from = input.nodes.at(edges[e].from);
        const LayoutNode &to = input.nodes.at(edges[e].to);
        if (edges[e].from == edges[e].to) {
            graph.kindOfEdge[e] = EdgeKind::Loop;
            addNote(graph.notes, dropped, QStringLiteral("'%1' needs itself").arg(to.key));
        } else if (back[e]) {
            graph.kindOfEdge[e] = EdgeKind::Backward;
            addNote(graph.notes, dropped,
                    QStringLiteral("'%1' -> '%2' closes a cycle in lane %3; drawn backward")
                        .arg(from.key, to.key, laneName(input, from.lane)));
        } else if (from.lane > to.lane) {
            graph.kindOfEdge[e] = EdgeKind::Backward;
            addNote(
                graph.notes, dropped,
                QStringLiteral("'%1' in lane %2 needs '%3' of the later lane %4; drawn "
                               "backward")
                    .arg(to.key, laneName(input, to.lane), from.key, laneName(input, from.lane)));
        }
    }
    if (dropped > 0)
        graph.notes.append(QStringLiteral("and %1 more like these").arg(dropped));
}

void placeNodesInLayers(const LayoutInput &input, LayeredGraph &graph)
{
    const int lanes = int(input.lanes.size());
    std::vector<int> columns(size_t(lanes), 1);
    for (int v = 0; v < graph.nodeCount(); ++v) {
        const int lane = input.nodes.at(v).lane;
        columns[size_t(lane)] = std::max(columns[size_t(lane)], graph.column[size_t(v)] + 1);
    }
    graph.laneFirstLayer.assign(size_t(lanes) + 1, 0);
    for (int lane = 0; lane < lanes; ++lane)
        graph.laneFirstLayer[size_t(lane) + 1] =
            graph.laneFirstLayer[size_t(lane)] + columns[size_t(lane)];

    graph.elements.reserve(size_t(graph.nodeCount()));
    for (int v = 0; v < graph.nodeCount(); ++v) {
        const QSizeF size = sizeOf(input, v);
        const int layer =
            graph.laneFirstLayer[size_t(input.nodes.at(v).lane)] + graph.column[size_t(v)];
        graph.elements.push_back({v, layer, size.width(), size.height(), 0});
    }
}

void link(LayeredGraph &graph, int a, int b)
{
    graph.down[size_t(a)].push_back(b);
    graph.up[size_t(b)].push_back(a);
}

// One chain per distinct pair of ends, with a bend in each layer it passes.
Status buildChains(const std::vector<ResolvedEdge> &edges, LayeredGraph &graph)
{
    QHash<QPair<int, int>, int> chainOfEnds;
    graph.chainOfEdge.assign(edges.size(), -1);
    for (size_t e = 0; e < edges.size(); ++e) {
        if (graph.kindOfEdge[e] == EdgeKind::Loop)
            continue;
        int a = edges[e].from;
        int b = edges[e].to;
        if (graph.elements[size_t(a)].layer > graph.elements[size_t(b)].layer)
            std::swap(a, b);
        const QPair<int, int> ends(a, b);
        if (const auto found = chainOfEnds.constFind(ends); found != chainOfEnds.cend()) {
            graph.chainOfEdge[e] = *found;
            continue;
        }

        const int first = graph.elements[size_t(a)].layer;
        const int last = graph.elements[size_t(b)].layer;
        if (graph.elements.size() + size_t(last - first) > size_t(graph.nodeCount() + maxBends))
            return Status::failure(QStringLiteral("the edges pass more than %1 columns in all; "
                                                  "the graph is too large to lay out")
                                       .arg(maxBends));
        Chain chain;
        chain.elements.push_back(a);
        for (int layer = first + 1; layer < last; ++layer) {
            chain.elements.push_back(int(graph.elements.size()));
            graph.elements.push_back({-1, layer, 0, 0, 0});
        }
        chain.elements.push_back(b);
        graph.chainOfEdge[e] = int(graph.chains.size());
        chainOfEnds.insert(ends, int(graph.chains.size()));
        graph.chains.push_back(std::move(chain));
    }
    return {};
}

void linkChains(LayeredGraph &graph)
{
    graph.up.assign(graph.elements.size(), {});
    graph.down.assign(graph.elements.size(), {});
    for (const Chain &chain : graph.chains) {
        for (size_t i = 0; i + 1 < chain.elements.size(); ++i)
            link(graph, chain.elements[i], chain.elements[i + 1]);
    }
}

} // namespace

Result<LayeredGraph> buildLayers(const LayoutInput &input, const std::vector<ResolvedEdge> &edges)
{
    LayeredGraph graph;
    graph.edges = edges;
    const std::vector<bool> back = findBackEdges(input, edges);
    classifyEdges(input, edges, back, graph);
    graph.column = longestPathColumns(input, edges, back);
    placeNodesInLayers(input, graph);

    // Chains run from the lower layer up, so backward edges are laid out like the others.
    if (const Status built = buildChains(edges, graph); !built)
        return built.error();
    linkChains(graph);

    graph.layers.assign(size_t(graph.laneFirstLayer.back()), {});
    for (size_t id = 0; id < graph.elements.size(); ++id)
        graph.layers[size_t(graph.elements[id].layer)].push_back(int(id));
    graph.position.assign(graph.elements.size(), 0);
    return graph;
}

} // namespace pw::layout::detail
