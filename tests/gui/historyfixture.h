#pragma once

#include "core/store/runstore.h"

#include <QTest>

#include <memory>

namespace pw::test {

// A run of `pipeline` as the history keeps it once ended: started at `start`, taking
// `seconds` (none for a run still going).
inline RunRecord endedRun(const QString &pipeline, RunStatus status, const QDateTime &start,
                          int seconds)
{
    RunRecord run;
    run.pipeline = pipeline;
    run.pipelineFile = pipeline + QStringLiteral(".yml");
    run.status = status;
    run.branch = QStringLiteral("main");
    run.event = QStringLiteral("push");
    run.triggeredBy = QStringLiteral("ci");
    run.startedAt = start;
    if (seconds >= 0)
        run.finishedAt = start.addSecs(seconds);
    run.stages = {{0, QStringLiteral("build"), StageStatus::Success, {}, std::nullopt}};
    return run;
}

// Opens (creating) the SQLite store at `path`; fails the test when it cannot.
inline std::unique_ptr<RunStore> openTestStore(const QString &path)
{
    auto store = openStore(path);
    if (!store.ok()) {
        QTest::qFail(qPrintable(store.error().message), __FILE__, __LINE__);
        return nullptr;
    }
    return std::move(store).value();
}

} // namespace pw::test
