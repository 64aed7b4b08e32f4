#include "textdiff.h"

#include <algorithm>

namespace pw::gui {

edit::TextEdit textDifference(const QByteArray &before, const QByteArray &after)
{
    const qsizetype shorter = std::min(before.size(), after.size());
    qsizetype head = 0;
    while (head < shorter && before.at(head) == after.at(head))
        ++head;

    // The common end may not reach into the common start: "aa" to "aaa" inserts one 'a'.
    qsizetype tail = 0;
    while (tail < shorter - head
           && before.at(before.size() - 1 - tail) == after.at(after.size() - 1 - tail))
        ++tail;

    edit::TextSplice splice;
    splice.offset = head;
    splice.removed = before.mid(head, before.size() - head - tail);
    splice.inserted = after.mid(head, after.size() - head - tail);
    return edit::TextEdit({splice});
}

} // namespace pw::gui
