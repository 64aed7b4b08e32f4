#pragma once

#include "jobrunner.h"

namespace pw {

// Runs jobs as local processes. Each command runs as `shell -c command` in its own process
// group, so that a timeout or a cancel reaches every process the command started, and the
// group is told to die with the orchestrator.
class LocalJobRunner : public JobRunner
{
public:
    JobExecution *createExecution(const JobLaunch &launch, QObject *parent) override;
};

} // namespace pw
