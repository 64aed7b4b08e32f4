#include "runstore.h"

#include "sqlstore.h"
#include "storelocation.h"
#include "storelog.h"

#include <QStandardPaths>

namespace pw {

bool StoreBatch::isEmpty() const
{
    return runs.isEmpty() && stages.isEmpty() && jobs.isEmpty() && attempts.isEmpty()
           && logs.isEmpty();
}

qint64 RunTrendPoint::durationMs() const
{
    if (!startedAt.isValid() || !finishedAt.isValid())
        return 0;
    return startedAt.msecsTo(finishedAt);
}

Result<std::unique_ptr<RunStore>> openStore(const QString &location)
{
    const Result<StoreLocation> parsed = parseStoreLocation(location);
    if (!parsed)
        return parsed.error();

    Result<std::unique_ptr<SqlStore>> store = SqlStore::open(parsed.value());
    if (!store)
        return store.error();

    // Whoever opens the store tidies up after a process that died mid-run, so that its run
    // does not show as running, nor its gates as waiting, for ever.
    const Result<QList<qint64>> interrupted = store.value()->interruptAbandonedRuns(runLifetime);
    if (!interrupted)
        qCWarning(lcStore).noquote() << interrupted.error().message;
    return std::unique_ptr<RunStore>(std::move(store.value()));
}

QString defaultStoreLocation()
{
    const QString chosen = qEnvironmentVariable("PIPEWRIGHT_DB");
    if (!chosen.isEmpty())
        return chosen;

    // GenericDataLocation follows XDG_DATA_HOME, so one variable moves all of a user's data.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
           + QStringLiteral("/pipewright/history.sqlite");
}

} // namespace pw
