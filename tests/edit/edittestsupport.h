#pragma once

#include "core/edit/pipelinedocument.h"

#include <QByteArray>
#include <QString>

namespace pw::test {

// The bytes of tests/edit/data/NAME.
QByteArray editData(const QString &name);

// What changed from `before` to `after`, as the lines between their common first and last
// lines: "-old line" for each line taken away, then "+new line" for each line put in.
QString changedLines(const QByteArray &before, const QByteArray &after);

// The error message of a result that failed, for QVERIFY2, which reads it either way.
template<typename T>
QByteArray why(const Result<T> &result)
{
    return result ? QByteArray() : result.error().message.toUtf8();
}

// A document holding `text`.
edit::PipelineDocument documentOf(const QByteArray &text);

// Applies `edit` to a copy of `document` and checks, as a test failure, that the result
// is valid and that the inverse edit gives back the original bytes. Returns the copy.
edit::PipelineDocument appliedAndUndone(const edit::PipelineDocument &document,
                                        const edit::TextEdit &edit, bool *ok);

} // namespace pw::test
