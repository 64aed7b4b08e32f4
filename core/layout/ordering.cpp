#include "layeredgraph.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pw::layout::detail {

namespace {

// Sweeps stop after this many, or after `patience` of them in a row found nothing better.
constexpr int maxSweeps = 12;
constexpr int patience = 3;
// Passes of neighbour swaps over one layer per sweep.
constexpr int maxSwapPasses = 4;

void renumber(LayeredGraph &graph, size_t layer)
{
    const std::vector<int> &ids = graph.layers[layer];
    for (size_t i = 0; i < ids.size(); ++i)
        graph.position[size_t(ids[i])] = int(i);
}

void sortLayer(LayeredGraph &graph, size_t layer, const std::vector<double> &key)
{
    std::vector<int> &ids = graph.layers[layer];
    std::stable_sort(ids.begin(), ids.end(),
                     [&key](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
    renumber(graph, layer);
}

// The first order: by earlier or pinned place where known, else under the neighbours
// before, else in file order. Keys are rough y coordinates, so both kinds mix.
void orderFirst(LayeredGraph &graph, const LayoutInput &input)
{
    const double pitch = input.spacing.nodeSize.height() + input.spacing.rowGap;
    std::vector<double> key(graph.elements.size(), 0);
    for (size_t layer = 0; layer < graph.layers.size(); ++layer) {
        const std::vector<int> &ids = graph.layers[layer];
        for (size_t i = 0; i < ids.size(); ++i) {
            const size_t id = size_t(ids[i]);
            const Element &element = graph.elements[id];
            if (element.isKept()) {
                key[id] = element.keptY;
            } else if (!graph.up[id].empty()) {
                double sum = 0;
                for (int before : graph.up[id])
                    sum += key[size_t(before)];
                key[id] = sum / double(graph.up[id].size());
            } else {
                key[id] = double(i) * pitch;
            }
        }
        sortLayer(graph, layer, key);
    }
}

// Orders a layer by the mean position of each element's neighbours on one side; elements
// without such neighbours, and kept ones, hold their position.
void sortByNeighbours(LayeredGraph &graph, size_t layer, bool above, std::vector<double> &key)
{
    for (int id : graph.layers[layer]) {
        const std::vector<int> &near = above ? graph.up[size_t(id)] : graph.down[size_t(id)];
        if (near.empty() || graph.elements[size_t(id)].isKept()) {
            key[size_t(id)] = graph.position[size_t(id)];
            continue;
        }
        double sum = 0;
        for (int other : near)
            sum += graph.position[size_t(other)];
        key[size_t(id)] = sum / double(near.size());
    }
    sortLayer(graph, layer, key);
}

// Pairs (a, b) with a > b for sorted position lists: the crossings of edges to `a`s with
// edges to `b`s when the owner of `a`s comes first.
long long crossingsOfPair(const std::vector<int> &as, const std::vector<int> &bs)
{
    long long count = 0;
    size_t below = 0;
    for (int a : as) {
        while (below < bs.size() && bs[below] < a)
            ++below;
        count += static_cast<long long>(below);
    }
    return count;
}

std::vector<int> sortedPositions(const LayeredGraph &graph, const std::vector<int> &ids)
{
    std::vector<int> positions;
    positions.reserve(ids.size());
    for (int id : ids)
        positions.push_back(graph.position[size_t(id)]);
    std::sort(positions.begin(), positions.end());
    return positions;
}

// Swaps neighbours in a layer while that removes crossings with both adjacent layers.
void swapNeighbours(LayeredGraph &graph, size_t layer)
{
    std::vector<int> &ids = graph.layers[layer];
    if (ids.size() < 2)
        return;
    std::vector<std::vector<int>> up(ids.size());
    std::vector<std::vector<int>> down(ids.size());
    for (size_t i = 0; i < ids.size(); ++i) {
        up[i] = sortedPositions(graph, graph.up[size_t(ids[i])]);
        down[i] = sortedPositions(graph, graph.down[size_t(ids[i])]);
    }
    const auto pinned = [&](int id) { return graph.elements[size_t(id)].pinned; };

    for (int pass = 0; pass < maxSwapPasses; ++pass) {
        bool swapped = false;
        for (size_t i = 0; i + 1 < ids.size(); ++i) {
            if (pinned(ids[i]) || pinned(ids[i + 1]))
                continue;
            const long long now =
                crossingsOfPair(up[i], up[i + 1]) + crossingsOfPair(down[i], down[i + 1]);
            const long long then =
                crossingsOfPair(up[i + 1], up[i]) + crossingsOfPair(down[i + 1], down[i]);
            if (then < now) {
                std::swap(ids[i], ids[i + 1]);
                std::swap(up[i], up[i + 1]);
                std::swap(down[i], down[i + 1]);
                swapped = true;
            }
        }
        if (!swapped)
            break;
    }
    renumber(graph, layer);
}

void sweep(LayeredGraph &graph, std::vector<double> &key)
{
    const size_t layers = graph.layers.size();
    for (size_t layer = 1; layer < layers; ++layer)
        sortByNeighbours(graph, layer, true, key);
    for (size_t layer = layers; layer-- > 1;)
        sortByNeighbours(graph, layer - 1, false, key);
    for (size_t layer = 0; layer < layers; ++layer)
        swapNeighbours(graph, layer);
}

} // namespace

void orderLayers(LayeredGraph &graph, const LayoutInput &input)
{
    orderFirst(graph, input);
    long long best = crossingsOf(graph);
    std::vector<std::vector<int>> bestLayers = graph.layers;

    // Only an order with strictly fewer crossings replaces the best so far, so that a
    // layout from hints stays as it was when sweeping does not help.
    std::vector<double> key(graph.elements.size(), 0);
    for (int round = 0, stale = 0; round < maxSweeps && best > 0 && stale < patience; ++round) {
        sweep(graph, key);
        const long long now = crossingsOf(graph);
        if (now < best) {
            best = now;
            bestLayers = graph.layers;
            stale = 0;
        } else {
            ++stale;
        }
    }

    graph.layers = std::move(bestLayers);
    for (size_t layer = 0; layer < graph.layers.size(); ++layer)
        renumber(graph, layer);
}

} // namespace pw::layout::detail
