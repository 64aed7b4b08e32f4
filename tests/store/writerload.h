#pragma once

#include "core/store/records.h"
#include "core/store/runstore.h"

#include <QByteArray>
#include <QString>

// What each writer process of the several-processes test writes, made the same way by the
// writer (pw-storewriter) and by the test that checks what arrived.
namespace pw::test {

struct WriterLoad
{
    int runs = 12;
    int jobs = 4;
    int batchesPerRun = 5; // each brings one more log chunk of every job
    int linesPerChunk = 16;
};

// The run a writer creates as its `run`th: pending jobs, nothing finished.
RunRecord writerRun(const QString &pipeline, int run, const WriterLoad &load);

// The `batch`th batch of a created run: a log chunk of every job and an attempt of one of
// them; the last batch also finishes every job and the run.
StoreBatch writerBatch(const RunRecord &created, int run, int batch, const WriterLoad &load);

// The output the writer stores for one job of one run, every chunk in order.
QByteArray writerLog(const QString &pipeline, int run, int job, const WriterLoad &load);

// The finished run as the store must give it back: `created` after every batch.
RunRecord writerResult(const RunRecord &created, const WriterLoad &load);

} // namespace pw::test
