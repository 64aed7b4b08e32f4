#include "jobedits.h"

#include "editcheck.h"
#include "itemmoves.h"
#include "needsupdate.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

// The stages and their jobs as moving `job` before the job at `index` of `stage` (or to
// its end, for -1) leaves them. From the pipeline, which names a job an alias stands for.
QList<StageOrder> orderAfterMove(const Pipeline &pipeline, const QString &job, const QString &stage,
                                 int index)
{
    QList<StageOrder> order;
    for (const Stage &each : pipeline.stages) {
        StageOrder names{each.name, {}};
        for (qsizetype i = 0; i < each.jobs.size(); ++i) {
            if (each.name == stage && i == index)
                names.jobs.append(job);
            if (each.jobs.at(i).name != job)
                names.jobs.append(each.jobs.at(i).name);
        }
        if (each.name == stage && index < 0)
            names.jobs.append(job);
        order.append(names);
    }
    return order;
}

} // namespace

Result<TextEdit> addJob(const PipelineDocument &document, const QString &stage, const QString &job,
                        const QStringList &commands)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const StagePlace *place = document.outline().findStage(stage);
    if (!place || place->jobs < 0)
        return Error{noSuchStage(document, stage)};
    if (const Status name = checkNewJobName(document, job); !name)
        return Error{name.error()};
    if (commands.isEmpty())
        return Error{QStringLiteral("job '%1' needs at least one command").arg(job)};

    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    const PropertyValue value =
        PropertyValue::map({QStringLiteral("name"), QStringLiteral("commands")}, {job, commands});
    if (const Status inserted = insertItem(builder, place->jobs, -1, value); !inserted)
        return Error{inserted.error()};
    EditScope scope;
    scope.addedJobs.insert(job);
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> renameJob(const PipelineDocument &document, const QString &job,
                           const QString &newName)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const JobPlace *place = document.outline().findJob(job);
    if (!place || place->map < 0)
        return Error{noSuchJob(document, job)};
    if (newName == job)
        return TextEdit();
    if (const Status name = checkNewJobName(document, newName); !name)
        return Error{name.error()};

    const SyntaxTree &tree = *document.syntaxTree();
    SpliceBuilder builder(tree, document.layout());
    replaceScalar(builder, tree.findValue(place->map, QStringLiteral("name")), newName);
    renameNeeds(builder, document.outline(), job, newName);
    EditScope scope;
    scope.renamedJobs.insert(job, newName);
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> removeJob(const PipelineDocument &document, const QString &job)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const JobPlace *place = document.outline().findJob(job);
    if (!place)
        return Error{noSuchJob(document, job)};
    const StagePlace &stage = document.outline().stagePlaces.at(place->stage);
    if (stage.jobPlaces.size() == 1)
        return Error{QStringLiteral("job '%1' is the only job of stage '%2'; remove the stage "
                                    "instead")
                         .arg(job, stage.name)};

    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    if (const Status removed = removeItem(builder, stage.jobs, place->index); !removed)
        return Error{removed.error()};
    EditScope scope;
    scope.removedJobs.insert(job);
    if (const Status needs = dropNeeds(builder, document.outline(), {job}, scope.changedJobs);
        !needs)
        return Error{needs.error()};
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> moveJob(const PipelineDocument &document, const QString &job, const QString &stage,
                         int index)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const PipelineOutline &outline = document.outline();
    const JobPlace *place = outline.findJob(job);
    if (!place)
        return Error{noSuchJob(document, job)};
    const StagePlace *target = outline.findStage(stage);
    if (!target || target->jobs < 0)
        return Error{noSuchStage(document, stage)};
    const StagePlace &source = outline.stagePlaces.at(place->stage);
    if (index < -1 || index > target->jobPlaces.size())
        return Error{QStringLiteral("stage '%1' has no place %2 for a job").arg(stage).arg(index)};
    if (index == target->jobPlaces.size())
        index = -1;
    if (&source == target
        && (index == place->index || index == place->index + 1
            || (index == -1 && place->index + 1 == source.jobPlaces.size())))
        return TextEdit();
    if (&source != target && source.jobPlaces.size() == 1)
        return Error{QStringLiteral("job '%1' is the only job of stage '%2'; a stage needs at "
                                    "least one job")
                         .arg(job, source.name)};

    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    const Status moved = moveItem(builder, source.jobs, place->index, target->jobs, index,
                                  QStringLiteral("job '%1'").arg(job));
    if (!moved)
        return Error{moved.error()};
    EditScope scope;
    scope.order = orderAfterMove(*document.pipeline(), job, stage, index);
    return checkedEdit(document, builder, scope);
}

} // namespace pw::edit
