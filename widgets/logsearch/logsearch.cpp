#include "logsearch.h"

#include "widgets/logs/loglinesmodel.h"

#include <QElapsedTimer>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace pw::gui {

namespace {

// Bytes searched on the GUI thread before the rest goes to a worker: a short log, or the
// lines one flush of live output adds, never warrant a thread.
constexpr qint64 searchNowBytes = 256 * 1024;

// Searches lines [from, to) of `text`, adding matches to `batch` while `room` lasts.
void searchLine(const LogText &text, const LogMatcher &matcher, qint64 line, qint64 &room,
                LogMatchBatch &batch)
{
    matcher.find(text.rawLine(line), [&](int column) {
        ++batch.found;
        if (room > 0) {
            batch.matches.append({qint32(line), qint32(column)});
            --room;
        }
        return true;
    });
}

void searchInWorker(QPromise<LogMatchBatch> &promise, const LogText &text,
                    const LogMatcher &matcher, qint64 from, qint64 to, qint64 room)
{
    LogMatchBatch batch;
    QElapsedTimer sinceBatch;
    sinceBatch.start();
    for (qint64 line = from; line < to; ++line) {
        searchLine(text, matcher, line, room, batch);

        // Checked every so many lines: a clock read per line would cost more than a match.
        if ((line & 1023) == 1023) {
            if (promise.isCanceled())
                return;
            if (sinceBatch.elapsed() >= searchBatchMs) {
                batch.searchedTo = line + 1;
                promise.addResult(std::exchange(batch, {}));
                sinceBatch.restart();
            }
        }
    }
    batch.searchedTo = to;
    promise.addResult(std::move(batch));
}

} // namespace

LogSearch::LogSearch(const LogLinesModel &model, QObject *parent)
    : QObject(parent)
    , m_model(model)
{}

LogSearch::~LogSearch()
{
    dropWorker();
}

void LogSearch::dropWorker()
{
    // The worker holds its own copy of the text: cancelled, it ends on its own.
    if (!m_worker)
        return;
    m_worker->disconnect(this);
    m_worker->cancel();
    m_worker->deleteLater();
    m_worker = nullptr;
}

qint64 LogSearch::lineCount() const
{
    return m_matcher.isEmpty() ? 0 : m_model.lineCount();
}

void LogSearch::start(const LogMatcher &matcher)
{
    dropWorker();
    m_matcher = matcher;
    m_matches.clear();
    m_found = 0;
    m_searchedTo = 0;
    extend();
    emit matchesChanged();
}

void LogSearch::extend()
{
    if (m_worker || m_searchedTo >= lineCount())
        return;
    const qint64 found = m_found;
    searchNow(searchNowBytes);
    if (m_searchedTo < lineCount())
        searchInBackground();
    if (m_found != found)
        emit matchesChanged();
}

void LogSearch::searchNow(qint64 maxBytes)
{
    LogMatchBatch batch;
    qint64 room = maxKeptMatches - m_matches.size();
    qint64 bytes = 0;
    qint64 line = m_searchedTo;
    for (; line < lineCount() && bytes < maxBytes; ++line) {
        bytes += m_model.rawLine(line).size();
        searchLine(m_model.text(), m_matcher, line, room, batch);
    }
    batch.searchedTo = line;
    take(batch);
}

void LogSearch::searchInBackground()
{
    auto *worker = new QFutureWatcher<LogMatchBatch>(this);
    m_worker = worker;
    connect(worker, &QFutureWatcher<LogMatchBatch>::resultsReadyAt, this,
            [this, worker](int first, int last) {
                for (int i = first; i < last; ++i)
                    take(worker->future().resultAt(i));
            });
    connect(worker, &QFutureWatcher<LogMatchBatch>::finished, this, [this, worker] {
        worker->deleteLater();
        m_worker = nullptr;
        // Lines that came while the worker ran are searched next.
        extend();
        emit matchesChanged(); // if nothing came, the search is over
    });

    const qint64 room = maxKeptMatches - m_matches.size();
    worker->setFuture(QtConcurrent::run(searchInWorker, m_model.text(), m_matcher, m_searchedTo,
                                        lineCount(), room));
}

void LogSearch::take(const LogMatchBatch &batch)
{
    m_matches.append(batch.matches);
    m_found += batch.found;
    m_searchedTo = qMax(m_searchedTo, batch.searchedTo);
    if (!batch.matches.isEmpty() || batch.found > 0)
        emit matchesChanged();
}

std::pair<qsizetype, qsizetype> LogSearch::matchesOnLine(qint64 line) const
{
    const auto before = [](const LogMatch &m, qint64 l) { return m.line < l; };
    const auto first = std::lower_bound(m_matches.cbegin(), m_matches.cend(), line, before);
    auto last = first;
    while (last != m_matches.cend() && last->line == line)
        ++last;
    return {first - m_matches.cbegin(), last - m_matches.cbegin()};
}

qsizetype LogSearch::matchAtOrAfter(qint64 line) const
{
    if (m_matches.isEmpty())
        return -1;
    const qsizetype at = matchesOnLine(line).first;
    return at < m_matches.size() ? at : 0;
}

} // namespace pw::gui
