#include "neededits.h"

#include "editcheck.h"
#include "needsupdate.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

bool needsJob(const Job &job, const QString &need)
{
    return std::any_of(job.needs.begin(), job.needs.end(),
                       [&need](const JobNeed &each) { return each.job == need; });
}

// The job's map, or why the job cannot have its needs edited.
Result<int> jobMap(const PipelineDocument &document, const QString &job)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const JobPlace *place = document.outline().findJob(job);
    if (!place || place->map < 0)
        return Error{noSuchJob(document, job)};
    return place->map;
}

Status aliasedNeeds(const SyntaxTree &tree, int needs, const QString &job)
{
    if (tree.node(needs).kind != Kind::Alias)
        return {};
    return Status::failure(
        QStringLiteral("the needs of job '%1' are the alias '%2' (line %3); "
                       "edit them by hand")
            .arg(job, QString::fromUtf8(tree.text().mid(
                          tree.node(needs).start, tree.node(needs).end - tree.node(needs).start)))
            .arg(tree.lines().lineOf(tree.node(needs).start) + 1));
}

} // namespace

Result<TextEdit> addNeed(const PipelineDocument &document, const QString &job, const QString &need)
{
    const Result<int> map = jobMap(document, job);
    if (!map)
        return Error{map.error()};
    const Pipeline &pipeline = *document.pipeline();
    if (!pipeline.findJob(need))
        return Error{noSuchJob(document, need)};
    if (need == job)
        return Error{QStringLiteral("job '%1' cannot need itself").arg(job)};
    if (needsJob(*pipeline.findJob(job), need))
        return Error{QStringLiteral("job '%1' already needs '%2'").arg(job, need)};

    const SyntaxTree &tree = *document.syntaxTree();
    SpliceBuilder builder(tree, document.layout());
    const int entry = tree.findEntry(*map, QStringLiteral("needs"));
    const int needs = entry >= 0 ? tree.valueAt(*map, entry) : -1;
    Status status;
    if (needs < 0) {
        status = setEntry(builder, *map, QStringLiteral("needs"), QStringList{need});
    } else if (tree.node(needs).kind == Kind::List) {
        status = insertItem(builder, needs, -1, need);
    } else if (tree.node(needs).kind == Kind::Scalar) {
        status = replaceValue(builder, *map, entry, QStringList{tree.node(needs).text, need});
    } else {
        status = aliasedNeeds(tree, needs, job);
    }
    if (!status)
        return Error{status.error()};
    EditScope scope;
    scope.changedJobs.insert(job);
    return checkedEdit(document, builder, scope);
}

Result<TextEdit> removeNeed(const PipelineDocument &document, const QString &job,
                            const QString &need)
{
    const Result<int> map = jobMap(document, job);
    if (!map)
        return Error{map.error()};
    if (!needsJob(*document.pipeline()->findJob(job), need))
        return Error{QStringLiteral("job '%1' does not need '%2'").arg(job, need)};

    const SyntaxTree &tree = *document.syntaxTree();
    const int needs = tree.findValue(*map, QStringLiteral("needs"));
    if (needs < 0)
        return Error{QStringLiteral("job '%1' takes its needs from a merge key; edit them by "
                                    "hand")
                         .arg(job)};
    if (const Status aliased = aliasedNeeds(tree, needs, job); !aliased)
        return Error{aliased.error()};

    // The outline of this one job, so that only its need goes.
    PipelineOutline outline = document.outline();
    StagePlace stage;
    stage.jobPlaces.append(*outline.findJob(job));
    outline.stagePlaces = {stage};

    SpliceBuilder builder(tree, document.layout());
    EditScope scope;
    if (const Status dropped = dropNeeds(builder, outline, {need}, scope.changedJobs); !dropped)
        return Error{dropped.error()};
    return checkedEdit(document, builder, scope);
}

} // namespace pw::edit
