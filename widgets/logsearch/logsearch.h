#pragma once

#include "logmatcher.h"
#include "logtext.h"

#include <QFutureWatcher>
#include <QObject>

namespace pw::gui {

class LogLinesModel;

// Where a text was found in a log: a line and the column in its shown text.
struct LogMatch
{
    qint32 line = 0;
    qint32 column = 0;
};

// The lines of one batch of a search as a worker hands them over.
struct LogMatchBatch
{
    QList<LogMatch> matches;
    qint64 found = 0; // also those past the kept matches' limit
    qint64 searchedTo = 0;
};

// Searches the log a LogLinesModel shows without holding up the GUI thread: a first slice at
// once (a short log is searched before start() returns), the rest on a worker thread over
// a copy of the text, with the count growing as batches come back. Lines the model gains
// are searched when extend() is called.
class LogSearch : public QObject
{
    Q_OBJECT

public:
    // Matches past this many are counted but not kept (so not stepped to).
    static constexpr int maxKeptMatches = 1000000;

    explicit LogSearch(const LogLinesModel &model, QObject *parent = nullptr);
    ~LogSearch() override;

    // Starts again over the whole log; an empty matcher stops the search.
    void start(const LogMatcher &matcher);
    // Searches the lines added since the last call.
    void extend();
    void stop() { start({}); }

    const LogMatcher &matcher() const { return m_matcher; }
    qint64 matchCount() const { return m_found; }
    const QList<LogMatch> &matches() const { return m_matches; }
    bool isSearching() const { return m_worker || m_searchedTo < lineCount(); }
    // The kept matches on `line`: [first, last) indexes into matches().
    std::pair<qsizetype, qsizetype> matchesOnLine(qint64 line) const;
    // The first kept match at or after `line` (wrapping to the first), or -1.
    qsizetype matchAtOrAfter(qint64 line) const;

signals:
    // The count grew (or the search started again).
    void matchesChanged();

private:
    qint64 lineCount() const;
    void searchNow(qint64 maxBytes);
    void searchInBackground();
    void take(const LogMatchBatch &batch);
    void dropWorker();

    const LogLinesModel &m_model;
    LogMatcher m_matcher;
    QList<LogMatch> m_matches;
    qint64 m_found = 0;
    qint64 m_searchedTo = 0;
    // The worker under way, one per pass: a pass given up can hand nothing to the next.
    QFutureWatcher<LogMatchBatch> *m_worker = nullptr;
};

} // namespace pw::gui
