#include "pipelinesecrets.h"

namespace pw {

Result<SecretValues> resolvePipelineSecretsBlocking(const Pipeline &pipeline,
                                                    const SecretResolver &resolver)
{
    SecretValues values;
    for (const Stage &stage : pipeline.stages) {
        for (const Job &job : stage.jobs) {
            QStringList wanted;
            for (const QString &name : job.secrets) {
                if (!values.contains(name) && !wanted.contains(name))
                    wanted.append(name);
            }
            if (wanted.isEmpty())
                continue;
            const Result<SecretValues> found = resolveSecretsBlocking(resolver, job.name, wanted);
            if (!found)
                return found.error();
            values.insert(*found);
        }
    }
    return values;
}

QString missingPipelineSecret(const Pipeline &pipeline, const SecretValues &values)
{
    for (const Stage &stage : pipeline.stages) {
        for (const Job &job : stage.jobs) {
            for (const QString &name : job.secrets) {
                if (!values.contains(name))
                    return missingSecretMessage(job.name, name);
            }
        }
    }
    return QString();
}

} // namespace pw
