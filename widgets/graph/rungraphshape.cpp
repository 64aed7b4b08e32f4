#include "rungraphshape.h"

#include <QHash>

namespace pw::gui {

RunGraphShape graphShapeOf(const RunRecord &run, const layout::LayoutSpacing &spacing)
{
    RunGraphShape shape;
    shape.input.spacing = spacing;
    QStringList signature;
    for (const StageRecord &stage : run.stages) {
        shape.input.lanes.append(stage.name);
        signature.append(QStringLiteral("stage ") + stage.name);
    }

    // Jobs go by their position in the run, as in the RunModel; needs name the first job
    // of that name.
    QHash<QString, int> named;
    for (int job = 0; job < run.jobs.size(); ++job) {
        if (!named.contains(run.jobs.at(job).name))
            named.insert(run.jobs.at(job).name, job);
    }

    // A job's key is its name, so the next run of an edited pipeline keeps its places; with
    // the position added when two jobs share a name.
    QHash<int, QString> keys;
    for (int job = 0; job < run.jobs.size(); ++job) {
        const JobRecord &record = run.jobs.at(job);
        if (record.stage < 0 || record.stage >= run.stages.size())
            continue;
        const QString key = named.value(record.name) == job
                                ? record.name
                                : QStringLiteral("%1#%2").arg(record.name).arg(job);
        keys.insert(job, key);
        shape.input.nodes.append({key, record.stage, {}});
        shape.jobOfNode.append(job);
        signature.append(QStringLiteral("job %1 %2").arg(record.stage).arg(key));
    }

    for (int job = 0; job < run.jobs.size(); ++job) {
        if (!keys.contains(job))
            continue;
        for (const QString &need : run.jobs.at(job).needs) {
            const int needed = named.value(need, -1);
            if (!keys.contains(needed))
                continue;
            shape.input.edges.append({keys.value(needed), keys.value(job)});
            shape.jobsOfEdge.append({needed, job});
            signature.append(QStringLiteral("need %1 %2").arg(needed).arg(job));
        }
    }
    shape.signature = signature.join(u'\n');
    return shape;
}

} // namespace pw::gui
