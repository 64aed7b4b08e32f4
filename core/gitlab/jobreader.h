#pragma once

#include "docvalues.h"

namespace pw::gitlab {

// A job as the file declares it, with the stage it names.
struct JobDeclaration
{
    Job job;
    QString stage;
    SourceLocation stageLocation;
};

// What every job starts from: `default:` (with the old top-level before_script, after_script,
// image, services and cache folded in) and the shell that runs scripts.
struct JobDefaults
{
    DocNode keywords;
    QString shell;
};

// Reads the top-level job `name` (extends already resolved). Returns nothing for a job that
// cannot run here: a broken one (reported as errors) or a trigger job (a warning).
std::optional<JobDeclaration> readJob(ValueReader &reader, const DocEntry &entry,
                                      const JobDefaults &defaults);

// The keys a job may hold.
const QStringList &jobKeys();
// The keys `default:` may hold.
const QStringList &defaultKeys();

} // namespace pw::gitlab
