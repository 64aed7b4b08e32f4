#pragma once

#include "splicebuilder.h"

namespace pw::edit {

// Moves item `item` of list `from` into list `to`, which may be `from`: before item
// `before` there, or after its last item when -1. Each list keeps its style: an item of a
// block list moves as its lines, with the comment lines right above it, indented as the
// items of `to`; an item goes into brackets in flow style on one line, and comes out of
// them as a `- {…}` line. `what` names the item in messages ("job 'b'"). Fails, saying
// what to do instead, where a comment would be lost or the text is laid out in a way the
// move cannot change. Moving an item to where it is already is the caller's to leave out.
Status moveItem(SpliceBuilder &builder, int from, int item, int to, int before,
                const QString &what);

} // namespace pw::edit
