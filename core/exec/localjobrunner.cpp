#include "localjobrunner.h"

#include "localjobexecution.h"

namespace pw {

JobExecution *LocalJobRunner::createExecution(const JobLaunch &launch, QObject *parent)
{
    return new LocalJobExecution(launch, parent);
}

} // namespace pw
