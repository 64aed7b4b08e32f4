#include "newpipeline.h"

#include "yamlwriter.h"

namespace pw::edit {

QByteArray newPipelineText(const QString &name)
{
    return "# A Pipewright pipeline: stages run in order, the jobs of a stage in parallel.\n"
           "# See docs/pipeline-format.md for every key.\n"
           "name: "
           + yamlScalar(name, false)
           + "\n"
             "# Variables every job sees in its environment.\n"
             "variables: {}\n"
             "stages:\n"
             "  - name: build\n"
             "    jobs:\n"
             "      - name: compile\n"
             "        # Each command runs with `sh -c`; the first that fails fails the job.\n"
             "        commands:\n"
             "          - echo \"building\"\n";
}

} // namespace pw::edit
