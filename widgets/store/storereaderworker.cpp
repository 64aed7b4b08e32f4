#include "storereaderworker.h"

#include "widgets/widgetslog.h"

namespace pw::gui {

StoreReaderWorker::StoreReaderWorker(const QString &location)
    : m_location(location)
{}

StoreReaderWorker::~StoreReaderWorker() = default;

void StoreReaderWorker::listRuns(quint64 request, const RunQuery &query)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit runsListed(request, {}, error);
        return;
    }
    const auto listed = runs->listRuns(query);
    if (!listed.ok()) {
        emit runsListed(request, {}, listed.error().message);
        return;
    }
    emit runsListed(request, *listed, QString());
}

void StoreReaderWorker::loadRun(quint64 request, qint64 runId)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit runLoaded(request, {}, error);
        return;
    }
    const auto loaded = runs->loadRun(runId);
    emit runLoaded(request, loaded.ok() ? *loaded : RunRecord(),
                   loaded.ok() ? QString() : loaded.error().message);
}

void StoreReaderWorker::listWaitingGates(quint64 request)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit waitingGatesListed(request, {}, error);
        return;
    }
    const auto gates = runs->waitingGates();
    emit waitingGatesListed(request, gates.ok() ? *gates : QList<WaitingGate>(),
                            gates.ok() ? QString() : gates.error().message);
}

void StoreReaderWorker::decideGate(quint64 request, qint64 runId, int stage, bool approve,
                                   const QString &comment)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit gateDecided(request, {}, error);
        return;
    }
    const auto decided = runs->decideGate(runId, stage, approve, comment);
    emit gateDecided(request, decided.ok() ? *decided : GateRecord(),
                     decided.ok() ? QString() : decided.error().message);
}

void StoreReaderWorker::runTrend(quint64 request, const QString &pipeline, int limit)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit runTrendRead(request, {}, error);
        return;
    }
    const auto trend = runs->runTrend(pipeline, limit);
    emit runTrendRead(request, trend.ok() ? *trend : QList<RunTrendPoint>(),
                      trend.ok() ? QString() : trend.error().message);
}

void StoreReaderWorker::readLogin(quint64 request)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit loginRead(request, {}, error);
        return;
    }
    const auto login = runs->login();
    emit loginRead(request, login.ok() ? *login : QString(),
                   login.ok() ? QString() : login.error().message);
}

void StoreReaderWorker::readLog(quint64 request, qint64 runId, int job, qint64 fromLine,
                                int maxLines)
{
    QString error;
    RunStore *runs = store(&error);
    const int attempt = runs ? lastAttempt(runId, job, &error) : 0;
    if (!runs || attempt <= 0) {
        emit logRead(request, {}, true, error);
        return;
    }

    // The store streams from the start; chunks before `fromLine` are passed over.
    // Reading from the start makes a late page cost the whole log before it; an index of
    // chunks by first line would make it constant (see the log benchmark before adding one).
    QList<LogChunk> chunks;
    bool atEnd = true;
    qint64 taken = 0;
    const Status read = runs->readLog(runId, job, attempt, [&](const LogChunk &chunk) {
        if (chunk.firstLine + chunk.lineCount <= fromLine)
            return true;
        if (taken >= maxLines) {
            atEnd = false;
            return false;
        }
        taken += chunk.lineCount;
        chunks.append(chunk);
        return true;
    });
    emit logRead(request, chunks, atEnd, read.ok() ? QString() : read.error().message);
}

void StoreReaderWorker::lastJobDurations(quint64 request, const QString &pipeline)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit jobDurationsRead(request, {}, error);
        return;
    }
    const auto durations = runs->lastJobDurations(pipeline);
    emit jobDurationsRead(request, durations.ok() ? *durations : QHash<QString, qint64>(),
                          durations.ok() ? QString() : durations.error().message);
}

void StoreReaderWorker::loadAttempts(quint64 request, qint64 runId, const QList<int> &jobs)
{
    QString error;
    RunStore *runs = store(&error);
    if (!runs) {
        emit attemptsLoaded(request, {}, error);
        return;
    }
    QList<AttemptRecord> attempts;
    for (int job : jobs) {
        const auto loaded = runs->loadAttempts(runId, job);
        if (!loaded.ok()) {
            emit attemptsLoaded(request, attempts, loaded.error().message);
            return;
        }
        attempts.append(*loaded);
    }
    emit attemptsLoaded(request, attempts, QString());
}

RunStore *StoreReaderWorker::store(QString *error)
{
    if (m_store)
        return m_store.get();
    auto opened = openStore(m_location);
    if (!opened.ok()) {
        *error = opened.error().message;
        qCWarning(lcWidgets) << "cannot open the history store:" << *error;
        return nullptr;
    }
    m_store = std::move(opened).value();
    return m_store.get();
}

int StoreReaderWorker::lastAttempt(qint64 runId, int job, QString *error)
{
    const auto attempts = m_store->loadAttempts(runId, job);
    if (!attempts.ok()) {
        *error = attempts.error().message;
        return 0;
    }
    int last = 0;
    for (const AttemptRecord &attempt : *attempts)
        last = qMax(last, attempt.number);
    return last;
}

} // namespace pw::gui
