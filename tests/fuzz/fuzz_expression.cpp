// libFuzzer entry point for both condition languages. Every input is parsed as a native
// condition and as a GitLab rule; whatever parses is evaluated against a fixed run whose
// variables include the input itself, so that patterns taken from variables are fuzzed too.
// Build by hand, for example:
//   clang++ -std=c++20 -g -fsanitize=fuzzer,address,undefined -fPIC -I. \
//       $(pkg-config --cflags Qt6Core) core/expr/*.cpp core/util/editdistance.cpp \
//       tests/fuzz/fuzz_expression.cpp $(pkg-config --libs Qt6Core) -o fuzz_expression
//   ./fuzz_expression tests/fuzz/corpus/expression

#include "core/expr/expression.h"

#include <cstddef>
#include <cstdint>

namespace {

pw::expr::EvalContext fuzzContext(const QString &input)
{
    pw::expr::EvalContext context;
    context.branch = QStringLiteral("release/1.2");
    context.event = QStringLiteral("push");
    context.commit = QStringLiteral("02618988a1864b3d06cfee3bd79f8baa2dd21407");
    context.tag = QStringLiteral("v1.2.3");
    context.variables.insert(QStringLiteral("A"), QStringLiteral("a"));
    context.variables.insert(QStringLiteral("EMPTY"), QString());
    context.variables.insert(QStringLiteral("RE"), QStringLiteral("/^v\\d+/i"));
    context.variables.insert(QStringLiteral("INPUT"), input);
    return context;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const pw::expr::EvalContext context = fuzzContext(input);

    if (const auto condition = pw::expr::parseCondition(input); condition.ok())
        (void)condition.value()->evaluate(context);
    if (const auto rule = pw::expr::parseGitLabRule(input); rule.ok())
        (void)rule.value()->evaluate(context);
    return 0;
}
