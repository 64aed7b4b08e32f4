// One of several processes writing into one history store at once, for the store's tests.
// Usage: pw-storewriter LOCATION PIPELINE
// Waits for a line on stdin so that every writer starts together, then opens the store and
// writes WriterLoad's runs and batches. Prints "<run> <id>" for each run it created; on the
// first error prints it to stderr and exits with 1.
#include "writerload.h"

#include <QCoreApplication>

#include <cstdio>

using namespace pw;
using namespace pw::test;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "%s\n", qPrintable(message));
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3)
        return fail(QStringLiteral("usage: pw-storewriter LOCATION PIPELINE"));
    const QString pipeline = args[2];
    const WriterLoad load;

    char go[16];
    if (!std::fgets(go, sizeof go, stdin))
        return fail(QStringLiteral("no start signal on stdin"));

    Result<std::unique_ptr<RunStore>> store = openStore(args[1]);
    if (!store)
        return fail(store.error().message);
    for (int run = 0; run < load.runs; ++run) {
        RunRecord created = writerRun(pipeline, run, load);
        const Result<qint64> id = store.value()->createRun(created);
        if (!id)
            return fail(id.error().message);
        created.id = *id;
        std::printf("%d %lld\n", run, *id);
        std::fflush(stdout);

        for (int batch = 0; batch < load.batchesPerRun; ++batch) {
            if (Status written = store.value()->write(writerBatch(created, run, batch, load));
                !written)
                return fail(written.error().message);
        }
    }
    return 0;
}
