#include "outline.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

bool isMap(const SyntaxTree &tree, int index)
{
    return index >= 0 && tree.node(index).kind == Kind::Map;
}

bool isList(const SyntaxTree &tree, int index)
{
    return index >= 0 && tree.node(index).kind == Kind::List;
}

QString nameOf(const SyntaxTree &tree, int map)
{
    const int value = isMap(tree, map) ? tree.findValue(map, QStringLiteral("name")) : -1;
    return value >= 0 && tree.node(value).kind == Kind::Scalar ? tree.node(value).text : QString();
}

StagePlace stageAt(const SyntaxTree &tree, int item, int index)
{
    StagePlace stage;
    stage.item = item;
    stage.index = index;
    stage.map = isMap(tree, item) ? item : -1;
    stage.name = nameOf(tree, stage.map);
    const int jobs = stage.map >= 0 ? tree.findValue(stage.map, QStringLiteral("jobs")) : -1;
    if (!isList(tree, jobs))
        return stage;

    stage.jobs = jobs;
    const QList<int> &items = tree.node(jobs).children;
    for (int i = 0; i < items.size(); ++i) {
        const int map = isMap(tree, items.at(i)) ? items.at(i) : -1;
        // An alias item is named by the map it stands for, which is not its own to edit.
        const int alias = tree.node(items.at(i)).aliasOf;
        const QString name = map >= 0 ? nameOf(tree, map) : nameOf(tree, alias);
        stage.jobPlaces.append({name, items.at(i), map, index, i});
    }
    return stage;
}

} // namespace

PipelineOutline PipelineOutline::of(const SyntaxTree &tree)
{
    PipelineOutline outline;
    if (!isMap(tree, tree.root()))
        return outline;
    outline.root = tree.root();
    const int stages = tree.findValue(outline.root, QStringLiteral("stages"));
    if (!isList(tree, stages))
        return outline;

    outline.stages = stages;
    const QList<int> &items = tree.node(stages).children;
    for (int i = 0; i < items.size(); ++i)
        outline.stagePlaces.append(stageAt(tree, items.at(i), i));
    return outline;
}

const StagePlace *PipelineOutline::findStage(const QString &name) const
{
    for (const StagePlace &stage : stagePlaces) {
        if (stage.name == name)
            return &stage;
    }
    return nullptr;
}

const JobPlace *PipelineOutline::findJob(const QString &name) const
{
    for (const StagePlace &stage : stagePlaces) {
        for (const JobPlace &job : stage.jobPlaces) {
            if (job.name == name)
                return &job;
        }
    }
    return nullptr;
}

} // namespace pw::edit
