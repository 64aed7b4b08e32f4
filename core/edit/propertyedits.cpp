#include "propertyedits.h"

#include "core/util/editdistance.h"
#include "editcheck.h"
#include "treeedits.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

// Where a property is edited: a map of the tree, and what the edit may change.
struct Target
{
    int map = -1;
    QString where; // "job 'lint'", for messages
    EditScope scope;
};

Status checkKey(const QString &key, const QStringList &known, const QString &what)
{
    if (known.contains(key))
        return {};
    const QString close = closestMatch(key, known);
    const QString hint = close.isEmpty() ? QStringLiteral("; they are: ") + known.join(", ")
                                         : QStringLiteral("; did you mean '%1'?").arg(close);
    return Status::failure(QStringLiteral("%1 have no property '%2'%3").arg(what, key, hint));
}

Result<Target> jobTarget(const PipelineDocument &document, const QString &job)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const JobPlace *place = document.outline().findJob(job);
    if (!place || place->map < 0)
        return Error{noSuchJob(document, job)};
    Target target{place->map, QStringLiteral("job '%1'").arg(job), {}};
    target.scope.changedJobs.insert(job);
    return target;
}

Result<Target> stageTarget(const PipelineDocument &document, const QString &stage)
{
    if (const Status editable = requireEditable(document); !editable)
        return Error{editable.error()};
    const StagePlace *place = document.outline().findStage(stage);
    if (!place || place->map < 0)
        return Error{noSuchStage(document, stage)};
    Target target{place->map, QStringLiteral("stage '%1'").arg(stage), {}};
    target.scope.changedStages.insert(stage);
    return target;
}

// The map under `key` of the target, which must be its own (not an alias); -1 if the key
// is not there.
Result<int> ownMap(const SyntaxTree &tree, const Target &target, const QString &key)
{
    const int value = tree.findValue(target.map, key);
    if (value < 0)
        return -1;
    const SyntaxNode &node = tree.node(value);
    if (node.kind == Kind::Map)
        return value;
    const QString written = QString::fromUtf8(tree.text().mid(node.start, node.end - node.start));
    return Error{QStringLiteral("'%1' of %2 is written as '%3' (line %4), not as a map of its "
                                "own; edit it by hand")
                     .arg(key, target.where, written)
                     .arg(tree.lines().lineOf(node.start) + 1)};
}

Result<TextEdit> setIn(const PipelineDocument &document, const Target &target, const QString &key,
                       const PropertyValue &value)
{
    SpliceBuilder builder(*document.syntaxTree(), document.layout());
    if (const Status set = setEntry(builder, target.map, key, value); !set)
        return Error{set.error()};
    return checkedEdit(document, builder, target.scope);
}

Result<TextEdit> removeFrom(const PipelineDocument &document, const Target &target,
                            const QString &key)
{
    const SyntaxTree &tree = *document.syntaxTree();
    const int entry = tree.findEntry(target.map, key);
    if (entry < 0 && tree.hasMergeKey(target.map))
        return Error{QStringLiteral("%1 has no '%2' of its own; if it takes one from a merge "
                                    "key ('<<'), edit that by hand")
                         .arg(target.where, key)};
    if (entry < 0)
        return Error{QStringLiteral("%1 has no '%2'").arg(target.where, key)};

    SpliceBuilder builder(tree, document.layout());
    if (const Status removed = removeEntry(builder, target.map, entry); !removed)
        return Error{removed.error()};
    return checkedEdit(document, builder, target.scope);
}

// Sets `key` in the map the target holds under `parent` (its env, its gate), writing that
// map with this one entry when the target has none yet.
Result<TextEdit> setInNested(const PipelineDocument &document, const Target &target,
                             const QString &parent, const QString &key, const PropertyValue &value)
{
    const Result<int> nested = ownMap(*document.syntaxTree(), target, parent);
    if (!nested)
        return Error{nested.error()};
    if (*nested < 0)
        return setIn(document, target, parent, PropertyValue::map({key}, {value}));

    Target inside = target;
    inside.map = *nested;
    return setIn(document, inside, key, value);
}

// The map the target holds under `parent`, as a target named "the PARENT of ..."; fails
// with `missing` when there is none.
Result<Target> nestedTarget(const SyntaxTree &tree, const Target &target, const QString &parent,
                            const QString &missing)
{
    const Result<int> nested = ownMap(tree, target, parent);
    if (!nested)
        return Error{nested.error()};
    if (*nested < 0)
        return Error{missing.arg(target.where)};

    Target inside = target;
    inside.map = *nested;
    inside.where = QStringLiteral("the %1 of %2").arg(parent, target.where);
    return inside;
}

} // namespace

QStringList jobPropertyNames()
{
    return {"commands", "shell",  "env",   "timeout",   "retry",   "allow_failure", "when",    "if",
            "needs",    "matrix", "cache", "artifacts", "secrets", "resource",      "isolated"};
}

QStringList stagePropertyNames()
{
    return {"if", "gate", "resource"};
}

QStringList gatePropertyNames()
{
    return {"approvers", "required", "timeout", "on_timeout", "allow_self_approval"};
}

Result<TextEdit> setJobProperty(const PipelineDocument &document, const QString &job,
                                const QString &key, const PropertyValue &value)
{
    if (key == QLatin1String("name"))
        return Error{QStringLiteral("a job's name is changed by renaming the job")};
    if (const Status known = checkKey(key, jobPropertyNames(), QStringLiteral("jobs")); !known)
        return Error{known.error()};
    const Result<Target> target = jobTarget(document, job);
    if (!target)
        return Error{target.error()};
    return setIn(document, *target, key, value);
}

Result<TextEdit> removeJobProperty(const PipelineDocument &document, const QString &job,
                                   const QString &key)
{
    if (key == QLatin1String("name") || key == QLatin1String("commands"))
        return Error{QStringLiteral("'%1' cannot be removed: every job has one").arg(key)};
    if (const Status known = checkKey(key, jobPropertyNames(), QStringLiteral("jobs")); !known)
        return Error{known.error()};
    const Result<Target> target = jobTarget(document, job);
    if (!target)
        return Error{target.error()};
    return removeFrom(document, *target, key);
}

Result<TextEdit> setJobEnv(const PipelineDocument &document, const QString &job,
                           const QString &name, const QString &value)
{
    const Result<Target> target = jobTarget(document, job);
    if (!target)
        return Error{target.error()};
    return setInNested(document, *target, QStringLiteral("env"), name, value);
}

Result<TextEdit> removeJobEnv(const PipelineDocument &document, const QString &job,
                              const QString &name)
{
    const Result<Target> target = jobTarget(document, job);
    if (!target)
        return Error{target.error()};
    const SyntaxTree &tree = *document.syntaxTree();
    const Result<Target> env =
        nestedTarget(tree, *target, QStringLiteral("env"), QStringLiteral("%1 has no 'env'"));
    if (!env)
        return Error{env.error()};

    // The last variable takes its `env` key with it.
    if (tree.entryCount(env->map) == 1 && tree.findEntry(env->map, name) == 0)
        return removeFrom(document, *target, QStringLiteral("env"));
    return removeFrom(document, *env, name);
}

Result<TextEdit> setStageProperty(const PipelineDocument &document, const QString &stage,
                                  const QString &key, const PropertyValue &value)
{
    if (key == QLatin1String("name") || key == QLatin1String("jobs"))
        return Error{
            QStringLiteral("a stage's '%1' is changed by the stage and job edits").arg(key)};
    if (const Status known = checkKey(key, stagePropertyNames(), QStringLiteral("stages")); !known)
        return Error{known.error()};
    const Result<Target> target = stageTarget(document, stage);
    if (!target)
        return Error{target.error()};
    return setIn(document, *target, key, value);
}

Result<TextEdit> removeStageProperty(const PipelineDocument &document, const QString &stage,
                                     const QString &key)
{
    if (const Status known = checkKey(key, stagePropertyNames(), QStringLiteral("stages")); !known)
        return Error{known.error()};
    const Result<Target> target = stageTarget(document, stage);
    if (!target)
        return Error{target.error()};
    return removeFrom(document, *target, key);
}

Result<TextEdit> setGateProperty(const PipelineDocument &document, const QString &stage,
                                 const QString &key, const PropertyValue &value)
{
    if (const Status known = checkKey(key, gatePropertyNames(), QStringLiteral("gates")); !known)
        return Error{known.error()};
    const Result<Target> target = stageTarget(document, stage);
    if (!target)
        return Error{target.error()};
    return setInNested(document, *target, QStringLiteral("gate"), key, value);
}

Result<TextEdit> removeGateProperty(const PipelineDocument &document, const QString &stage,
                                    const QString &key)
{
    if (const Status known = checkKey(key, gatePropertyNames(), QStringLiteral("gates")); !known)
        return Error{known.error()};
    const Result<Target> target = stageTarget(document, stage);
    if (!target)
        return Error{target.error()};
    const Result<Target> gate = nestedTarget(
        *document.syntaxTree(), *target, QStringLiteral("gate"), QStringLiteral("%1 has no gate"));
    if (!gate)
        return Error{gate.error()};
    return removeFrom(document, *gate, key);
}

} // namespace pw::edit
