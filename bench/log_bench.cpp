// Streams a 1,000,000-line, ~100 MB log into the run monitor's log view the way live output
// comes (feed, batcher, model, a real window drawn offscreen) while a timer measures how long
// the event loop is held up, then searches it. Prints the figures as Markdown rows.
//
//   log_bench [--lines N] [--piece BYTES] [--no-view]

#include "widgets/logs/logbatcher.h"
#include "widgets/logs/loglinesmodel.h"
#include "widgets/logs/logview.h"
#include "widgets/logsearch/logsearch.h"
#include "widgets/run/runmodelfeed.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace pw;
using namespace pw::gui;

namespace {

// The resident size of this process in KiB ("VmRSS" or "VmHWM" of /proc/self/status).
qint64 statusKib(const char *field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qstrlen(field) + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// A line of a build's output, about 100 bytes; every tenth in colour, one in a thousand
// says "needle".
QByteArray logLine(qint64 n)
{
    QByteArray line = "[" + QByteArray::number(n).rightJustified(7, '0') + "] ";
    if (n % 10 == 0)
        line += "\x1b[1;32mOK\x1b[0m ";
    line += n % 1000 == 500 ? "needle " : "";
    line += "compiling src/module_" + QByteArray::number(n % 977) + "/file_"
            + QByteArray::number(n % 31) + ".cpp with -O2 -g -Wall -Wextra -pedantic -fPIC";
    return line.leftJustified(99, '.') + '\n';
}

// Whole lines from line `n` on, about `bytes` of them; moves `n` past them.
QByteArray pieceOf(qint64 &n, qint64 lines, int bytes)
{
    QByteArray piece;
    piece.reserve(bytes + 128);
    while (n < lines && piece.size() < bytes)
        piece += logLine(n++);
    return piece;
}

// The event loop's hold-ups, seen as late ticks of a precise timer.
class LatencyProbe : public QObject
{
public:
    explicit LatencyProbe(int intervalMs)
        : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const double gap = m_clock.nsecsElapsed() / 1e6;
            m_clock.restart();
            m_lateMs.append(qMax(0.0, gap - m_interval));
        });
    }
    void start()
    {
        m_lateMs.clear();
        m_clock.start();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    double maxMs() const
    {
        return m_lateMs.isEmpty() ? 0 : *std::max_element(m_lateMs.begin(), m_lateMs.end());
    }
    double percentileMs(double p) const
    {
        if (m_lateMs.isEmpty())
            return 0;
        QList<double> sorted = m_lateMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted.at(qMin(sorted.size() - 1, qsizetype(p * sorted.size())));
    }
    qsizetype ticks() const { return m_lateMs.size(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_lateMs;
    int m_interval;
};

void row(const char *what, const QString &figure)
{
    std::printf("| %s | %s |\n", what, qPrintable(figure));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 lines = args.contains(QStringLiteral("--lines"))
                             ? args.value(args.indexOf(QStringLiteral("--lines")) + 1).toLongLong()
                             : 1000000;
    const int pieceBytes = args.contains(QStringLiteral("--piece"))
                               ? args.value(args.indexOf(QStringLiteral("--piece")) + 1).toInt()
                               : 64 * 1024;

    // The reference: writing the log to a file and reading it back with cat.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("job.log"));
    QElapsedTimer clock;
    clock.start();
    qint64 pieceCount = 0;
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        for (qint64 n = 0; n < lines; ++pieceCount)
            file.write(pieceOf(n, lines, pieceBytes));
    }
    const qint64 writeMs = clock.elapsed();
    const qint64 logBytes = QFileInfo(path).size();
    clock.restart();
    QProcess cat;
    cat.setStandardOutputFile(QProcess::nullDevice());
    cat.start(QStringLiteral("cat"), {path});
    cat.waitForFinished(-1);
    const qint64 catMs = clock.elapsed();

    // The live path: feed -> batcher -> model -> view, in a window of its own.
    RunModelFeed feed;
    RunRecord run;
    run.id = 1;
    JobRecord job;
    job.index = 0;
    job.name = QStringLiteral("build");
    run.jobs = {job};
    feed.runChanged(run);
    LogLinesModel model;
    LogBatcher batcher(model);
    LogView view(model);
    view.resize(1000, 700);
    // --no-view leaves the window closed: what the view itself costs, by difference.
    if (!args.contains(QStringLiteral("--no-view")))
        view.show();
    QObject::connect(&feed, &RunModelFeed::output, &batcher, &LogBatcher::add);
    model.showLive(feed.logOf(0));
    batcher.watch(0, 1);
    app.processEvents();

    // Pieces are made as they are fed, as a job prints them: the engine hands each on and
    // drops it, so what stays is what the feed, the model and the view keep.
    const qint64 logKib = logBytes / 1024;
    const qint64 rssBefore = statusKib("VmRSS:");
    LatencyProbe probe(5);
    probe.start();
    clock.restart();
    qint64 next = 0;
    QTimer feeder;
    QObject::connect(&feeder, &QTimer::timeout, &feed, [&] {
        if (next >= lines) {
            feeder.stop();
            return;
        }
        const qint64 first = next;
        const QByteArray piece = pieceOf(next, lines, pieceBytes);
        feed.jobOutput(run, 0, 1, first, int(next - first), piece);
    });
    feeder.start(0);
    while (feeder.isActive() || model.lineCount() < lines)
        app.processEvents(QEventLoop::WaitForMoreEvents);
    const qint64 streamMs = clock.elapsed();
    for (int i = 0; i < 20; ++i)
        app.processEvents();
    probe.stop();
    const qint64 rssAfter = statusKib("VmRSS:");
    const double streamMax = probe.maxMs();
    const double streamP99 = probe.percentileMs(0.99);
    const qsizetype streamTicks = probe.ticks();

    // Searching it all while the probe runs.
    probe.start();
    clock.restart();
    view.setSearchText(QStringLiteral("NEEDLE"));
    while (view.search().isSearching())
        app.processEvents(QEventLoop::WaitForMoreEvents);
    const qint64 searchMs = clock.elapsed();
    probe.stop();
    const qint64 rssSearched = statusKib("VmRSS:");

    std::printf("| Figure | Value |\n|---|---|\n");
    row("Log",
        QStringLiteral("%1 lines, %2 MB").arg(model.lineCount()).arg(logBytes / 1e6, 0, 'f', 1));
    row("Writing it to a file (reference)", QStringLiteral("%1 ms").arg(writeMs));
    row("`cat` of the file to /dev/null (reference)", QStringLiteral("%1 ms").arg(catMs));
    row("Streaming it through feed, batcher, model and view",
        QStringLiteral("%1 ms in %2 pieces of %3 KiB")
            .arg(streamMs)
            .arg(pieceCount)
            .arg(pieceBytes / 1024));
    row("Event-loop delay while streaming, max / p99",
        QStringLiteral("%1 ms / %2 ms (%3 ticks of 5 ms)")
            .arg(streamMax, 0, 'f', 1)
            .arg(streamP99, 0, 'f', 1)
            .arg(streamTicks));
    row("Resident memory growth / log size",
        QStringLiteral("%1 MiB / %2 MiB = %3x")
            .arg(rssAfter / 1024.0 - rssBefore / 1024.0 + 0, 0, 'f', 1)
            .arg(logKib / 1024.0, 0, 'f', 1)
            .arg(double(rssAfter - rssBefore) / logKib, 0, 'f', 2));
    row("Searching it (\"NEEDLE\", any case)",
        QStringLiteral("%1 ms, %2 matches").arg(searchMs).arg(view.search().matchCount()));
    row("Event-loop delay while searching, max / p99",
        QStringLiteral("%1 ms / %2 ms")
            .arg(probe.maxMs(), 0, 'f', 1)
            .arg(probe.percentileMs(0.99), 0, 'f', 1));
    row("Resident memory after the search",
        QStringLiteral("%1 MiB above the start")
            .arg((rssSearched - rssBefore) / 1024.0, 0, 'f', 1));
    row("Peak resident size of the process",
        QStringLiteral("%1 MiB").arg(statusKib("VmHWM:") / 1024.0, 0, 'f', 1));
    return 0;
}
