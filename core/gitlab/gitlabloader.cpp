#include "gitlabloader.h"

#include "core/loader/limits.h"
#include "core/loader/pipelinefile.h"
#include "core/loader/validator.h"
#include "gitlablog.h"
#include "jobreader.h"
#include "resolver.h"
#include "rulesreader.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>

namespace pw {

namespace {

using gitlab::DocEntry;
using gitlab::DocNode;
using gitlab::ValueReader;
using loader::DiagnosticSink;

// Room for large generated files; a small file that aliases its way past this is hostile.
constexpr qint64 maxNodes = 2'000'000;

QString scriptShell()
{
    // GitLab's shell runners use bash where there is one.
    static const QString shell = QStandardPaths::findExecutable(QStringLiteral("bash")).isEmpty()
                                     ? QStringLiteral("sh")
                                     : QStringLiteral("bash");
    return shell;
}

QStringList readStageNames(ValueReader &reader, const DocNode &root)
{
    QStringList names;
    const DocNode *stages = root.find(QStringLiteral("stages"));
    if (!stages)
        stages = root.find(QStringLiteral("types"));
    if (stages) {
        names = reader.textList(*stages, QStringLiteral("stages")).value_or(QStringList());
    } else {
        names = {QStringLiteral("build"), QStringLiteral("test"), QStringLiteral("deploy")};
    }
    names.removeAll(QStringLiteral(".pre"));
    names.removeAll(QStringLiteral(".post"));
    names.removeDuplicates();
    return QStringList{QStringLiteral(".pre")} + names + QStringList{QStringLiteral(".post")};
}

// `default:`, with the old top-level forms of its keys where it does not give them.
DocNode readDefaults(ValueReader &reader, const DocNode &root)
{
    DocNode defaults;
    defaults.kind = DocNode::Kind::Map;
    if (const DocNode *given = root.find(QStringLiteral("default"))) {
        if (given->isMap()) {
            reader.entries(*given, gitlab::defaultKeys(), QStringLiteral("'default'"));
            defaults = *given;
        } else if (!given->isNull()) {
            reader.error(
                *given,
                QStringLiteral("'default' must be a map, got %1").arg(gitlab::describe(*given)));
        }
    }
    for (const char *key : {"before_script", "after_script", "image", "services", "cache"}) {
        const QString name = QString::fromLatin1(key);
        const DocNode *global = root.find(name);
        if (global && !defaults.find(name))
            defaults.set(name, global->location, *global);
    }
    return defaults;
}

void readWorkflow(ValueReader &reader, const DocNode &workflow, Pipeline &pipeline)
{
    if (!workflow.isMap()) {
        reader.error(
            workflow,
            QStringLiteral("'workflow' must be a map, got %1").arg(gitlab::describe(workflow)));
        return;
    }
    static const QStringList keys = {"rules", "name", "auto_cancel"};
    for (const DocEntry &entry : reader.entries(workflow, keys, QStringLiteral("'workflow'"))) {
        if (entry.key == QLatin1String("rules")) {
            pipeline.workflowRules =
                gitlab::readRules(reader, entry.value, "'workflow'", true).value_or(QList<Rule>());
        } else if (entry.key == QLatin1String("name")) {
            pipeline.name = reader.text(entry.value, entry.key).value_or(pipeline.name);
        }
    }
}

void addJob(ValueReader &reader, gitlab::JobDeclaration declaration, Pipeline &pipeline)
{
    for (Stage &stage : pipeline.stages) {
        if (stage.name == declaration.stage) {
            stage.jobs.append(std::move(declaration.job));
            return;
        }
    }
    QStringList names;
    for (const Stage &stage : pipeline.stages)
        names.append(stage.name);
    QString hint = reader.sink().didYouMean(declaration.stage, names);
    if (hint.isEmpty())
        hint = QStringLiteral("; the stages are ") + names.join(QStringLiteral(", "));
    reader.sink().error(declaration.stageLocation,
                        QStringLiteral("job '%1' is in stage '%2', which is not in 'stages'%3")
                            .arg(declaration.job.name, declaration.stage, hint));
}

void readTopLevel(ValueReader &reader, const DocNode &root, Pipeline &pipeline)
{
    for (const QString &stage : readStageNames(reader, root))
        pipeline.stages.append(Stage{stage, root.location, {}, {}, {}, {}});
    if (const DocNode *variables = root.find(QStringLiteral("variables")))
        pipeline.variables = reader.variables(*variables, "variables").value_or(Variables());
    if (const DocNode *workflow = root.find(QStringLiteral("workflow")))
        readWorkflow(reader, *workflow, pipeline);

    const gitlab::JobDefaults defaults{readDefaults(reader, root), scriptShell()};
    for (const DocEntry &entry : root.entries) {
        if (entry.key == QLatin1String("image") || entry.key == QLatin1String("services")) {
            reader.sink().warning(entry.keyLocation, QStringLiteral("'%1' is ignored: Pipewright "
                                                                    "runs jobs on this machine")
                                                         .arg(entry.key));
        }
        if (gitlab::reservedTopLevelKeys().contains(entry.key)
            || entry.key.startsWith(QLatin1Char('.'))) {
            continue;
        }
        if (std::optional<gitlab::JobDeclaration> job = gitlab::readJob(reader, entry, defaults))
            addJob(reader, std::move(*job), pipeline);
    }
}

// GitLab shows no empty stages, and an optional need of a job that is not declared at all
// can never be met.
void tidy(Pipeline &pipeline)
{
    pipeline.stages.removeIf([](const Stage &stage) { return stage.jobs.isEmpty(); });
    for (Stage &stage : pipeline.stages) {
        for (Job &job : stage.jobs) {
            job.needs.removeIf(
                [&](const JobNeed &need) { return need.optional && !pipeline.findJob(need.job); });
        }
    }
}

std::optional<Pipeline> readPipeline(const loader::SourceText &source, const QString &directory,
                                     DiagnosticSink &sink)
{
    gitlab::NodeBudget budget(maxNodes);
    std::optional<DocNode> document = gitlab::parseDocument(source, sink, budget);
    if (!document)
        return std::nullopt;
    if (!document->isMap()) {
        sink.error(document->isNull() ? source.wholeFile() : document->location,
                   QStringLiteral("a GitLab CI file must be a map of jobs and keywords, got %1")
                       .arg(gitlab::describe(*document)));
        return std::nullopt;
    }

    const gitlab::ResolveInput input{directory, sink, budget};
    DocNode root = gitlab::resolveIncludes(*document, input);
    root = gitlab::resolveReferences(root, input);
    root = gitlab::resolveExtends(root, input);
    if (budget.exhausted())
        return std::nullopt;

    Pipeline pipeline;
    pipeline.format = Pipeline::Format::GitLab;
    // In GitLab a failure skips later stages; the failed job's own stage runs on.
    pipeline.afterFailure = Pipeline::AfterFailure::SkipLaterStages;
    pipeline.name = QFileInfo(directory).fileName();
    ValueReader reader(sink);
    readTopLevel(reader, root, pipeline);
    tidy(pipeline);
    if (pipeline.stages.isEmpty() && !sink.hasErrors()) {
        sink.error(source.wholeFile(), QStringLiteral("the file has no jobs to run (jobs whose "
                                                      "names start with '.' are templates)"));
    }
    loader::validatePipeline(pipeline, sink);
    return pipeline;
}

LoadResult loadText(const QByteArray &text, const QString &fileName, const QString &filePath,
                    const QString &directory)
{
    QElapsedTimer timer;
    timer.start();
    const loader::SourceText source(fileName, loader::withoutByteOrderMark(text));
    DiagnosticSink sink;
    LoadResult result =
        loader::finishLoad(readPipeline(source, directory, sink), sink, filePath, directory);
    qCDebug(lcGitLab) << "read" << fileName << "in" << timer.elapsed()
                      << "ms:" << result.diagnostics.size() << "diagnostics";
    return result;
}

} // namespace

LoadResult loadGitLabFile(const QString &path)
{
    LoadResult failure;
    const std::optional<QByteArray> text = loader::readPipelineBytes(path, &failure);
    if (!text)
        return failure;
    const QFileInfo info(path);
    return loadText(*text, path, info.absoluteFilePath(), info.absolutePath());
}

LoadResult loadGitLabText(const QByteArray &text, const QString &fileName, const QString &directory)
{
    const QDir folder(directory);
    return loadText(text, fileName, folder.absoluteFilePath(fileName), folder.absolutePath());
}

bool isGitLabFile(const QString &path)
{
    static const QRegularExpression name(
        QStringLiteral("^(.*\\.gitlab-ci|\\.gitlab-ci([-_.].*)?)\\.ya?ml$"));
    return name.match(QFileInfo(path).fileName()).hasMatch();
}

} // namespace pw
