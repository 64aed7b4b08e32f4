#include "layoutsketch.h"

#include <QHash>
#include <QRandomGenerator>
#include <QStringList>

namespace pw::test {

using namespace pw::layout;

LayoutInput sketch(const QString &lanes, const QString &edges)
{
    LayoutInput input;
    for (const QString &lane : lanes.split(u';', Qt::SkipEmptyParts)) {
        const QStringList parts = lane.split(u':');
        input.lanes.append(parts.first().trimmed());
        const QString nodes = parts.size() > 1 ? parts.at(1) : QString();
        for (const QString &node : nodes.split(u' ', Qt::SkipEmptyParts))
            input.nodes.append({node, int(input.lanes.size() - 1), {}});
    }
    for (const QString &edge : edges.split(u' ', Qt::SkipEmptyParts)) {
        const QStringList ends = edge.split(u'>');
        input.edges.append({ends.value(0), ends.value(1)});
    }
    return input;
}

LayoutInput generated(int stages, int jobsPerStage, int maxNeeds, quint32 seed)
{
    QRandomGenerator random(seed);
    LayoutInput input;
    for (int stage = 0; stage < stages; ++stage) {
        input.lanes.append(QStringLiteral("stage%1").arg(stage));
        for (int job = 0; job < jobsPerStage; ++job) {
            const int self = int(input.nodes.size());
            input.nodes.append({QStringLiteral("s%1j%2").arg(stage).arg(job), stage, {}});
            // Needs reach back at most two lanes, as real pipelines mostly do.
            const int first = std::max(0, stage - 2) * jobsPerStage;
            const int needs = self > first ? int(random.bounded(maxNeeds + 1)) : 0;
            for (int n = 0; n < needs; ++n) {
                const int other = first + int(random.bounded(self - first));
                input.edges.append({input.nodes.at(other).key, input.nodes.at(self).key});
            }
        }
    }
    return input;
}

int nodeNamed(const LayoutInput &input, const QString &key)
{
    for (int i = 0; i < input.nodes.size(); ++i) {
        if (input.nodes.at(i).key == key)
            return i;
    }
    return -1;
}

int drawnCrossings(const LayoutInput &input, const Layout &layout)
{
    struct Segment
    {
        double from;
        double to;
    };
    QHash<QPair<double, double>, QList<Segment>> byColumns;
    for (const LayoutEdge &edge : input.edges) {
        const QRectF a = layout.nodes.at(nodeNamed(input, edge.from)).box;
        const QRectF b = layout.nodes.at(nodeNamed(input, edge.to)).box;
        byColumns[{a.left(), b.left()}].append({a.center().y(), b.center().y()});
    }
    int crossings = 0;
    for (const QList<Segment> &segments : std::as_const(byColumns)) {
        for (int i = 0; i < segments.size(); ++i) {
            for (int j = i + 1; j < segments.size(); ++j) {
                const double before = segments[i].from - segments[j].from;
                const double after = segments[i].to - segments[j].to;
                crossings += before * after < 0 ? 1 : 0;
            }
        }
    }
    return crossings;
}

int overlaps(const Layout &layout)
{
    int count = 0;
    for (int i = 0; i < layout.nodes.size(); ++i) {
        for (int j = i + 1; j < layout.nodes.size(); ++j) {
            const QRectF shared = layout.nodes.at(i).box & layout.nodes.at(j).box;
            count += shared.width() > 0.01 && shared.height() > 0.01 ? 1 : 0;
        }
    }
    return count;
}

} // namespace pw::test
