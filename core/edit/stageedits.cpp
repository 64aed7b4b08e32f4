#include "stageedits.h"

#include "editcheck.h"
#include "itemmoves.h"
#include "needsupdate.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

// The stages and their jobs as moving the stage at `from` before the one at `index` (or to
// the end, for -1) leaves them.
QList<StageOrder> orderAfterMove(const Pipeline &pipeline, int from, int index)
{
    QList<StageOrder> order;
    for (const Stage &stage : pipeline.stages) {
        StageOrder names{stage.name, {}};
        for (const Job &job : stage.jobs)
            names.jobs.append(job.name);
        order.append(names);
    }
    const StageOrder moved = order.takeAt(from);
    const int at = index < 0 ? int(order.size()) : (index > from ? index - 1 : index);
    order.insert(at, moved);
    return order;
}

} // namespace

Result<TextEdit> addStage(const PipelineDocument &document, const QString &stage, int index,
                          const QString &job, const QStringList &commands)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const PipelineOutline &outline = document.outline();
    if (index < -1 || index > outline.stagePlaces.size())
        return Error{QStringLiteral("there is no place %1 for a stage").arg(index)};
    if (const Status name = checkNewStageName(document, stage); !name)
        return Error{name.error()};
    if (const Status name = checkNewJobName(document, job); !name)
        return Error{name.error()};
    if (commands.isEmpty())
        return Error{QStringLiteral("job '%1' needs at least one command").arg(job)};

    const PropertyValue first =
        PropertyValue::map({QStringLiteral("name"), QStringLiteral("commands")}, {job, commands});
    const PropertyValue value = PropertyValue::map({QStringLiteral("name"), QStringLiteral("jobs")},
                                                   {stage, PropertyValue::list({first})});
    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    const int before = index == outline.stagePlaces.size() ? -1 : index;
    if (const Status inserted = insertItem(builder, outline.stages, before, value); !inserted)
        return Error{inserted.error()};
    EditScope scope;
    scope.addedStages.insert(stage);
    scope.addedJobs.insert(job);
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> renameStage(const PipelineDocument &document, const QString &stage,
                             const QString &newName)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const StagePlace *place = document.outline().findStage(stage);
    if (!place || place->map < 0)
        return Error{noSuchStage(document, stage)};
    if (newName == stage)
        return TextEdit();
    if (const Status name = checkNewStageName(document, newName); !name)
        return Error{name.error()};

    const SyntaxTree &tree = *document.syntaxTree();
    SpliceBuilder builder(tree, document.layout());
    replaceScalar(builder, tree.findValue(place->map, QStringLiteral("name")), newName);
    EditScope scope;
    scope.renamedStages.insert(stage, newName);
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> removeStage(const PipelineDocument &document, const QString &stage)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const PipelineOutline &outline = document.outline();
    const StagePlace *place = outline.findStage(stage);
    if (!place)
        return Error{noSuchStage(document, stage)};
    if (outline.stagePlaces.size() == 1)
        return Error{QStringLiteral("stage '%1' is the only stage; a pipeline needs at least "
                                    "one")
                         .arg(stage)};

    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    if (const Status removed = removeItem(builder, outline.stages, place->index); !removed)
        return Error{removed.error()};
    EditScope scope;
    scope.removedStages.insert(stage);
    for (const JobPlace &job : place->jobPlaces)
        scope.removedJobs.insert(job.name);
    if (const Status needs = dropNeeds(builder, outline, scope.removedJobs, scope.changedJobs);
        !needs)
        return Error{needs.error()};
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> moveStage(const PipelineDocument &document, const QString &stage, int index)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const PipelineOutline &outline = document.outline();
    const StagePlace *place = outline.findStage(stage);
    if (!place)
        return Error{noSuchStage(document, stage)};
    const qsizetype count = outline.stagePlaces.size();
    if (index < -1 || index > count)
        return Error{QStringLiteral("there is no place %1 for a stage").arg(index)};
    if (index == count)
        index = -1;
    if (index == place->index || index == place->index + 1
        || (index == -1 && place->index + 1 == count))
        return TextEdit();

    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    const Status moved = moveItem(builder, outline.stages, place->index, outline.stages, index,
                                  QStringLiteral("stage '%1'").arg(stage));
    if (!moved)
        return Error{moved.error()};
    // The loader's check of needs across stages refuses an order they do not allow.
    EditScope scope;
    scope.order = orderAfterMove(*document.pipeline(), place->index, index);
    return checkedEdit(document, builder, scope);
}

} // namespace pw::edit
