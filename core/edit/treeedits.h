#pragma once

#include "propertyvalue.h"
#include "splicebuilder.h"

namespace pw::edit {

// The building blocks of edits: each adds the splices that make one change to a node of
// the tree, keeping the style the node is written in, and fails with a message when the
// text is laid out in a way it cannot change safely.

// A run of whole lines: [begin, end), `end` after the last line's newline.
struct LineSpan
{
    qsizetype begin = 0;
    qsizetype end = 0;
};

// Whether the node is inside brackets, its own or an enclosing collection's.
bool isInFlow(const SyntaxTree &tree, int index);

// The lines of item `item` of block list `list`, with the comment lines right above its
// dash at its indentation, which are taken to be about it.
Result<LineSpan> itemLines(const SyntaxTree &tree, int list, int item);

// Replaces a text, keeping its quoting where the new text allows.
void replaceScalar(SpliceBuilder &builder, int scalar, const QString &text);

// Sets `key` of `map` to `value`: replaces the value of an existing entry, or adds an entry
// after the last one.
Status setEntry(SpliceBuilder &builder, int map, const QString &key, const PropertyValue &value);
// Replaces the value of entry `entry` of `map`.
Status replaceValue(SpliceBuilder &builder, int map, int entry, const PropertyValue &value);
// Removes entry `entry` of `map`.
Status removeEntry(SpliceBuilder &builder, int map, int entry);

// Adds `value` as a new item of `list`, before item `before` or, when -1, after the last.
Status insertItem(SpliceBuilder &builder, int list, int before, const PropertyValue &value);
// Removes item `item` of `list`.
Status removeItem(SpliceBuilder &builder, int list, int item);
// Removes several items of `list`, given in any order: in brackets each run of neighbours
// goes as one splice with its commas, so that the splices never overlap.
Status removeItems(SpliceBuilder &builder, int list, QList<int> items);

// Inserts whole `lines` (ending with a newline) into block list `list`: before item
// `before`, or after its last item when -1.
void insertItemLines(SpliceBuilder &builder, int list, int before, const QByteArray &lines);
// `lines` with `delta` spaces more (or fewer) at the start of every line that is not blank.
Result<QByteArray> reindented(const QByteArray &lines, int delta);

} // namespace pw::edit
