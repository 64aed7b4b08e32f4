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
    const Result<int> env = ownMap(*document.syntaxTree(), *target, QStringLiteral("env"));
    if (!env)
        return Error{env.error()};
    if (*env < 0)
        return setIn(document, *target, QStringLiteral("env"), PropertyValue::map({name}, {value}));

    Target inEnv = *target;
    inEnv.map = *env;
    return setIn(document, inEnv, name, value);
}

Result<TextEdit> removeJobEnv(const PipelineDocument &document, const QString &job,
                              const QString &name)
{
    const Result<Target> target = jobTarget(document, job);
    if (!target)
        return Error{target.error()};
    const SyntaxTree &tree = *document.syntaxTree();
    const Result<int> env = ownMap(tree, *target, QStringLiteral("env"));
    if (!env)
        return Error{env.error()};
    if (*env < 0)
        return Error{QStringLiteral("%1 has no 'env'").arg(target->where)};

    // The last variable takes its `env` key with it.
    if (tree.entryCount(*env) == 1 && tree.findEntry(*env, name) == 0)
        return removeFrom(document, *target, QStringLiteral("env"));
    Target inEnv = *target;
    inEnv.map = *env;
    inEnv.where = QStringLiteral("the env of ") + target->where;
    return removeFrom(document, inEnv, name);
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
    const Result<int> gate = ownMap(*document.syntaxTree(), *target, QStringLiteral("gate"));
    if (!gate)
        return Error{gate.error()};
    if (*gate < 0)
        return setIn(document, *target, QStringLiteral("gate"), PropertyValue::map({key}, {value}));

    Target inGate = *target;
    inGate.map = *gate;
    return setIn(document, inGate, key, value);
}

Result<TextEdit> removeGateProperty(const PipelineDocument &document, const QString &stage,
                                    const QString &key)
{
    if (const Status known = checkKey(key, gatePropertyNames(), QStringLiteral("gates")); !known)
        return Error{known.error()};
    const Result<Target> target = stageTarget(document, stage);
    if (!target)
        return Error{target.error()};
    const Result<int> gate = ownMap(*document.syntaxTree(), *target, QStringLiteral("gate"));
    if (!gate)
        return Error{gate.error()};
    if (*gate < 0)
        return Error{QStringLiteral("%1 has no gate").arg(target->where)};

    Target inGate = *target;
    inGate.map = *gate;
    inGate.where = QStringLiteral("the gate of ") + target->where;
    return removeFrom(document, inGate, key);
}

} // namespace pw::edit
