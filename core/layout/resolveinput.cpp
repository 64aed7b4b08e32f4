#include "layeredgraph.h"

#include <cmath>

namespace pw::layout::detail {

namespace {

// Sizes beyond this are taken for garbage rather than a very large job box.
constexpr double maxExtent = 1e6;

bool isSize(const QSizeF &size)
{
    return std::isfinite(size.width()) && std::isfinite(size.height()) && size.width() > 0
           && size.height() > 0 && size.width() <= maxExtent && size.height() <= maxExtent;
}

bool isPoint(const QPointF &point)
{
    return std::isfinite(point.x()) && std::isfinite(point.y()) && std::abs(point.x()) <= 1e9
           && std::abs(point.y()) <= 1e9;
}

bool isGap(double gap)
{
    return std::isfinite(gap) && gap >= 0 && gap <= maxExtent;
}

Status checkSpacing(const LayoutSpacing &spacing)
{
    if (!isSize(spacing.nodeSize))
        return Status::failure(QStringLiteral("the node size must be positive and finite"));
    const double gaps[] = {spacing.columnGap,   spacing.rowGap,     spacing.laneGap,
                           spacing.lanePadding, spacing.laneHeader, spacing.edgeGap};
    for (double gap : gaps) {
        if (!isGap(gap))
            return Status::failure(QStringLiteral("gaps and paddings must be finite and not "
                                                  "negative"));
    }
    return {};
}

Status checkCounts(const LayoutInput &input)
{
    if (input.lanes.size() > maxLanes)
        return Status::failure(QStringLiteral("%1 lanes are more than the %2 a layout takes")
                                   .arg(input.lanes.size())
                                   .arg(maxLanes));
    if (input.nodes.size() > maxNodes)
        return Status::failure(QStringLiteral("%1 nodes are more than the %2 a layout takes")
                                   .arg(input.nodes.size())
                                   .arg(maxNodes));
    if (input.edges.size() > maxEdges)
        return Status::failure(QStringLiteral("%1 edges are more than the %2 a layout takes")
                                   .arg(input.edges.size())
                                   .arg(maxEdges));
    return {};
}

Result<QHash<QString, int>> indexNodes(const LayoutInput &input)
{
    QHash<QString, int> byKey;
    byKey.reserve(input.nodes.size());
    for (int i = 0; i < input.nodes.size(); ++i) {
        const LayoutNode &node = input.nodes.at(i);
        if (node.key.isEmpty())
            return Error{QStringLiteral("node %1 has no key").arg(i)};
        if (node.lane < 0 || node.lane >= input.lanes.size())
            return Error{QStringLiteral("node '%1' is in lane %2, but there are %3 lanes")
                             .arg(node.key)
                             .arg(node.lane)
                             .arg(input.lanes.size())};
        if (!usesDefaultSize(node.size) && !isSize(node.size))
            return Error{QStringLiteral("node '%1' has a bad size").arg(node.key)};
        if (byKey.contains(node.key))
            return Error{QStringLiteral("nodes %1 and %2 are both named '%3'")
                             .arg(byKey.value(node.key))
                             .arg(i)
                             .arg(node.key)};
        byKey.insert(node.key, i);
    }
    return byKey;
}

Status checkHints(const LayoutInput &input)
{
    for (auto it = input.pinned.cbegin(); it != input.pinned.cend(); ++it) {
        if (!isPoint(it.value()))
            return Status::failure(
                QStringLiteral("node '%1' is pinned to a bad position").arg(it.key()));
    }
    for (auto it = input.previous.centres.cbegin(); it != input.previous.centres.cend(); ++it) {
        if (!isPoint(it.value()))
            return Status::failure(
                QStringLiteral("node '%1' has a bad previous position").arg(it.key()));
    }
    for (auto it = input.previous.passes.cbegin(); it != input.previous.passes.cend(); ++it) {
        for (double y : it.value()) {
            if (!isPoint(QPointF(0, y)))
                return Status::failure(QStringLiteral("edge '%1' -> '%2' has a bad previous "
                                                      "route")
                                           .arg(it.key().first, it.key().second));
        }
    }
    return {};
}

} // namespace

bool usesDefaultSize(const QSizeF &size)
{
    return size.isNull() || size == QSizeF();
}

QSizeF sizeOf(const LayoutInput &input, int node)
{
    const QSizeF &own = input.nodes.at(node).size;
    return usesDefaultSize(own) ? input.spacing.nodeSize : own;
}

Result<std::vector<ResolvedEdge>> resolveInput(const LayoutInput &input)
{
    for (const Status &status :
         {checkSpacing(input.spacing), checkCounts(input), checkHints(input)}) {
        if (!status)
            return status.error();
    }
    const Result<QHash<QString, int>> byKey = indexNodes(input);
    if (!byKey)
        return byKey.error();

    std::vector<ResolvedEdge> edges;
    edges.reserve(size_t(input.edges.size()));
    for (int i = 0; i < input.edges.size(); ++i) {
        const LayoutEdge &edge = input.edges.at(i);
        const int from = byKey->value(edge.from, -1);
        const int to = byKey->value(edge.to, -1);
        if (from < 0 || to < 0)
            return Error{QStringLiteral("edge %1 ('%2' -> '%3'): no node is named '%4'")
                             .arg(i)
                             .arg(edge.from, edge.to, from < 0 ? edge.from : edge.to)};
        edges.push_back({from, to});
    }
    return edges;
}

} // namespace pw::layout::detail
