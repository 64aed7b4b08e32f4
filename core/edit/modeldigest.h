#pragma once

#include "core/model/pipeline.h"

#include <QHash>

namespace pw::edit {

// What a job, a stage or the top level of a pipeline means, as one text that is equal for
// equal meanings wherever and however the file writes them (places are left out).
// `renamed` maps old job names to new ones, for needs of renamed jobs.
QString describeJob(const Job &job, const QHash<QString, QString> &renamed = {});
QString describeStage(const Stage &stage);
QString describeTopLevel(const Pipeline &pipeline);

} // namespace pw::edit
