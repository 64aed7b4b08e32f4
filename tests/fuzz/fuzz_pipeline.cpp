// A libFuzzer entry point for the native pipeline loader, built with the "fuzz" preset and
// run with scripts/fuzz.sh; seeds are in corpus/pipeline. Any input must give a result
// whose diagnostics agree with it; anything else (a crash, a hang, a sanitizer report)
// is a bug.

#include "core/loader/pipelineloader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const pw::LoadResult result =
        pw::loadPipelineText(text, QStringLiteral("fuzz.yml"), QStringLiteral("/tmp"));

    // A pipeline comes back exactly when no diagnostic is an error.
    if (result.ok() == pw::hasErrors(result.diagnostics))
        std::abort();
    return 0;
}
