#include "sketch.h"

#include "needsupdate.h"

#include <QSet>

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

int lineOf(const SyntaxTree &tree, int node)
{
    return tree.lines().lineOf(tree.node(node).start) + 1;
}

// The names a job's `needs` gives, however it writes them.
QList<JobNeed> needsOf(const SyntaxTree &tree, int map)
{
    const int needs = tree.findValue(map, QStringLiteral("needs"));
    if (needs < 0)
        return {};
    const SyntaxNode &node = tree.node(needs);
    const QList<int> items = node.kind == Kind::List ? node.children : QList<int>{needs};
    QList<JobNeed> found;
    for (const int item : items) {
        const int name = needNameNode(tree, item);
        if (name < 0)
            continue;
        JobNeed need;
        need.job = tree.node(name).text;
        found.append(need);
    }
    return found;
}

Job jobAt(const SyntaxTree &tree, const JobPlace &place)
{
    Job job;
    job.name = place.name;
    job.location.line = lineOf(tree, place.item);
    if (place.map >= 0) {
        job.needs = needsOf(tree, place.map);
        job.needsGiven = tree.findEntry(place.map, QStringLiteral("needs")) >= 0;
    }
    return job;
}

} // namespace

Pipeline sketchOf(const SyntaxTree &tree, const PipelineOutline &outline)
{
    Pipeline pipeline;
    const int name = outline.root >= 0 ? tree.findValue(outline.root, QStringLiteral("name")) : -1;
    if (name >= 0 && tree.node(name).kind == Kind::Scalar)
        pipeline.name = tree.node(name).text;

    QSet<QString> stages;
    QSet<QString> jobs;
    for (const StagePlace &place : outline.stagePlaces) {
        if (place.name.isEmpty() || stages.contains(place.name))
            continue;
        stages.insert(place.name);
        Stage stage;
        stage.name = place.name;
        stage.location.line = lineOf(tree, place.item);
        for (const JobPlace &job : place.jobPlaces) {
            if (job.name.isEmpty() || jobs.contains(job.name))
                continue;
            jobs.insert(job.name);
            stage.jobs.append(jobAt(tree, job));
        }
        pipeline.stages.append(stage);
    }
    return pipeline;
}

} // namespace pw::edit
