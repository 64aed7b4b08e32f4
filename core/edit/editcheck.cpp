#include "editcheck.h"

#include "core/util/editdistance.h"
#include "editlog.h"
#include "modeldigest.h"

namespace pw::edit {

namespace {

QString firstError(const Diagnostics &diagnostics)
{
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity != Diagnostic::Severity::Error)
            continue;
        if (diagnostic.location.line <= 0)
            return diagnostic.message;
        return QStringLiteral("%1 (line %2)").arg(diagnostic.message).arg(diagnostic.location.line);
    }
    return QStringLiteral("the file does not load");
}

QHash<QString, const Job *> jobsByName(const Pipeline &pipeline)
{
    QHash<QString, const Job *> jobs;
    for (const Stage &stage : pipeline.stages) {
        for (const Job &job : stage.jobs)
            jobs.insert(job.name, &job);
    }
    return jobs;
}

QString unexpectedChange(const QString &what)
{
    return QStringLiteral("the change would also change %1, which shares text with what was "
                          "edited (through an anchor or a merge key); edit the text by hand")
        .arg(what);
}

Status checkJobs(const Pipeline &before, const Pipeline &after, const EditScope &scope)
{
    const QHash<QString, const Job *> jobs = jobsByName(after);
    for (const Stage &stage : before.stages) {
        for (const Job &job : stage.jobs) {
            if (scope.removedJobs.contains(job.name) || scope.changedJobs.contains(job.name))
                continue;
            const QString name = scope.renamedJobs.value(job.name, job.name);
            const Job *now = jobs.value(name);
            if (!now || describeJob(*now) != describeJob(job, scope.renamedJobs))
                return Status::failure(unexpectedChange(QStringLiteral("job '%1'").arg(name)));
        }
    }
    const qsizetype expected =
        jobsByName(before).size() - scope.removedJobs.size() + scope.addedJobs.size();
    if (jobs.size() != expected)
        return Status::failure(unexpectedChange(QStringLiteral("the number of jobs")));
    return {};
}

Status checkStages(const Pipeline &before, const Pipeline &after, const EditScope &scope)
{
    QHash<QString, const Stage *> stages;
    for (const Stage &stage : after.stages)
        stages.insert(stage.name, &stage);
    for (const Stage &stage : before.stages) {
        if (scope.removedStages.contains(stage.name) || scope.changedStages.contains(stage.name))
            continue;
        const QString name = scope.renamedStages.value(stage.name, stage.name);
        const Stage *now = stages.value(name);
        Stage renamed = stage;
        renamed.name = name;
        if (!now || describeStage(*now) != describeStage(renamed))
            return Status::failure(unexpectedChange(QStringLiteral("stage '%1'").arg(name)));
    }
    if (describeTopLevel(before) != describeTopLevel(after))
        return Status::failure(unexpectedChange(QStringLiteral("the top level")));
    return {};
}

QList<StageOrder> orderOf(const Pipeline &pipeline)
{
    QList<StageOrder> order;
    for (const Stage &stage : pipeline.stages) {
        StageOrder each{stage.name, {}};
        for (const Job &job : stage.jobs)
            each.jobs.append(job.name);
        order.append(each);
    }
    return order;
}

Status checkOrder(const Pipeline &after, const EditScope &scope)
{
    if (scope.order.isEmpty() || orderOf(after) == scope.order)
        return {};
    return Status::failure(QStringLiteral("the change would not leave the stages and jobs in "
                                          "the order asked for; edit the text by hand"));
}

QString suggestion(const QString &word, const QStringList &candidates)
{
    const QString best = closestMatch(word, candidates);
    return best.isEmpty() ? QString() : QStringLiteral("; did you mean '%1'?").arg(best);
}

} // namespace

Status requireEditable(const PipelineDocument &document)
{
    if (!document.isValid() || !document.syntaxTree() || document.outline().stages < 0)
        return Status::failure(QStringLiteral("the file has errors; fix them in the text before "
                                              "editing it here: %1")
                                   .arg(firstError(document.diagnostics())));
    return {};
}

Result<TextEdit> checkedEdit(const PipelineDocument &document, const SpliceBuilder &builder,
                             const EditScope &scope)
{
    Result<TextEdit> edit = builder.finish();
    if (!edit)
        return edit;
    edit->bindTo(document.text());

    const QByteArray text = edit->appliedTo(document.text());
    const LoadResult load = loadPipelineText(text, document.fileName(), document.directory());
    if (!load.ok())
        return Error{QStringLiteral("the change would make the file invalid: ")
                     + firstError(load.diagnostics)};

    const Pipeline &before = *document.pipeline();
    Status same = checkJobs(before, *load.pipeline, scope);
    if (same)
        same = checkStages(before, *load.pipeline, scope);
    if (same)
        same = checkOrder(*load.pipeline, scope);
    if (!same) {
        qCDebug(lcEdit) << "refused an edit of" << document.fileName() << ":"
                        << same.error().message;
        return Error{same.error()};
    }
    return edit;
}

QString noSuchJob(const PipelineDocument &document, const QString &job)
{
    QStringList names;
    for (const Stage &stage : document.pipeline()->stages) {
        for (const Job &each : stage.jobs)
            names.append(each.name);
    }
    return QStringLiteral("there is no job '%1'%2").arg(job, suggestion(job, names));
}

QString noSuchStage(const PipelineDocument &document, const QString &stage)
{
    QStringList names;
    for (const Stage &each : document.pipeline()->stages)
        names.append(each.name);
    return QStringLiteral("there is no stage '%1'%2").arg(stage, suggestion(stage, names));
}

Status checkNewJobName(const PipelineDocument &document, const QString &name)
{
    const Pipeline &pipeline = *document.pipeline();
    const int stage = pipeline.stageOf(name);
    if (stage >= 0)
        return Status::failure(QStringLiteral("there is already a job '%1', in stage '%2'")
                                   .arg(name, pipeline.stages.at(stage).name));
    if (name.trimmed().isEmpty())
        return Status::failure(QStringLiteral("a job's name must not be empty"));
    return {};
}

Status checkNewStageName(const PipelineDocument &document, const QString &name)
{
    for (const Stage &stage : document.pipeline()->stages) {
        if (stage.name == name)
            return Status::failure(QStringLiteral("there is already a stage '%1'").arg(name));
    }
    if (name.trimmed().isEmpty())
        return Status::failure(QStringLiteral("a stage's name must not be empty"));
    return {};
}

} // namespace pw::edit
