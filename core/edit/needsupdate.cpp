#include "needsupdate.h"

#include "treeedits.h"

namespace pw::edit {

namespace {

using Kind = SyntaxNode::Kind;

// The needed name of each item of a `needs` value (one for a single text).
QList<QString> neededNames(const SyntaxTree &tree, int needs)
{
    const SyntaxNode &node = tree.node(needs);
    if (node.kind == Kind::Scalar)
        return {node.text};
    QList<QString> names;
    for (const int item : node.children) {
        const int name = node.kind == Kind::List ? needNameNode(tree, item) : -1;
        names.append(name >= 0 ? tree.node(name).text : QString());
    }
    return names;
}

} // namespace

int needNameNode(const SyntaxTree &tree, int item)
{
    const SyntaxNode &node = tree.node(item);
    if (node.kind == Kind::Scalar)
        return item;
    const int job = node.kind == Kind::Map ? tree.findValue(item, QStringLiteral("job")) : -1;
    return job >= 0 && tree.node(job).kind == Kind::Scalar ? job : -1;
}

void renameNeeds(SpliceBuilder &builder, const PipelineOutline &outline, const QString &from,
                 const QString &to)
{
    const SyntaxTree &tree = builder.tree();
    for (const StagePlace &stage : outline.stagePlaces) {
        for (const JobPlace &job : stage.jobPlaces) {
            const int needs = job.map >= 0 ? tree.findValue(job.map, QStringLiteral("needs")) : -1;
            if (needs < 0)
                continue;
            const SyntaxNode &node = tree.node(needs);
            const QList<int> items = node.kind == Kind::List ? node.children : QList<int>{needs};
            for (const int item : items) {
                const int name = needNameNode(tree, item);
                if (name >= 0 && tree.node(name).text == from)
                    replaceScalar(builder, name, to);
            }
        }
    }
}

Status dropNeeds(SpliceBuilder &builder, const PipelineOutline &outline, const QSet<QString> &jobs,
                 QSet<QString> &changed)
{
    const SyntaxTree &tree = builder.tree();
    for (const StagePlace &stage : outline.stagePlaces) {
        for (const JobPlace &job : stage.jobPlaces) {
            const int entry = job.map >= 0 ? tree.findEntry(job.map, QStringLiteral("needs")) : -1;
            if (entry < 0 || jobs.contains(job.name))
                continue;
            const int needs = tree.valueAt(job.map, entry);
            const QList<QString> names = neededNames(tree, needs);
            const auto dropped = [&jobs](const QString &name) { return jobs.contains(name); };
            const qsizetype count = std::count_if(names.begin(), names.end(), dropped);
            if (count == 0)
                continue;

            changed.insert(job.name);
            // A job that needed only what goes keeps `needs: []`: it still starts at once.
            if (count == names.size()) {
                const Status status =
                    replaceValue(builder, job.map, entry, PropertyValue(QStringList()));
                if (!status)
                    return status;
                continue;
            }
            // All at once: in brackets, the commas of neighbouring items overlap.
            QList<int> items;
            for (qsizetype i = 0; i < names.size(); ++i) {
                if (dropped(names.at(i)))
                    items.append(int(i));
            }
            if (const Status status = removeItems(builder, needs, items); !status)
                return status;
        }
    }
    return {};
}

} // namespace pw::edit
