#pragma once

#include "core/store/records.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace pw::gui {

// The lines of one attempt's log, kept compactly: the bytes in blocks of about a megabyte and
// where each line starts (four bytes a line), so a log costs little more than its size.
// Copies are cheap and share the blocks; appending to one copy leaves the others as they
// were, so a copy taken on the GUI thread may be read on another while the log grows.
class LogText
{
public:
    // Output is copied into blocks of this size; a larger chunk becomes a block of its own.
    static constexpr qsizetype blockBytes = 1 << 20;

    // Adds the lines of `chunk` not yet held, judged by their numbers: a chunk seen live and
    // read back from the store adds nothing twice. A chunk past the last line held is added
    // right after it. Returns how many lines were added.
    qint64 append(const LogChunk &chunk);
    void clear() { *this = LogText(); }

    qint64 lineCount() const { return m_lineCount; }
    qint64 byteCount() const { return m_byteCount; }
    // The bytes of the longest line held, escape sequences included.
    qsizetype longestLine() const { return m_longestLine; }
    // The line as printed, escape sequences and newline included; empty past the end. The
    // view is valid until this copy of the text is changed.
    QByteArrayView rawLine(qint64 line) const;

private:
    struct Block
    {
        QByteArray bytes;
        QList<quint32> starts; // where each line starts in `bytes`
        qint64 firstLine = 0;
        bool adopted = false; // a chunk's own bytes, shared with it: never appended to
    };

    void appendBytes(QByteArrayView bytes);
    void adopt(const QByteArray &bytes);
    void addStarts(Block &block, qsizetype from);

    QList<Block> m_blocks;
    qint64 m_lineCount = 0;
    qint64 m_byteCount = 0;
    qsizetype m_longestLine = 0;
};

} // namespace pw::gui
