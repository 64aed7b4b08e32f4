#pragma once

#include "core/layout/layout.h"

#include <cmath>
#include <limits>
#include <vector>

// The working state of one layout, shared by its steps (not part of the module's API).
namespace pw::layout::detail {

// An edge of the input with its ends resolved to node indices.
struct ResolvedEdge
{
    int from = -1;
    int to = -1;
};

// A node, or a bend: the point where an edge crosses a column it does not stop in.
struct Element
{
    int node = -1; // index in LayoutInput::nodes; -1 for a bend
    int layer = 0;
    double width = 0;
    double height = 0;
    double y = 0; // centre
    // Where the caller wants it (a pin, or an earlier layout); NaN where it has no say.
    double keptY = std::numeric_limits<double>::quiet_NaN();
    bool pinned = false;

    bool isKept() const { return !std::isnan(keptY); }
};

// The path of edges between two nodes through the layers, from the node in the lower layer
// to the other; edges both ways between the same two nodes share it.
struct Chain
{
    std::vector<int> elements;
};

// Columns of all lanes in a row are the layers; every edge joins neighbouring layers,
// through bends where it spans more.
struct LayeredGraph
{
    std::vector<Element> elements;        // the nodes first, in input order, then the bends
    std::vector<std::vector<int>> layers; // element ids, top to bottom
    std::vector<int> position;            // of each element in its layer
    std::vector<std::vector<int>> up;     // neighbours in the layer before
    std::vector<std::vector<int>> down;   // neighbours in the layer after
    std::vector<Chain> chains;
    std::vector<ResolvedEdge> edges; // as the input's
    std::vector<int> chainOfEdge;    // per input edge; -1 for a loop
    std::vector<EdgeKind> kindOfEdge;
    std::vector<int> column;         // per node, inside its lane
    std::vector<int> laneFirstLayer; // per lane, and one more for the end
    std::vector<double> layerLeft;   // x of each layer's column, once placed
    std::vector<double> layerWidth;
    QStringList notes;

    int nodeCount() const { return int(column.size()); }
    bool isNode(int element) const { return elements[size_t(element)].node >= 0; }
};

// Checks the input and resolves edge keys; fails with what is wrong and where.
Result<std::vector<ResolvedEdge>> resolveInput(const LayoutInput &input);

// Puts each node in a column of its lane and builds the layers, breaking cycles.
Result<LayeredGraph> buildLayers(const LayoutInput &input, const std::vector<ResolvedEdge> &edges);

// Takes the pins and the earlier layout into the elements' kept places.
void applyHints(LayeredGraph &graph, const LayoutInput &input);

// Orders every layer for few crossings, starting from the hints and pins.
void orderLayers(LayeredGraph &graph, const LayoutInput &input);

// The crossings between layers `layer` and `layer + 1`, and in the whole graph.
long long crossingsBetween(const LayeredGraph &graph, int layer);
long long crossingsOf(const LayeredGraph &graph);

// Gives every element its y and the layout its boxes, lanes and bounds.
void placeElements(LayeredGraph &graph, const LayoutInput &input, Layout &layout);

// Draws each edge as a polyline between the placed boxes.
void routeEdges(const LayeredGraph &graph, const LayoutInput &input, Layout &layout);

// Whether a node of this size takes the input's default size.
bool usesDefaultSize(const QSizeF &size);
// The size of node `node`, its own or the default.
QSizeF sizeOf(const LayoutInput &input, int node);

} // namespace pw::layout::detail
