#include "sqlstore.h"
#include "sqltransaction.h"

namespace pw {

Result<QList<qint64>> SqlStore::createRuns(const QList<RunRecord> &runs)
{
    const QString writing = QStringLiteral("write to");
    if (runs.size() > maxCreatedRuns) {
        return failure(writing, QStringLiteral("at most %1 runs are recorded at once, not %2")
                                    .arg(maxCreatedRuns)
                                    .arg(runs.size()));
    }

    // One transaction and one preparation of each statement for all of them: on a server a
    // run then costs its inserts, not a transaction's round trips.
    QList<qint64> ids;
    const Status created = sql::inWriteTransaction(
        m_db, m_dialect, failurePrefix(writing), [&](sql::Statements &statements) -> Status {
            ids.clear();
            for (const RunRecord &run : runs) {
                const Result<qint64> inserted = insertRun(statements, run);
                if (!inserted)
                    return inserted.error();
                ids.append(inserted.value());
                if (Status stages = upsertStages(statements, ids.last(), run.stages); !stages)
                    return stages;
                if (Status jobs = upsertJobs(statements, ids.last(), run.jobs); !jobs)
                    return jobs;
            }
            return {};
        });
    if (!created)
        return created.error();
    return ids;
}

} // namespace pw
