#include "pipelineloader.h"

#include "inputguard.h"
#include "limits.h"
#include "loaderlog.h"
#include "nativeloader.h"
#include "pipelinefile.h"
#include "validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace pw {

namespace {

using loader::DiagnosticSink;
using loader::SourceText;
using loader::YamlNode;
using loader::YamlReader;

// The parser's message, with a hint for the mistake behind many of its vaguer ones.
QString syntaxMessage(const SourceText &source, const loader::YamlSyntaxError &error)
{
    if (!error.invalidYaml)
        return error.message;
    QString message = QStringLiteral("invalid YAML: ") + error.message;
    const qsizetype lineStart = error.mark.offset - error.mark.column;
    for (qsizetype i = lineStart; lineStart >= 0 && i < source.bytes().size(); ++i) {
        const char c = source.bytes()[i];
        if (c == '\t')
            return message + QStringLiteral("; YAML does not allow tabs in indentation");
        if (c != ' ')
            break;
    }
    return message;
}

// Says why a document that is not a map cannot be a pipeline.
void reportNotAMap(const YamlNode &root, const loader::PrescanResult &scan, YamlReader &reader)
{
    const SourceText &source = reader.source();
    if (scan.firstContentAt < 0) {
        reader.sink().error(source.wholeFile(),
                            QStringLiteral("the file is empty; a pipeline file needs at least "
                                           "'name' and 'stages'"));
        return;
    }
    // yaml-cpp reads a document that starts with a stray ',' as nothing at all.
    if (root.isNull() && source.at(scan.firstContentAt) == ',') {
        reader.sink().error(source.locateOffset(scan.firstContentAt),
                            QStringLiteral("invalid YAML: unexpected ','"));
        return;
    }
    const SourceLocation where =
        root.isNull() ? source.locateOffset(scan.firstContentAt) : reader.locate(root);
    reader.sink().error(where, QStringLiteral("the top level of a pipeline file must be a map "
                                              "with keys such as 'name' and 'stages', got %1")
                                   .arg(loader::describe(root)));
}

// Reads and validates the text; the pipeline has no paths yet.
std::optional<Pipeline> readPipeline(const SourceText &source, DiagnosticSink &sink)
{
    const std::optional<loader::PrescanResult> scan = loader::checkInput(source, sink);
    if (!scan)
        return std::nullopt;
    // The parser reads the first document only; the rest would be ignored without a word.
    if (scan->secondDocumentAt >= 0) {
        sink.error(source.locateOffset(scan->secondDocumentAt),
                   QStringLiteral("the file holds more than one YAML document; a pipeline file "
                                  "holds one"));
    }
    const loader::YamlParseResult parsed =
        loader::parseFirstYamlDocument(source.bytes(), loader::maxNodes);
    YamlReader reader(source, sink);
    if (parsed.error) {
        sink.error(reader.locate(parsed.error->mark), syntaxMessage(source, *parsed.error));
        return std::nullopt;
    }

    const YamlNode root = parsed.document ? parsed.document->root() : YamlNode();
    if (!root.isMap()) {
        reportNotAMap(root, *scan, reader);
        return std::nullopt;
    }
    Pipeline pipeline = loader::readNativePipeline(reader, root);
    loader::validatePipeline(pipeline, sink);
    return pipeline;
}

LoadResult loadText(const QByteArray &text, const QString &fileName, const QString &filePath,
                    const QString &directory)
{
    QElapsedTimer timer;
    timer.start();
    const SourceText source(fileName, loader::withoutByteOrderMark(text));
    DiagnosticSink sink;
    LoadResult result = loader::finishLoad(readPipeline(source, sink), sink, filePath, directory);
    qCDebug(lcLoader) << "read" << fileName << "in" << timer.elapsed()
                      << "ms:" << result.diagnostics.size() << "diagnostics";
    return result;
}

} // namespace

LoadResult loadPipelineFile(const QString &path)
{
    LoadResult failure;
    const std::optional<QByteArray> text = loader::readPipelineBytes(path, &failure);
    if (!text)
        return failure;
    const QFileInfo info(path);
    return loadText(*text, path, info.absoluteFilePath(), info.absolutePath());
}

LoadResult loadPipelineText(const QByteArray &text, const QString &fileName,
                            const QString &directory)
{
    const QDir folder(directory);
    return loadText(text, fileName, folder.absoluteFilePath(fileName), folder.absolutePath());
}

} // namespace pw
