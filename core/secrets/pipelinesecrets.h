#pragma once

#include "core/model/pipeline.h"
#include "secretresolver.h"

namespace pw {

// The value of every secret some job of `pipeline` lists, each looked up once, before the
// run starts: a run never begins only to fail at a deploy job for a missing token. Fails
// with the first secret that cannot be found, naming a job that wants it.
Result<SecretValues> resolvePipelineSecretsBlocking(const Pipeline &pipeline,
                                                    const SecretResolver &resolver);

// The first secret a job of `pipeline` lists that `values` lacks, as a message; empty when
// none is missing.
QString missingPipelineSecret(const Pipeline &pipeline, const SecretValues &values);

} // namespace pw
