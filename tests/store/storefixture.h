#pragma once

#include "core/store/records.h"
#include "core/store/runstore.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

// Records to store and ways to compare what comes back, for the history store's tests.
namespace pw::test {

// A UTC time with milliseconds.
QDateTime utc(int year, int month, int day, int hour, int minute, int second, int ms);

// A unique pipeline name, so that tests sharing one store (a PostgreSQL database given in
// PIPEWRIGHT_TEST_STORE) only ever see their own runs.
QString uniquePipeline(const QString &base);

// A finished run of `pipeline` with two stages and `jobCount` jobs, every field set.
RunRecord sampleRun(const QString &pipeline, int jobCount = 3);

// Every field as text, one per line, so that a failed comparison shows what differs.
QString describe(const RunRecord &run);
QString describe(const QList<AttemptRecord> &attempts);

// The run's jobs as a batch that marks each of them finished with `status`.
StoreBatch finishJobs(const RunRecord &run, JobStatus status, const QDateTime &at);

// Opens `location` and fails the program with the message when it cannot: for set-up steps
// where a failure means the test cannot even start.
std::unique_ptr<RunStore> openOrDie(const QString &location);

// Why `location` cannot be opened, or "(opened)" when it can: for tests of refused stores.
QString openError(const QString &location);

// A connection of its own to an SQLite file, for looking under the store or preparing a file
// as an older or newer Pipewright would have left it.
class RawSqlite
{
public:
    explicit RawSqlite(const QString &path);
    ~RawSqlite();

    RawSqlite(const RawSqlite &) = delete;
    RawSqlite &operator=(const RawSqlite &) = delete;

    QSqlDatabase &db() { return m_db; }
    // Runs `statement` with `values` bound in order; returns the first column of the first
    // row, or an invalid QVariant. Fails the program when the statement fails.
    QVariant exec(const QString &statement, const QVariantList &values = {});

private:
    QString m_name;
    QSqlDatabase m_db;
};

} // namespace pw::test
