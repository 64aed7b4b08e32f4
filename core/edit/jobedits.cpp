#include "jobedits.h"

#include "editcheck.h"
#include "needsupdate.h"
#include "textscan.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

// The text of a block list item as whole lines ending with a newline, indented by `delta`.
Result<QByteArray> movedLines(const SyntaxTree &tree, const LineSpan &span, int delta,
                              const QByteArray &newline)
{
    QByteArray lines = tree.text().mid(span.begin, span.end - span.begin);
    if (!lines.endsWith('\n'))
        lines += newline;
    return reindented(lines, delta);
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

    const SyntaxTree &tree = *document.syntaxTree();
    const Result<LineSpan> span = itemLines(tree, source.jobs, place->index);
    if (!span)
        return Error{span.error()};
    const int delta = tree.lines().columnOf(tree.dashOf(target->jobs, 0))
                      - tree.lines().columnOf(tree.dashOf(source.jobs, place->index));
    const Result<QByteArray> lines = movedLines(tree, *span, delta, document.layout().newline);
    if (!lines)
        return Error{lines.error()};
    if (tree.node(target->jobs).flow)
        return Error{QStringLiteral("stage '%1' lists its jobs in brackets; move the job by hand")
                         .arg(stage)};

    SpliceBuilder builder(tree, document.layout());
    builder.remove(span->begin, span->end);
    insertItemLines(builder, target->jobs, index, *lines);
    return checkedEdit(document, builder, EditScope());
}

} // namespace pw::edit
