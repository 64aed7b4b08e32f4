#pragma once

#include "core/util/result.h"
#include "syntaxtree.h"

namespace pw::edit {

// A node written in flow style on one line, for moving it into brackets: quoted texts and
// one-line flow collections as the file writes them, block collections as `{k: v}` and
// `[a, b]`, block and folded texts double-quoted. Anchors and aliases are kept. Fails when
// the node is nested too deeply to be written out.
Result<QByteArray> flowTextOf(const SyntaxTree &tree, int node);

// Whether bytes [begin, end) of the tree's text hold a comment, outside of every text.
bool holdsComment(const SyntaxTree &tree, qsizetype begin, qsizetype end);

} // namespace pw::edit
