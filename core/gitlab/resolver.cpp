#include "resolver.h"

#include "core/expr/globpattern.h"
#include "core/loader/limits.h"
#include "gitlablog.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSet>

namespace pw::gitlab {

namespace {

using loader::DiagnosticSink;

// A wildcard include looks at no more files than this, so a huge tree cannot stall loading.
constexpr int maxFilesScanned = 20000;

// Reads one included file; nothing, with the problem reported, when it cannot be read.
std::optional<DocNode> readIncludedFile(const QString &path, const QString &shownName,
                                        const SourceLocation &includedAt, const ResolveInput &input)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        input.sink.error(
            includedAt,
            QStringLiteral("cannot include '%1': %2").arg(shownName, file.errorString()));
        return std::nullopt;
    }
    const QByteArray text = file.read(loader::maxFileBytes + 1);
    const loader::SourceText source(shownName, text);
    std::optional<DocNode> root = parseDocument(source, input.sink, input.budget);
    if (root && !root->isMap() && !root->isNull()) {
        input.sink.error(root->location, QStringLiteral("an included file must be a map of "
                                                        "jobs and keywords, got %1")
                                             .arg(describe(*root)));
        return std::nullopt;
    }
    return root;
}

// The project-relative files a `local:` include names; a pattern with `*` may name several.
QStringList localFiles(const QString &pattern, const SourceLocation &at, const ResolveInput &input)
{
    QString relative = pattern;
    while (relative.startsWith(QLatin1Char('/')))
        relative.remove(0, 1);
    if (!relative.contains(QLatin1Char('*')))
        return {relative};

    const Result<expr::GlobPattern> glob = expr::GlobPattern::compile(relative);
    if (!glob) {
        input.sink.error(
            at,
            QStringLiteral("invalid include pattern '%1': %2").arg(pattern, glob.error().message));
        return {};
    }
    QStringList matches;
    const QDir root(input.projectDirectory);
    QDirIterator it(input.projectDirectory, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    for (int scanned = 0; it.hasNext() && scanned < maxFilesScanned; ++scanned) {
        const QString file = root.relativeFilePath(it.next());
        if (glob->matches(file))
            matches.append(file);
    }
    matches.sort();
    if (matches.isEmpty())
        input.sink.warning(at, QStringLiteral("include pattern '%1' matches no file").arg(pattern));
    return matches;
}

class IncludeResolver
{
public:
    explicit IncludeResolver(const ResolveInput &input)
        : m_input(input)
    {}

    DocNode resolve(const DocNode &root, int depth)
    {
        const DocNode *include = root.isMap() ? root.find(QStringLiteral("include")) : nullptr;
        if (!include)
            return root;

        DocNode merged;
        merged.kind = DocNode::Kind::Map;
        merged.location = root.location;
        const QList<DocNode> items = include->isList() ? include->items : QList<DocNode>{*include};
        for (const DocNode &item : items) {
            for (const DocNode &included : includedRoots(item, depth))
                merged = deepMerge(merged, included);
        }

        DocNode own = root;
        own.remove(QStringLiteral("include"));
        return deepMerge(merged, own);
    }

private:
    QList<DocNode> includedRoots(const DocNode &item, int depth)
    {
        QString local;
        if (item.isText()) {
            local = item.text;
            if (local.startsWith(QLatin1String("http://"))
                || local.startsWith(QLatin1String("https://"))) {
                unsupported(item, QStringLiteral("remote"));
                return {};
            }
        } else if (item.isMap() && item.find(QStringLiteral("local"))) {
            const DocNode &value = *item.find(QStringLiteral("local"));
            if (!value.isText()) {
                m_input.sink.error(
                    value.location,
                    QStringLiteral("'local' must be a path, got %1").arg(describe(value)));
                return {};
            }
            local = value.text;
            if (item.find(QStringLiteral("rules"))) {
                m_input.sink.warning(item.location,
                                     QStringLiteral("include rules are not evaluated; '%1' is "
                                                    "always included")
                                         .arg(local));
            }
        } else if (item.isMap() && !item.entries.isEmpty()) {
            unsupported(item, item.entries.first().key);
            return {};
        } else {
            m_input.sink.error(item.location, QStringLiteral("each include must be a path or a "
                                                             "map with 'local', got %1")
                                                  .arg(describe(item)));
            return {};
        }

        QList<DocNode> roots;
        for (const QString &file : localFiles(local, item.location, m_input)) {
            if (std::optional<DocNode> root = includeFile(file, item.location, depth))
                roots.append(*root);
        }
        return roots;
    }

    std::optional<DocNode> includeFile(const QString &file, const SourceLocation &at, int depth)
    {
        if (depth >= maxIncludeDepth || m_count >= maxIncludedFiles) {
            m_input.sink.error(at, QStringLiteral("too many includes: at most %1 files, %2 "
                                                  "levels deep")
                                       .arg(maxIncludedFiles)
                                       .arg(maxIncludeDepth));
            return std::nullopt;
        }
        const QString path = QDir(m_input.projectDirectory).absoluteFilePath(file);
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (!canonical.isEmpty() && m_seen.contains(canonical)) {
            m_input.sink.warning(at, QStringLiteral("'%1' is included more than once; it is "
                                                    "read once")
                                         .arg(file));
            return std::nullopt;
        }
        m_seen.insert(canonical);
        ++m_count;
        qCDebug(lcGitLab) << "including" << file;

        std::optional<DocNode> root = readIncludedFile(path, file, at, m_input);
        if (!root)
            return std::nullopt;
        return resolve(*root, depth + 1);
    }

    void unsupported(const DocNode &item, const QString &kind)
    {
        m_input.sink.warning(item.location,
                             QStringLiteral("include of kind '%1' is not supported: Pipewright "
                                            "includes local files only; it is left out")
                                 .arg(kind));
    }

    const ResolveInput &m_input;
    QSet<QString> m_seen;
    int m_count = 0;
};

class ReferenceResolver
{
public:
    ReferenceResolver(const DocNode &root, const ResolveInput &input)
        : m_root(root)
        , m_input(input)
    {}

    DocNode resolve(const DocNode &node, int depth)
    {
        if (node.tag == QLatin1String("!reference"))
            return lookUp(node, depth);

        DocNode result = node;
        for (DocNode &item : result.items)
            item = resolve(item, depth);
        for (DocEntry &entry : result.entries)
            entry.value = resolve(entry.value, depth);
        return result;
    }

private:
    DocNode lookUp(const DocNode &reference, int depth)
    {
        QStringList path;
        for (const DocNode &item : reference.items) {
            if (item.isText())
                path.append(item.text);
        }
        if (!reference.isList() || path.isEmpty() || path.size() != reference.items.size()) {
            return fail(reference, QStringLiteral("!reference takes a list of names, as in "
                                                  "!reference [.setup, script]"));
        }
        if (depth >= maxReferenceDepth) {
            return fail(reference, QStringLiteral("!reference is nested more than %1 levels "
                                                  "deep (a circular reference?)")
                                       .arg(maxReferenceDepth));
        }

        const DocNode *target = &m_root;
        for (const QString &name : path) {
            target = target->isMap() ? target->find(name) : nullptr;
            if (!target) {
                return fail(reference, QStringLiteral("!reference [%1]: '%2' is not defined")
                                           .arg(path.join(QStringLiteral(", ")), name));
            }
        }
        if (!m_input.budget.spend(nodeCount(*target), reference.location, m_input.sink))
            return DocNode{};
        return resolve(*target, depth + 1);
    }

    DocNode fail(const DocNode &reference, const QString &message)
    {
        m_input.sink.error(reference.location, message);
        DocNode nothing;
        nothing.location = reference.location;
        return nothing;
    }

    const DocNode &m_root;
    const ResolveInput &m_input;
};

class ExtendsResolver
{
public:
    ExtendsResolver(const DocNode &root, const ResolveInput &input)
        : m_root(root)
        , m_input(input)
    {
        for (const DocEntry &entry : root.entries)
            m_names.append(entry.key);
    }

    DocNode resolve(const QString &name, const DocNode &job, int depth)
    {
        const auto done = m_resolved.constFind(name);
        if (done != m_resolved.cend())
            return *done;
        const DocNode *extends = job.isMap() ? job.find(QStringLiteral("extends")) : nullptr;
        if (!extends)
            return job;

        DocNode merged;
        merged.kind = DocNode::Kind::Map;
        merged.location = job.location;
        m_inProgress.insert(name);
        for (const DocNode &parent : parentsOf(*extends))
            merged = deepMerge(merged, resolveParent(name, parent, depth));
        m_inProgress.remove(name);

        DocNode own = job;
        own.remove(QStringLiteral("extends"));
        merged = deepMerge(merged, own);
        m_input.budget.spend(nodeCount(merged), job.location, m_input.sink);
        m_resolved.insert(name, merged);
        return merged;
    }

private:
    QList<DocNode> parentsOf(const DocNode &extends)
    {
        QList<DocNode> parents;
        const QList<DocNode> items = extends.isList() ? extends.items : QList<DocNode>{extends};
        for (const DocNode &item : items) {
            if (item.isText() && !item.text.isEmpty()) {
                parents.append(item);
                continue;
            }
            m_input.sink.error(item.location, QStringLiteral("'extends' names jobs or templates, "
                                                             "got %1")
                                                  .arg(describe(item)));
        }
        return parents;
    }

    DocNode resolveParent(const QString &child, const DocNode &parent, int depth)
    {
        const QString &name = parent.text;
        const DocNode *spec = m_root.find(name);
        DocNode nothing;
        if (!spec || !spec->isMap() || reservedTopLevelKeys().contains(name)) {
            m_input.sink.error(parent.location,
                               QStringLiteral("'%1' extends '%2', which is not defined%3")
                                   .arg(child, name, m_input.sink.didYouMean(name, m_names)));
            return nothing;
        }
        if (m_inProgress.contains(name)) {
            m_input.sink.error(parent.location,
                               QStringLiteral("'%1' extends '%2', which extends it in turn: "
                                              "extends may not form a cycle")
                                   .arg(child, name));
            return nothing;
        }
        if (depth + 1 >= maxExtendsDepth) {
            m_input.sink.error(parent.location,
                               QStringLiteral("'%1': extends is nested more than %2 levels deep")
                                   .arg(child)
                                   .arg(maxExtendsDepth));
            return nothing;
        }
        return resolve(name, *spec, depth + 1);
    }

    const DocNode &m_root;
    const ResolveInput &m_input;
    QStringList m_names;
    QHash<QString, DocNode> m_resolved;
    QSet<QString> m_inProgress;
};

} // namespace

const QStringList &reservedTopLevelKeys()
{
    static const QStringList keys = {
        "stages", "types",    "variables",     "workflow",     "default", "include",
        "image",  "services", "before_script", "after_script", "cache",   "spec",
    };
    return keys;
}

DocNode deepMerge(const DocNode &base, const DocNode &over)
{
    if (!base.isMap() || !over.isMap())
        return over;

    DocNode result = base;
    for (const DocEntry &entry : over.entries) {
        DocNode *existing = result.find(entry.key);
        if (existing)
            *existing = deepMerge(*existing, entry.value);
        else
            result.entries.append(entry);
    }
    return result;
}

DocNode resolveIncludes(const DocNode &root, const ResolveInput &input)
{
    return IncludeResolver(input).resolve(root, 0);
}

DocNode resolveReferences(const DocNode &root, const ResolveInput &input)
{
    return ReferenceResolver(root, input).resolve(root, 0);
}

DocNode resolveExtends(const DocNode &root, const ResolveInput &input)
{
    if (!root.isMap())
        return root;

    ExtendsResolver resolver(root, input);
    DocNode result = root;
    for (DocEntry &entry : result.entries) {
        if (reservedTopLevelKeys().contains(entry.key) || input.budget.exhausted())
            continue;
        entry.value = resolver.resolve(entry.key, entry.value, 0);
    }
    return result;
}

} // namespace pw::gitlab
