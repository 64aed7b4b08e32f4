#pragma once

#include <QByteArray>

namespace pw::loader {

// What a cheap pass over YAML text finds before the parser sees it.
struct PrescanResult
{
    // The byte offset of the first place where lists and maps (in flow brackets or by
    // indentation) nest more than the limit, or -1.
    qsizetype tooDeepAt = -1;
    // The byte offset where a second document begins (after `---` or `...`), or -1.
    qsizetype secondDocumentAt = -1;
    // The byte offset of the first character that is not blank, a comment, a directive
    // or a document marker, or -1 when the text holds nothing else.
    qsizetype firstContentAt = -1;
};

// Scans `text` line by line, following quotes, comments and block texts well enough to
// find deep nesting, whose recursion the parser must not meet, and a second document,
// which the parser would stop before. Forgiving: it may overestimate the depth of odd but
// valid files, never of ordinary ones.
PrescanResult prescan(const QByteArray &text, int nestingLimit);

} // namespace pw::loader
