#include "pipelinefile.h"

#include "diagnosticsink.h"
#include "inputguard.h"
#include "limits.h"

#include <QFile>
#include <QFileInfo>

namespace pw::loader {

LoadResult loadFailure(const QString &fileName, const QString &message)
{
    LoadResult result;
    result.diagnostics.append(
        {Diagnostic::Severity::Error, SourceLocation{fileName, 0, 0}, message});
    return result;
}

std::optional<QByteArray> readPipelineBytes(const QString &path, LoadResult *failure)
{
    if (QFileInfo(path).isDir()) {
        *failure = loadFailure(path, QStringLiteral("cannot read '%1': it is a folder").arg(path));
        return std::nullopt;
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *failure =
            loadFailure(path, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    // One byte more than allowed tells a file over the limit without reading all of it.
    const QByteArray text = file.read(maxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        *failure =
            loadFailure(path, QStringLiteral("cannot read '%1': %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (text.size() > maxFileBytes) {
        *failure = loadFailure(path, fileTooLargeMessage());
        return std::nullopt;
    }
    return text;
}

QByteArray withoutByteOrderMark(const QByteArray &text)
{
    return text.startsWith("\xEF\xBB\xBF") ? text.mid(3) : text;
}

LoadResult finishLoad(std::optional<Pipeline> pipeline, DiagnosticSink &sink,
                      const QString &filePath, const QString &directory)
{
    LoadResult result;
    result.diagnostics = sink.takeSorted();
    if (pipeline && !hasErrors(result.diagnostics)) {
        pipeline->filePath = filePath;
        pipeline->directory = directory;
        result.pipeline = std::make_shared<const Pipeline>(std::move(*pipeline));
    }
    return result;
}

} // namespace pw::loader
