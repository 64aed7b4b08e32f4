#include "runlogsearch.h"

#include "core/store/runstore.h"
#include "logtext.h"
#include "widgets/ansitext.h"
#include "widgets/run/runmodelfeed.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace pw::gui {

namespace {

// A result shows this much of its line: enough to recognise it.
constexpr int shownChars = 300;

// Collects the lines of a run's logs that match, handing them over in timed batches.
class RunSearcher
{
public:
    RunSearcher(QPromise<RunMatchBatch> &promise, const LogMatcher &matcher)
        : m_promise(promise)
        , m_matcher(matcher)
    {
        m_sinceBatch.start();
    }

    // False once the search is cancelled.
    bool searchLine(int job, qint64 line, QByteArrayView raw)
    {
        int column = -1;
        m_matcher.find(raw, [&](int at) {
            column = at;
            return false;
        });
        if (column >= 0) {
            ++m_batch.found;
            if (m_listed < RunLogSearch::maxListed) {
                ++m_listed;
                m_batch.matches.append({job, line, column, plainLogLine(raw).left(shownChars)});
            }
        }
        if ((++m_lines & 1023) == 0)
            return handOver(false);
        return true;
    }

    bool handOver(bool always)
    {
        if (m_promise.isCanceled())
            return false;
        if (always || m_sinceBatch.elapsed() >= searchBatchMs) {
            m_promise.addResult(std::exchange(m_batch, {}));
            m_sinceBatch.restart();
        }
        return true;
    }

    void fail(const QString &error) { m_batch.error = error; }

private:
    QPromise<RunMatchBatch> &m_promise;
    LogMatcher m_matcher;
    RunMatchBatch m_batch;
    QElapsedTimer m_sinceBatch;
    qint64 m_lines = 0;
    int m_listed = 0;
};

void searchTexts(QPromise<RunMatchBatch> &promise, const QList<LogText> &texts,
                 const LogMatcher &matcher)
{
    RunSearcher searcher(promise, matcher);
    for (int job = 0; job < texts.size(); ++job) {
        const LogText &text = texts.at(job);
        for (qint64 line = 0; line < text.lineCount(); ++line) {
            if (!searcher.searchLine(job, line, text.rawLine(line)))
                return;
        }
    }
    searcher.handOver(true);
}

// The lines of one stored chunk, each given to the searcher; false once cancelled.
bool searchChunk(RunSearcher &searcher, const LogChunk &chunk)
{
    const QByteArray &data = chunk.data;
    qint64 line = chunk.firstLine;
    for (qsizetype at = 0; at < data.size(); ++line) {
        const qsizetype newline = data.indexOf('\n', at);
        const qsizetype end = newline < 0 ? data.size() : newline + 1;
        if (!searcher.searchLine(chunk.job, line, QByteArrayView(data).sliced(at, end - at)))
            return false;
        at = end;
    }
    return true;
}

int lastAttempt(RunStore &store, qint64 runId, int job, QString *error)
{
    const auto attempts = store.loadAttempts(runId, job);
    if (!attempts.ok()) {
        *error = attempts.error().message;
        return 0;
    }
    int last = 0;
    for (const AttemptRecord &attempt : *attempts)
        last = qMax(last, attempt.number);
    return last;
}

void searchStore(QPromise<RunMatchBatch> &promise, const QString &location, qint64 runId,
                 int jobCount, const LogMatcher &matcher)
{
    RunSearcher searcher(promise, matcher);
    // A store belongs to the thread that opened it: this one is opened, used and closed here.
    auto opened = openStore(location);
    if (!opened.ok()) {
        searcher.fail(opened.error().message);
        searcher.handOver(true);
        return;
    }
    RunStore &store = **opened;
    for (int job = 0; job < jobCount; ++job) {
        QString error;
        const int attempt = lastAttempt(store, runId, job, &error);
        bool going = true;
        const Status read =
            attempt <= 0 ? Status() : store.readLog(runId, job, attempt, [&](const LogChunk &c) {
                going = searchChunk(searcher, c);
                return going;
            });
        if (!going)
            return;
        if (!error.isEmpty() || !read.ok()) {
            searcher.fail(error.isEmpty() ? read.error().message : error);
            break;
        }
    }
    searcher.handOver(true);
}

} // namespace

RunLogSearch::RunLogSearch(QObject *parent)
    : QObject(parent)
    , m_results(new RunMatchesModel(this))
{}

RunLogSearch::~RunLogSearch()
{
    dropWorker();
}

void RunLogSearch::searchLive(RunModelFeed *feed)
{
    stop();
    m_feed = feed;
    m_storeLocation.clear();
    m_run = feed ? feed->run() : RunRecord();
}

void RunLogSearch::searchStored(const QString &storeLocation, const RunRecord &run)
{
    stop();
    m_feed = nullptr;
    m_storeLocation = storeLocation;
    m_run = run;
}

void RunLogSearch::dropWorker()
{
    // The worker holds copies of what it reads: cancelled, it ends on its own.
    if (!m_worker)
        return;
    m_worker->disconnect(this);
    m_worker->cancel();
    m_worker->deleteLater();
    m_worker = nullptr;
}

void RunLogSearch::start(const LogMatcher &matcher)
{
    dropWorker();
    m_results->clear();
    m_found = 0;
    m_error.clear();
    if (m_feed)
        m_run = m_feed->run();
    QStringList names;
    for (const JobRecord &job : std::as_const(m_run.jobs))
        names.append(job.name);
    m_results->setJobNames(names);
    if (matcher.isEmpty() || (!m_feed && m_storeLocation.isEmpty())) {
        emit progressed();
        emit finished();
        return;
    }

    auto *worker = new QFutureWatcher<RunMatchBatch>(this);
    m_worker = worker;
    connect(worker, &QFutureWatcher<RunMatchBatch>::resultsReadyAt, this,
            [this, worker](int first, int last) {
                for (int i = first; i < last; ++i)
                    take(worker->future().resultAt(i));
            });
    connect(worker, &QFutureWatcher<RunMatchBatch>::finished, this, [this, worker] {
        worker->deleteLater();
        m_worker = nullptr;
        emit finished();
    });
    worker->setFuture(startWorker(matcher));
    emit progressed();
}

QFuture<RunMatchBatch> RunLogSearch::startWorker(const LogMatcher &matcher)
{
    if (!m_feed)
        return QtConcurrent::run(searchStore, m_storeLocation, m_run.id, int(m_run.jobs.size()),
                                 matcher);
    // Copies share the feed's blocks: taking them costs next to nothing.
    QList<LogText> texts;
    for (int job = 0; job < m_run.jobs.size(); ++job)
        texts.append(*m_feed->logOf(job));
    return QtConcurrent::run(searchTexts, texts, matcher);
}

void RunLogSearch::take(const RunMatchBatch &batch)
{
    m_results->append(batch.matches);
    m_found += batch.found;
    if (!batch.error.isEmpty())
        m_error = batch.error;
    emit progressed();
}

} // namespace pw::gui
