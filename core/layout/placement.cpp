#include "layeredgraph.h"

#include <algorithm>
#include <limits>

namespace pw::layout::detail {

namespace {

// How hard each kind of element holds on to the place it prefers when a column is packed:
// pins win, places from an earlier layout come next, bends keep long edges straight.
constexpr double pinWeight = 1e4;
constexpr double keptWeight = 100;
constexpr double bendWeight = 2;
constexpr double nodeWeight = 1;
constexpr int placementPasses = 3;

struct Wish
{
    double y = 0;
    double weight = 1;
};

const QPointF *pinOf(const LayeredGraph &graph, const LayoutInput &input, int id)
{
    const int node = graph.elements[size_t(id)].node;
    if (node < 0)
        return nullptr;
    const auto found = input.pinned.constFind(input.nodes.at(node).key);
    return found == input.pinned.cend() ? nullptr : &*found;
}

double separation(const Element &a, const Element &b, const LayoutSpacing &spacing)
{
    const bool nodes = a.node >= 0 && b.node >= 0;
    return (a.height + b.height) / 2 + (nodes ? spacing.rowGap : spacing.edgeGap);
}

// The x of every column, lane by lane, and the lanes' widths.
void placeColumns(LayeredGraph &graph, const LayoutInput &input, Layout &layout)
{
    const LayoutSpacing &spacing = input.spacing;
    const size_t layers = graph.layers.size();
    graph.layerWidth.assign(layers, 0);
    for (const Element &element : graph.elements) {
        double &width = graph.layerWidth[size_t(element.layer)];
        width = std::max(width, element.width);
    }
    graph.layerLeft.assign(layers, 0);

    double x = 0;
    for (int lane = 0; lane < input.lanes.size(); ++lane) {
        LanePlace &place = layout.lanes[lane];
        const int first = graph.laneFirstLayer[size_t(lane)];
        const int end = graph.laneFirstLayer[size_t(lane) + 1];
        place.columns = end - first;
        place.box.setLeft(x);
        x += spacing.lanePadding;
        for (int layer = first; layer < end; ++layer) {
            double &width = graph.layerWidth[size_t(layer)];
            if (width <= 0)
                width = spacing.nodeSize.width();
            graph.layerLeft[size_t(layer)] = x;
            x += width + (layer + 1 < end ? spacing.columnGap : 0);
        }
        x += spacing.lanePadding;
        place.box.setRight(x);
        x += spacing.laneGap;
    }
}

// Packs a layer's elements, in their order, as near to their wishes as the gaps allow:
// a weighted isotonic fit (pool adjacent violators) of the wishes less the least offsets.
void fitLayer(LayeredGraph &graph, size_t layer, const std::vector<Wish> &wishes,
              const LayoutSpacing &spacing)
{
    const std::vector<int> &ids = graph.layers[layer];
    std::vector<double> offset(ids.size(), 0);
    for (size_t i = 1; i < ids.size(); ++i)
        offset[i] = offset[i - 1]
                    + separation(graph.elements[size_t(ids[i - 1])], graph.elements[size_t(ids[i])],
                                 spacing);

    struct Block
    {
        double sum = 0;
        double weight = 0;
        size_t count = 0;
        double mean() const { return sum / weight; }
    };
    std::vector<Block> blocks;
    for (size_t i = 0; i < ids.size(); ++i) {
        blocks.push_back({(wishes[i].y - offset[i]) * wishes[i].weight, wishes[i].weight, 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
            const Block last = blocks.back();
            blocks.pop_back();
            blocks.back().sum += last.sum;
            blocks.back().weight += last.weight;
            blocks.back().count += last.count;
        }
    }

    size_t i = 0;
    for (const Block &block : blocks) {
        for (size_t k = 0; k < block.count; ++k, ++i)
            graph.elements[size_t(ids[i])].y = block.mean() + offset[i];
    }
}

double meanY(const LayeredGraph &graph, const std::vector<int> &ids)
{
    double sum = 0;
    for (int id : ids)
        sum += graph.elements[size_t(id)].y;
    return sum / double(ids.size());
}

Wish wishOf(const LayeredGraph &graph, int id, bool above)
{
    const Element &element = graph.elements[size_t(id)];
    if (element.isKept())
        return {element.keptY, element.pinned ? pinWeight : keptWeight};

    const std::vector<int> &near = above ? graph.up[size_t(id)] : graph.down[size_t(id)];
    const std::vector<int> &far = above ? graph.down[size_t(id)] : graph.up[size_t(id)];
    const double weight = element.node >= 0 ? nodeWeight : bendWeight;
    if (!near.empty())
        return {meanY(graph, near), weight};
    if (!far.empty())
        return {meanY(graph, far), weight};
    return {element.y, weight};
}

void stackLayers(LayeredGraph &graph, const LayoutSpacing &spacing)
{
    for (const std::vector<int> &ids : graph.layers) {
        double y = 0;
        for (size_t i = 0; i < ids.size(); ++i) {
            Element &element = graph.elements[size_t(ids[i])];
            y += i == 0 ? element.height / 2
                        : separation(graph.elements[size_t(ids[i - 1])], element, spacing);
            element.y = y;
        }
    }
}

struct Span
{
    double top;
    double bottom;
};

// The pinned boxes that reach into a layer's column, top to bottom.
std::vector<Span> pinsAcross(const LayeredGraph &graph, const LayoutInput &input, size_t layer)
{
    const double left = graph.layerLeft[layer];
    const double right = left + graph.layerWidth[layer];
    std::vector<Span> spans;
    for (int v = 0; v < graph.nodeCount(); ++v) {
        const Element &element = graph.elements[size_t(v)];
        if (!element.pinned)
            continue;
        const QPointF pin = input.pinned.value(input.nodes.at(v).key);
        if (pin.x() < right && pin.x() + element.width > left)
            spans.push_back({pin.y(), pin.y() + element.height});
    }
    std::sort(spans.begin(), spans.end(), [](Span a, Span b) { return a.top < b.top; });
    return spans;
}

// Pins are exact; the free elements of a column a pinned box reaches into step down past
// it, keeping their order.
void keepPins(LayeredGraph &graph, const LayoutInput &input, size_t layer)
{
    const std::vector<Span> pins = pinsAcross(graph, input, layer);
    if (pins.empty())
        return;

    const Element *last = nullptr;
    size_t next = 0;
    for (int id : graph.layers[layer]) {
        Element &element = graph.elements[size_t(id)];
        if (element.pinned)
            continue;
        if (last)
            element.y = std::max(element.y, last->y + separation(*last, element, input.spacing));
        const double gap = element.node >= 0 ? input.spacing.rowGap : input.spacing.edgeGap;
        const double half = element.height / 2;
        while (next < pins.size() && pins[next].bottom + gap <= element.y - half)
            ++next;
        for (size_t pin = next; pin < pins.size(); ++pin) {
            if (element.y + half + gap <= pins[pin].top)
                break;
            element.y = std::max(element.y, pins[pin].bottom + gap + half);
        }
        last = &element;
    }
}

void placeRows(LayeredGraph &graph, const LayoutInput &input)
{
    stackLayers(graph, input.spacing);
    const size_t layers = graph.layers.size();
    for (int pass = 0; pass < placementPasses; ++pass) {
        const bool down = pass % 2 == 0;
        for (size_t step = 0; step < layers; ++step) {
            const size_t layer = down ? step : layers - 1 - step;
            const std::vector<int> &ids = graph.layers[layer];
            std::vector<Wish> wishes;
            wishes.reserve(ids.size());
            for (int id : ids)
                wishes.push_back(wishOf(graph, id, down));
            fitLayer(graph, layer, wishes, input.spacing);
        }
    }
    for (size_t layer = 0; layer < layers; ++layer) {
        for (int id : graph.layers[layer]) {
            if (graph.elements[size_t(id)].pinned)
                graph.elements[size_t(id)].y = graph.elements[size_t(id)].keptY;
        }
        keepPins(graph, input, layer);
    }
}

// A fresh layout starts under the lane headers; one from hints or pins stays where its
// caller's coordinates put it.
void shiftToTop(LayeredGraph &graph, const LayoutInput &input)
{
    if (!input.previous.isEmpty() || !input.pinned.isEmpty() || graph.elements.empty())
        return;
    double top = std::numeric_limits<double>::max();
    for (const Element &element : graph.elements)
        top = std::min(top, element.y - element.height / 2);
    const double shift = input.spacing.laneHeader + input.spacing.lanePadding - top;
    for (Element &element : graph.elements)
        element.y += shift;
}

void placeNodes(const LayeredGraph &graph, const LayoutInput &input, Layout &layout)
{
    layout.nodes.resize(input.nodes.size());
    for (const std::vector<int> &ids : graph.layers) {
        int row = 0;
        for (int id : ids) {
            const Element &element = graph.elements[size_t(id)];
            if (element.node < 0)
                continue;
            NodePlace &place = layout.nodes[element.node];
            place.lane = input.nodes.at(element.node).lane;
            place.column = graph.column[size_t(element.node)];
            place.row = row++;
            const QPointF *pin = pinOf(graph, input, id);
            place.pinned = element.pinned;
            const double centreX = graph.layerLeft[size_t(element.layer)]
                                   + graph.layerWidth[size_t(element.layer)] / 2;
            const QPointF topLeft =
                pin ? *pin : QPointF(centreX - element.width / 2, element.y - element.height / 2);
            place.box = QRectF(topLeft, QSizeF(element.width, element.height));
        }
    }
}

// Every lane spans all rows, so lanes line up as columns of one table.
void placeLaneRows(const LayeredGraph &graph, const LayoutInput &input, Layout &layout)
{
    const LayoutSpacing &spacing = input.spacing;
    double top = spacing.laneHeader + spacing.lanePadding;
    double bottom = top + spacing.nodeSize.height();
    if (!graph.elements.empty()) {
        top = std::numeric_limits<double>::max();
        bottom = std::numeric_limits<double>::lowest();
        for (const Element &element : graph.elements) {
            top = std::min(top, element.y - element.height / 2);
            bottom = std::max(bottom, element.y + element.height / 2);
        }
        for (const NodePlace &node : layout.nodes) {
            top = std::min(top, node.box.top());
            bottom = std::max(bottom, node.box.bottom());
        }
    }
    for (LanePlace &lane : layout.lanes) {
        lane.box.setTop(top - spacing.lanePadding - spacing.laneHeader);
        lane.box.setBottom(bottom + spacing.lanePadding);
        lane.header = QRectF(lane.box.topLeft(), QSizeF(lane.box.width(), spacing.laneHeader));
    }
}

} // namespace

void placeElements(LayeredGraph &graph, const LayoutInput &input, Layout &layout)
{
    layout.lanes.resize(input.lanes.size());
    placeColumns(graph, input, layout);
    placeRows(graph, input);
    shiftToTop(graph, input);
    placeNodes(graph, input, layout);
    placeLaneRows(graph, input, layout);
}

} // namespace pw::layout::detail
