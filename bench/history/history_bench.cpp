// How the history tab copes with 100,000 runs: fills an SQLite store through RunStore, then
// measures, through the real HistoryModel and a QTableView (offscreen), the first page and
// scrolling to the end page by page in several orders, while a QTimer measures how late the
// event loop answers. Prints a Markdown section for docs/performance.md.
//
// Usage: history_bench [--runs N] [--store FILE] [--page N]
//   The store is kept (and reused when it holds N runs) so that a second go skips the fill.

#include "core/store/runstore.h"
#include "historyfiller.h"
#include "widgets/history/historymodel.h"
#include "widgets/store/storereader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace pw;
using namespace pw::gui;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Options
{
    int runs = 100000;
    int page = 100;
    QString store;
};

// Percentile `p` (0..100) of `values`, which it sorts.
double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype at =
        qBound<qsizetype>(0, qsizetype(p / 100.0 * double(values.size() - 1)), values.size() - 1);
    return values.at(at);
}

// How late a QTimer that should fire every `intervalMs` fires, while it lives.
class LoopLatency
{
public:
    explicit LoopLatency(int intervalMs = 5)
        : m_interval(intervalMs)
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(intervalMs);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const double elapsed = m_clock.nsecsElapsed() / 1e6;
            m_clock.restart();
            m_lateness.append(qMax(0.0, elapsed - m_interval));
        });
        m_clock.start();
        m_timer.start();
    }

    double p99() const { return percentile(m_lateness, 99); }
    double worst() const { return percentile(m_lateness, 100); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    QList<double> m_lateness;
    int m_interval;
};

// Waits for the model's next page; returns its milliseconds.
double waitForPage(HistoryModel &model, const QElapsedTimer &since)
{
    QEventLoop loop;
    QObject::connect(&model, &HistoryModel::pageLoaded, &loop, &QEventLoop::quit);
    if (model.isLoading())
        loop.exec();
    if (!model.lastError().isEmpty()) {
        out() << "the page failed: " << model.lastError() << Qt::endl;
        ::exit(1);
    }
    return since.nsecsElapsed() / 1e6;
}

struct Walk
{
    QString order;
    double firstPageMs = 0;
    double totalS = 0;
    double pageP50 = 0;
    double pageP95 = 0;
    double pageMax = 0;
    double latencyP99 = 0;
    double latencyMax = 0;
    int rows = 0;
};

// Shows the history in `order` and scrolls to its end as a user dragging the scroll bar
// down would, one page at a time.
Walk walk(StoreReader &reader, int page, const QString &name, int column, Qt::SortOrder order,
          const QString &text = {})
{
    HistoryModel model(reader);
    model.setPageSize(page);
    QTableView view;
    view.setModel(&model);
    view.resize(1000, 700);
    view.show();

    Walk result;
    result.order = name;
    LoopLatency latency;
    QElapsedTimer total;
    total.start();
    QElapsedTimer timer;
    timer.start();
    if (!text.isEmpty())
        model.setFilter({}, {}, {}, text);
    else if (column < 0)
        model.refresh();
    else
        model.sort(column, order);
    result.firstPageMs = waitForPage(model, timer);

    QList<double> pages;
    while (model.canFetchMore({})) {
        timer.restart();
        // At the bottom of the scroll bar the view asks the model for more.
        QScrollBar *bar = view.verticalScrollBar();
        bar->setValue(bar->maximum());
        if (!model.isLoading())
            model.fetchMore({});
        pages.append(waitForPage(model, timer));
    }
    result.totalS = total.nsecsElapsed() / 1e9;
    result.pageP50 = percentile(pages, 50);
    result.pageP95 = percentile(pages, 95);
    result.pageMax = percentile(pages, 100);
    result.latencyP99 = latency.p99();
    result.latencyMax = latency.worst();
    result.rows = model.rowCount();
    return result;
}

// The median seconds `cat` takes to read a file of `bytes` bytes, the least any reader of
// that much data could take.
double catSeconds(qint64 bytes, const QString &folder)
{
    const QString path = folder + QStringLiteral("/reference.bin");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return 0;
    const QByteArray block(1 << 20, 'x');
    for (qint64 written = 0; written < bytes; written += block.size())
        file.write(block.constData(), qMin<qint64>(block.size(), bytes - written));
    file.close();

    QList<double> times;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer timer;
        timer.start();
        QProcess cat;
        cat.setStandardOutputFile(QProcess::nullDevice());
        cat.start(QStringLiteral("cat"), {path});
        cat.waitForFinished(-1);
        times.append(timer.nsecsElapsed() / 1e9);
    }
    QFile::remove(path);
    return percentile(times, 50);
}

Options parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs in the store."),
                      QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("page"), QStringLiteral("Runs per page."), QStringLiteral("N"),
                      QStringLiteral("100")});
    parser.addOption({QStringLiteral("store"), QStringLiteral("The SQLite file to fill and keep."),
                      QStringLiteral("FILE")});
    parser.addHelpOption();
    parser.process(arguments);
    Options options;
    options.runs = qMax(1, parser.value(QStringLiteral("runs")).toInt());
    options.page = qBound(1, parser.value(QStringLiteral("page")).toInt(), 1000);
    options.store = parser.value(QStringLiteral("store"));
    return options;
}

void report(const Options &options, double fillS, qint64 bytes, double catS,
            const QList<Walk> &walks)
{
    out() << "## History at " << QLocale(QLocale::English).toString(options.runs) << " runs\n\n"
          << "`bench/history/history_bench.cpp` (built as `history_bench`): an SQLite store filled "
             "through RunStore with "
          << options.runs << " runs (2 stages, 3 jobs each; " << QString::number(fillS, 'f', 1)
          << " s to fill, " << QString::number(bytes / 1048576.0, 'f', 1)
          << " MiB), shown in the real HistoryModel and a QTableView (offscreen) in pages of "
          << options.page
          << " runs, scrolled to the end page by page. Latency is how late a 5 ms QTimer fired "
             "meanwhile. The reference is `cat` of a file as large as the store: "
          << QString::number(catS * 1000, 'f', 1) << " ms.\n\n"
          << "| order | first page (ms) | to the end (s) | page p50 / p95 / max (ms) | "
             "loop latency p99 / max (ms) | to the end / cat |\n"
          << "|---|---|---|---|---|---|\n";
    for (const Walk &one : walks) {
        out() << "| " << one.order << " | " << QString::number(one.firstPageMs, 'f', 1) << " | "
              << QString::number(one.totalS, 'f', 2) << " | "
              << QString::number(one.pageP50, 'f', 1) << " / "
              << QString::number(one.pageP95, 'f', 1) << " / "
              << QString::number(one.pageMax, 'f', 1) << " | "
              << QString::number(one.latencyP99, 'f', 1) << " / "
              << QString::number(one.latencyMax, 'f', 1) << " | "
              << (catS > 0 ? QString::number(one.totalS / catS, 'f', 0) : QStringLiteral("-"))
              << " |\n";
        if (one.rows != options.runs && !one.order.startsWith(QLatin1String("search")))
            out() << "\n(" << one.order << " showed " << one.rows << " rows, not " << options.runs
                  << ")\n";
    }
    out() << Qt::endl;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const Options options = parse(app.arguments());
    QTemporaryDir scratch;
    const QString location = options.store.isEmpty()
                                 ? scratch.filePath(QStringLiteral("history.sqlite"))
                                 : options.store;

    double fillS = 0;
    {
        auto store = openStore(location);
        if (!store.ok()) {
            out() << store.error().message << Qt::endl;
            return 1;
        }
        const Result<double> filled = bench::fillHistory(*store.value(), options.runs);
        if (!filled.ok()) {
            out() << filled.error().message << Qt::endl;
            return 1;
        }
        fillS = *filled;
    }
    const qint64 bytes = QFileInfo(location).size();
    const double catS = catSeconds(bytes, scratch.path());

    StoreReader reader(location);
    QList<Walk> walks;
    walks.append(
        walk(reader, options.page, QStringLiteral("newest first"), -1, Qt::DescendingOrder));
    walks.append(walk(reader, options.page, QStringLiteral("duration, longest first"),
                      HistoryModel::DurationColumn, Qt::DescendingOrder));
    walks.append(walk(reader, options.page, QStringLiteral("branch, A first"),
                      HistoryModel::BranchColumn, Qt::AscendingOrder));
    walks.append(walk(reader, options.page, QStringLiteral("pipeline, A first"),
                      HistoryModel::PipelineColumn, Qt::AscendingOrder));
    walks.append(walk(reader, options.page, QStringLiteral("search \"user3\" (1 run in 7)"), -1,
                      Qt::DescendingOrder, QStringLiteral("user3")));
    report(options, fillS, bytes, catS, walks);
    return 0;
}
