// A libFuzzer entry point for the native pipeline loader. Build it by hand, for example:
//   clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -I. -I<Qt include dirs>
//       tests/fuzz/fuzz_pipeline.cpp <pwcore sources> -lyaml-cpp -lQt6Core -o fuzz_pipeline
//   ./fuzz_pipeline tests/fuzz/corpus/pipeline
// Any input must give a result whose diagnostics agree with it; anything else is a crash.

#include "core/loader/pipelineloader.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), qsizetype(size));
    const pw::LoadResult result = pw::loadPipelineText(text, QStringLiteral("fuzz.yml"),
                                                       QStringLiteral("/tmp"));

    // A pipeline comes back exactly when no diagnostic is an error.
    if (result.ok() == pw::hasErrors(result.diagnostics))
        std::abort();
    return 0;
}
