#pragma once

#include "core/loader/pipelineloader.h"

#include <QByteArray>

#include <optional>

namespace pw::loader {

class DiagnosticSink;

// What every pipeline format shares at the edge between files and the model.

// A load that failed before the text could be read, with one diagnostic for the file.
LoadResult loadFailure(const QString &fileName, const QString &message);

// The bytes of a pipeline file, or (in *failure) why it cannot be read: a folder, an
// unreadable file, or one over the size limit (read no further than that, even from a
// device that never ends).
std::optional<QByteArray> readPipelineBytes(const QString &path, LoadResult *failure);

// A UTF-8 byte order mark is allowed but is not part of the text.
QByteArray withoutByteOrderMark(const QByteArray &text);

// The outcome of a read: every diagnostic, sorted, and the pipeline with its paths set when
// none of them is an error.
LoadResult finishLoad(std::optional<Pipeline> pipeline, DiagnosticSink &sink,
                      const QString &filePath, const QString &directory);

} // namespace pw::loader
