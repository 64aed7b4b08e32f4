#include "pipelineloader.h"

#include "inputguard.h"
#include "limits.h"
#include "loaderlog.h"
#include "nativeloader.h"
#include "validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/depthguard.h>

namespace pw {

namespace {

using loader::DiagnosticSink;
using loader::SourceText;
using loader::YamlReader;

// yaml-cpp's message, with a hint for the mistake behind many of its vaguer ones.
QString parserMessage(const SourceText &source, const YAML::Exception &exception)
{
    QString message = QStringLiteral("invalid YAML: ") + QString::fromStdString(exception.msg);
    const qsizetype lineStart = exception.mark.pos - exception.mark.column;
    for (qsizetype i = std::max<qsizetype>(lineStart, 0); i < source.bytes().size(); ++i) {
        const char c = source.bytes()[i];
        if (c == '\t')
            return message + QStringLiteral("; YAML does not allow tabs in indentation");
        if (c != ' ')
            break;
    }
    return message;
}

// Parses the first YAML document of the text; yaml-cpp's exceptions stop here. Only the
// first is parsed because yaml-cpp 0.7's LoadAll loops without end on some inputs (",").
std::optional<YAML::Node> parseFirstDocument(const SourceText &source, DiagnosticSink &sink)
{
    const QByteArray &bytes = source.bytes();
    YamlReader reader(source, sink);
    try {
        return YAML::Load(std::string(bytes.constData(), size_t(bytes.size())));
    } catch (const YAML::DeepRecursion &exception) {
        // yaml-cpp's own depth limit, with a misleading message of its own.
        sink.error(reader.locate(exception.mark),
                   QStringLiteral("lists and maps are nested too deeply here"));
    } catch (const YAML::Exception &exception) {
        sink.error(reader.locate(exception.mark), parserMessage(source, exception));
    } catch (const std::exception &exception) {
        sink.error(source.wholeFile(), QStringLiteral("the YAML parser failed: ")
                                           + QString::fromLocal8Bit(exception.what()));
    }
    return std::nullopt;
}

// Says why a document that is not a map cannot be a pipeline.
void reportNotAMap(const YAML::Node &root, const loader::PrescanResult &scan,
                   YamlReader &reader)
{
    const SourceText &source = reader.source();
    if (scan.firstContentAt < 0) {
        reader.sink().error(source.wholeFile(),
                            QStringLiteral("the file is empty; a pipeline file needs at least "
                                           "'name' and 'stages'"));
        return;
    }
    // yaml-cpp reads a document that starts with a stray ',' as nothing at all.
    const char first = source.at(scan.firstContentAt);
    if (root.IsNull() && first == ',') {
        reader.sink().error(source.locateOffset(scan.firstContentAt),
                            QStringLiteral("invalid YAML: unexpected ','"));
        return;
    }
    const SourceLocation where = root.IsNull() ? source.locateOffset(scan.firstContentAt)
                                               : reader.locate(root);
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
    const std::optional<YAML::Node> root = parseFirstDocument(source, sink);
    if (!root)
        return std::nullopt;

    YamlReader reader(source, sink);
    try {
        if (!root->IsMap()) {
            reportNotAMap(*root, *scan, reader);
            return std::nullopt;
        }
        Pipeline pipeline = loader::readNativePipeline(reader, *root);
        loader::validatePipeline(pipeline, sink);
        return pipeline;
    } catch (const std::exception &exception) {
        // The readers avoid yaml-cpp's throwing conversions; this is a last resort.
        sink.error(source.wholeFile(), QStringLiteral("the file could not be read: ")
                                           + QString::fromLocal8Bit(exception.what()));
    }
    return std::nullopt;
}

// A UTF-8 byte order mark is allowed but is not part of the text.
QByteArray withoutByteOrderMark(const QByteArray &text)
{
    return text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text;
}

LoadResult loadText(const QByteArray &text, const QString &fileName, const QString &filePath,
                    const QString &directory)
{
    QElapsedTimer timer;
    timer.start();
    const SourceText source(fileName, withoutByteOrderMark(text));
    DiagnosticSink sink;
    std::optional<Pipeline> pipeline = readPipeline(source, sink);

    LoadResult result;
    result.diagnostics = sink.takeSorted();
    if (pipeline && !hasErrors(result.diagnostics)) {
        pipeline->filePath = filePath;
        pipeline->directory = directory;
        result.pipeline = std::make_shared<const Pipeline>(std::move(*pipeline));
    }
    qCDebug(lcLoader) << "read" << fileName << "in" << timer.elapsed() << "ms:"
                      << result.diagnostics.size() << "diagnostics";
    return result;
}

LoadResult failure(const QString &fileName, const QString &message)
{
    LoadResult result;
    result.diagnostics.append({Diagnostic::Severity::Error, SourceLocation{fileName, 0, 0},
                               message});
    return result;
}

} // namespace

LoadResult loadPipelineFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return failure(path, QStringLiteral("cannot read '%1': it is a folder").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failure(path, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));

    // One byte more than allowed tells a file over the limit without reading all of it,
    // even from devices that never end.
    const QByteArray text = file.read(loader::maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return failure(path, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
    if (text.size() > loader::maxFileBytes)
        return failure(path, loader::fileTooLargeMessage());

    return loadText(text, path, info.absoluteFilePath(), info.absolutePath());
}

LoadResult loadPipelineText(const QByteArray &text, const QString &fileName,
                            const QString &directory)
{
    const QDir folder(directory);
    return loadText(text, fileName, folder.absoluteFilePath(fileName), folder.absolutePath());
}

} // namespace pw
