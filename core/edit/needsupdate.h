#pragma once

#include "outline.h"
#include "splicebuilder.h"

#include <QSet>

namespace pw::edit {

// The job a `needs` item names: the text itself, or the `job` of a map; -1 if neither.
int needNameNode(const SyntaxTree &tree, int item);

// Renames every need on `from` to `to`.
void renameNeeds(SpliceBuilder &builder, const PipelineOutline &outline, const QString &from,
                 const QString &to);

// Drops every need on one of `jobs` from the jobs not in `jobs`; adds the names of the jobs
// whose needs change to `changed`.
Status dropNeeds(SpliceBuilder &builder, const PipelineOutline &outline, const QSet<QString> &jobs,
                 QSet<QString> &changed);

} // namespace pw::edit
