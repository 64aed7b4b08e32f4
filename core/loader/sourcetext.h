#pragma once

#include "core/util/diagnostic.h"

#include <QByteArray>

namespace pw::loader {

// The bytes of a pipeline file with its name, to turn parser positions into locations.
// YAML parsers count columns in bytes; people and editors count characters.
class SourceText
{
public:
    SourceText(const QString &fileName, const QByteArray &text);

    const QString &fileName() const { return m_fileName; }
    const QByteArray &bytes() const { return m_text; }

    // The location of the byte at `offset`, given its 0-based line and byte column.
    SourceLocation locate(qsizetype offset, int line, int byteColumn) const;
    // The location of the byte at `offset`, found by counting lines from the start.
    SourceLocation locateOffset(qsizetype offset) const;
    // A location with only the file name, for problems of the file as a whole.
    SourceLocation wholeFile() const { return SourceLocation{m_fileName, 0, 0}; }

    // The byte at `offset`, or 0 outside the text.
    char at(qsizetype offset) const;

private:
    QString m_fileName;
    QByteArray m_text;
};

} // namespace pw::loader
