#include "storereader.h"

#include "storereaderworker.h"

namespace pw::gui {

namespace {

void registerTypes()
{
    qRegisterMetaType<pw::RunQuery>("pw::RunQuery");
    qRegisterMetaType<pw::RunRecord>("pw::RunRecord");
    qRegisterMetaType<QList<pw::RunRecord>>("QList<pw::RunRecord>");
    qRegisterMetaType<QList<pw::LogChunk>>("QList<pw::LogChunk>");
    qRegisterMetaType<QList<pw::RunTrendPoint>>("QList<pw::RunTrendPoint>");
    qRegisterMetaType<QHash<QString, qint64>>("QHash<QString,qint64>");
    qRegisterMetaType<QList<pw::AttemptRecord>>("QList<pw::AttemptRecord>");
}

} // namespace

StoreReader::StoreReader(const QString &location, QObject *parent)
    : QObject(parent)
    , m_location(location)
    , m_worker(new StoreReaderWorker(location))
{
    registerTypes();
    m_thread.setObjectName(QStringLiteral("pw-store-reader"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &StoreReaderWorker::runsListed, this, &StoreReader::runsListed);
    connect(m_worker, &StoreReaderWorker::runLoaded, this, &StoreReader::runLoaded);
    connect(m_worker, &StoreReaderWorker::logRead, this, &StoreReader::logRead);
    connect(m_worker, &StoreReaderWorker::gateDecided, this, &StoreReader::gateDecided);
    connect(m_worker, &StoreReaderWorker::waitingGatesListed, this,
            &StoreReader::waitingGatesListed);
    connect(m_worker, &StoreReaderWorker::runTrendRead, this, &StoreReader::runTrendRead);
    connect(m_worker, &StoreReaderWorker::jobDurationsRead, this, &StoreReader::jobDurationsRead);
    connect(m_worker, &StoreReaderWorker::attemptsLoaded, this, &StoreReader::attemptsLoaded);
    connect(m_worker, &StoreReaderWorker::loginRead, this, &StoreReader::loginRead);
    m_thread.start();
}

StoreReader::~StoreReader()
{
    m_thread.quit();
    m_thread.wait();
}

quint64 StoreReader::listRuns(const RunQuery &query)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, query] { worker->listRuns(request, query); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::loadRun(qint64 runId)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, request, runId] { worker->loadRun(request, runId); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::listWaitingGates()
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->listWaitingGates(request); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::decideGate(qint64 runId, int stage, bool approve, const QString &comment)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [=, worker = m_worker] { worker->decideGate(request, runId, stage, approve, comment); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::readLog(qint64 runId, int job, qint64 fromLine, int maxLines)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker,
        [=, worker = m_worker] { worker->readLog(request, runId, job, fromLine, maxLines); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::runTrend(const QString &pipeline, int limit)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->runTrend(request, pipeline, limit); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::readLogin()
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->readLogin(request); }, Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::lastJobDurations(const QString &pipeline)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->lastJobDurations(request, pipeline); },
        Qt::QueuedConnection);
    return request;
}

quint64 StoreReader::loadAttempts(qint64 runId, const QList<int> &jobs)
{
    const quint64 request = m_nextRequest++;
    QMetaObject::invokeMethod(
        m_worker, [=, worker = m_worker] { worker->loadAttempts(request, runId, jobs); },
        Qt::QueuedConnection);
    return request;
}

} // namespace pw::gui
