#pragma once

#include "jobrunner.h"

namespace pw {

// Runs jobs as local processes. Each command runs as `shell -c command` in its own process
// group, under pipewright-job-supervisor, so that a timeout or a cancel reaches every process
// the command started, even those that left the group, and all of them die with the command
// and with the orchestrator, however it ends.
class LocalJobRunner : public JobRunner
{
public:
    JobExecution *createExecution(const JobLaunch &launch, QObject *parent) override;
};

} // namespace pw
