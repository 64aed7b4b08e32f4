#pragma once

#include "core/util/result.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringList>

namespace pw::layout {

// Bounds on what one layout takes, so that a generated or fuzzed pipeline cannot make it
// run for minutes or eat the memory; beyond them layOut() fails with a message.
inline constexpr int maxLanes = 2000;
inline constexpr int maxNodes = 20000;
inline constexpr int maxEdges = 200000;
// Bends are the points where an edge passes a column it does not stop in.
inline constexpr int maxBends = 1000000;

// A job to place: its key names it in edges, hints and pins (the job's display name).
struct LayoutNode
{
    QString key;
    int lane = 0;
    // As constructed, or zero: LayoutSpacing::nodeSize.
    QSizeF size;
};

// `to` needs `from`: the arrow points from the job needed to the job that waits for it.
struct LayoutEdge
{
    QString from;
    QString to;
};

// Sizes and gaps in the abstract units of the result.
struct LayoutSpacing
{
    QSizeF nodeSize{160, 48};
    double columnGap = 56; // between the columns inside a lane
    double rowGap = 16;    // between nodes one above the other
    double laneGap = 24;   // between lanes
    double lanePadding = 16;
    double laneHeader = 32; // room for the lane's title above its nodes
    double edgeGap = 8;     // the room an edge takes where it passes a column
};

// Where an earlier layout put things, for the next layout of a changed graph to keep.
struct LayoutHint
{
    // Node centres by key.
    QHash<QString, QPointF> centres;
    // The heights at which an edge passed the columns between its ends, by the keys of its
    // ends ("from", "to"), as EdgeRoute drew them.
    QHash<QPair<QString, QString>, QList<double>> passes;

    bool isEmpty() const { return centres.isEmpty() && passes.isEmpty(); }
};

struct LayoutInput
{
    // The lanes (stages) left to right; only their count matters to the layout.
    QStringList lanes;
    // The nodes (jobs) in file order, which breaks ties.
    QList<LayoutNode> nodes;
    QList<LayoutEdge> edges;
    LayoutSpacing spacing;
    // An earlier layout (hintFrom()): nodes and edges keep their place and their order where
    // the new graph allows, so that a small change moves few of them.
    LayoutHint previous;
    // Top-left corners users fixed, by key: those nodes are put exactly there.
    QHash<QString, QPointF> pinned;
};

struct NodePlace
{
    int lane = 0;
    int column = 0; // sub-layer inside the lane: after every node of the lane it needs
    int row = 0;    // position among the nodes of its column, from the top
    QRectF box;
    bool pinned = false;
};

struct LanePlace
{
    int columns = 1;
    QRectF box;    // the whole lane, its header included
    QRectF header; // the strip at the top for the lane's title
};

enum class EdgeKind {
    Forward,  // left to right
    Backward, // against the lanes' order, or breaking a cycle inside a lane
    Loop,     // a node that needs itself
};

struct EdgeRoute
{
    // From the `from` node's border to the `to` node's border; the arrow is at the end.
    QList<QPointF> points;
    EdgeKind kind = EdgeKind::Forward;
};

struct Layout
{
    QList<NodePlace> nodes; // as LayoutInput::nodes
    QList<LanePlace> lanes; // as LayoutInput::lanes
    QList<EdgeRoute> edges; // as LayoutInput::edges
    QRectF bounds;          // every lane, node and edge
    int crossings = 0;      // of edges between neighbouring columns
    // What the layout had to decide about odd input (a cycle broken, a backward edge).
    QStringList notes;
};

// Lays the graph out in layers: lanes left to right, and inside a lane a node after every
// node of that lane it needs (by longest path). Orders the nodes of each column for few
// crossings, keeping the order of `previous` where that costs none. Fails on an edge naming
// an unknown node, a duplicate key, a lane out of range, a bad size or input over the limits;
// cycles and backward edges are drawn, not refused, and said in Layout::notes.
Result<Layout> layOut(const LayoutInput &input);

// What `layout` of `input` looks like, to pass as LayoutInput::previous next time.
LayoutHint hintFrom(const LayoutInput &input, const Layout &layout);

} // namespace pw::layout
