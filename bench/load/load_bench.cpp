// Pipewright under load, with ninja on the same DAG as the reference, in one go:
//   - 20 runs of a 50-job pipeline (5 stages of 10, each job needing two of the stage before
//     and printing 20 lines) started at once in one process, as the app assembles them (one
//     RunSession per run, one shared StoreWriter, job runner and file stager), 4 jobs at a
//     time per run: on SQLite and on a throwaway PostgreSQL. Each in a process of its own,
//     so that its peak RSS is its own.
//   - two `pwctl run` at once on the PostgreSQL store, each a 500-job pipeline, --jobs 40.
//   - ninja -j80 on the same 1,000 jobs and needs, its output thrown away.
// Store write lag: from a run's end (its last record handed to the writer) to the moment the
// writer has stored all of it. Prints the "Load" section for docs/performance.md.
//
// Usage: load_bench [--runs N] [--lines N]   (build with the tests: ninja load_bench)
#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/loader/pipelineloader.h"
#include "core/record/storewriter.h"
#include "core/session/runsession.h"
#include "core/store/runstore.h"
#include "loadsupport.h"
#include "postgresserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <sys/resource.h>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int jobsAtOnce = 4;

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double medianOf(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0;
}

// When each run ended, as the executor tells its observers.
class RunEndClock : public RunEventSink
{
public:
    explicit RunEndClock(const QElapsedTimer &clock)
        : m_clock(clock)
    {}
    void runChanged(const RunRecord &run) override
    {
        if (isFinished(run.status) && m_endedMs < 0)
            m_endedMs = m_clock.nsecsElapsed() / 1e6;
    }
    double endedMs() const { return m_endedMs; }

private:
    const QElapsedTimer &m_clock;
    double m_endedMs = -1;
};

struct Figures
{
    double wallS = 0;
    double rssMiB = 0;
    double lagMedianMs = 0;
    double lagMaxMs = 0;
    double queuedMaxMiB = 0;
    int complete = 0;
};

// One in-process measurement: `runs` runs of `shape` at once on the store at `location`.
// Prints its figures as one line for the parent.
int measureInProcess(const QString &location, int runs, PipelineShape shape, const QString &dir)
{
    auto opened = openStore(location);
    if (!opened) {
        out() << "error " << opened.error().message << Qt::endl;
        return 1;
    }
    files::FileStager stager(files::defaultFilesSettings(location));
    StoreWriter writer(location);
    LocalJobRunner runner;
    QElapsedTimer clock;
    std::vector<std::unique_ptr<RunEndClock>> ends;
    std::vector<std::unique_ptr<RunSession>> sessions;
    QList<double> lags;
    qint64 queuedMax = 0;
    QTimer sampler;
    QObject::connect(&sampler, &QTimer::timeout,
                     [&] { queuedMax = std::max(queuedMax, writer.queuedBytes()); });
    sampler.start(20);
    QEventLoop loop;

    clock.start();
    for (int number = 0; number < runs; ++number) {
        shape.name = QStringLiteral("load-%1").arg(number);
        const LoadResult loaded = loadPipelineText(pipelineText(shape), shape.name, dir);
        RunRequest request;
        request.pipeline = loaded.pipeline;
        request.maxParallel = jobsAtOnce;
        request.stager = &stager;
        ends.push_back(std::make_unique<RunEndClock>(clock));
        sessions.push_back(std::make_unique<RunSession>(**opened, writer, runner));
        RunEndClock *end = ends.back().get();
        QObject::connect(sessions.back().get(), &RunSession::finished, &loop, [&, end] {
            lags.append(clock.nsecsElapsed() / 1e6 - end->endedMs());
            if (lags.size() == runs)
                loop.quit();
        });
        if (const Status started = sessions.back()->start(request, end); !started) {
            out() << "error " << started.error().message << Qt::endl;
            return 1;
        }
    }
    loop.exec();
    const double wallS = clock.nsecsElapsed() / 1e9;

    int complete = 0;
    for (int number = 0; number < runs; ++number) {
        shape.name = QStringLiteral("load-%1").arg(number);
        if (checkRunIsComplete(**opened, sessions[size_t(number)]->run().id, shape))
            ++complete;
    }
    out() << "figures " << wallS << ' ' << peakRssMiB() << ' ' << medianOf(lags) << ' '
          << *std::max_element(lags.begin(), lags.end()) << ' ' << queuedMax / 1048576.0 << ' '
          << complete << Qt::endl;
    return 0;
}

Figures inChild(const QString &location, int runs, int lines, const QString &dir)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--one"), location, QStringLiteral("--runs"), QString::number(runs),
                 QStringLiteral("--lines"), QString::number(lines), QStringLiteral("--dir"), dir});
    child.waitForFinished(-1);
    const QStringList words = QString::fromUtf8(child.readAllStandardOutput())
                                  .split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Figures figures;
    if (words.size() == 7 && words[0] == QLatin1String("figures")) {
        figures.wallS = words[1].toDouble();
        figures.rssMiB = words[2].toDouble();
        figures.lagMedianMs = words[3].toDouble();
        figures.lagMaxMs = words[4].toDouble();
        figures.queuedMaxMiB = words[5].toDouble();
        figures.complete = words[6].trimmed().toInt();
    } else {
        out() << "the measurement on " << location << " failed: " << words.join(' ') << Qt::endl;
    }
    return figures;
}

// Runs `program` under /usr/bin/time; returns the wall seconds and the peak RSS in MiB.
std::pair<double, double> timed(QProcess &process)
{
    process.waitForFinished(-1);
    const QString report = QString::fromUtf8(process.readAllStandardError()).trimmed();
    const QStringList lastLine = report.split(QLatin1Char('\n')).last().split(QLatin1Char(' '));
    if (lastLine.size() != 2 || process.exitCode() != 0) {
        out() << "failed (" << process.exitCode() << "): " << report.right(400) << Qt::endl;
        return {0, 0};
    }
    return {lastLine[0].toDouble(), lastLine[1].toDouble() / 1024.0};
}

QProcess *startTimed(const QString &program, const QStringList &arguments, const QString &dir)
{
    auto *process = new QProcess;
    process->setWorkingDirectory(dir);
    process->setStandardOutputFile(QProcess::nullDevice());
    process->start(QStringLiteral("/usr/bin/time"),
                   QStringList{QStringLiteral("-f"), QStringLiteral("%e %M"), program} + arguments);
    return process;
}

// The same jobs, commands and needs as `runs` runs of `shape`, as a ninja file.
void writeNinjaFile(const QString &path, int runs, PipelineShape shape)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return;
    file.write("rule job\n  command = $cmd && : > $out\n\n");
    for (int number = 0; number < runs; ++number) {
        for (int stage = 0; stage < shape.stages; ++stage) {
            for (int job = 0; job < shape.jobsPerStage; ++job) {
                const QByteArray name =
                    QStringLiteral("r%1s%2j%3").arg(number).arg(stage).arg(job).toUtf8();
                QByteArray line = "build " + name + ": job";
                if (stage > 0) {
                    line += " | r" + QByteArray::number(number) + 's'
                            + QByteArray::number(stage - 1) + 'j' + QByteArray::number(job) + " r"
                            + QByteArray::number(number) + 's' + QByteArray::number(stage - 1) + 'j'
                            + QByteArray::number((job + 1) % shape.jobsPerStage);
                }
                file.write(line + "\n  cmd = seq -f '" + name + " line %g' 1 "
                           + QByteArray::number(shape.lines) + "\n");
            }
        }
    }
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(text);
}

QString number(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs at once."), QStringLiteral("N"),
                      QStringLiteral("20")});
    parser.addOption({QStringLiteral("lines"), QStringLiteral("Lines each job prints."),
                      QStringLiteral("N"), QStringLiteral("20")});
    parser.addOption({QStringLiteral("one"), QStringLiteral("(internal) measure one store."),
                      QStringLiteral("LOCATION")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("(internal) the jobs' folder."),
                      QStringLiteral("DIR")});
    parser.addHelpOption();
    parser.process(app);
    const int runs = qBound(1, parser.value(QStringLiteral("runs")).toInt(), 200);
    PipelineShape shape;
    shape.lines = qBound(1, parser.value(QStringLiteral("lines")).toInt(), 100000);
    if (parser.isSet(QStringLiteral("one")))
        return measureInProcess(parser.value(QStringLiteral("one")), runs, shape,
                                parser.value(QStringLiteral("dir")));

    QTemporaryDir work;
    qputenv("XDG_DATA_HOME", work.filePath(QStringLiteral("data")).toLocal8Bit());
    auto server = PostgresServer::start();
    if (!server) {
        out() << server.error().message << Qt::endl;
        return 1;
    }
    (*server)->createRole(QStringLiteral("ci"));
    (*server)->createDatabase(QStringLiteral("history"), QStringLiteral("ci"));
    const QString postgres = (*server)->url(QStringLiteral("ci"), QStringLiteral("history"));
    const int jobs = runs * shape.jobCount();

    // ninja first, on the same DAG and as many jobs at once.
    writeNinjaFile(work.filePath(QStringLiteral("build.ninja")), runs, shape);
    QProcess *ninja =
        startTimed(QStringLiteral("ninja"),
                   {QStringLiteral("-j"), QString::number(runs * jobsAtOnce)}, work.path());
    const auto [ninjaS, ninjaRss] = timed(*ninja);
    delete ninja;

    const Figures sqlite =
        inChild(work.filePath(QStringLiteral("history.sqlite")), runs, shape.lines, work.path());
    const Figures pg = inChild(postgres, runs, shape.lines, work.path());

    // Two pwctl at once, each with half the jobs in one pipeline.
    PipelineShape half = shape;
    half.stages = 10;
    half.jobsPerStage = jobs / 2 / half.stages;
    QList<QProcess *> pwctls;
    QElapsedTimer pair;
    pair.start();
    for (const char *name : {"left", "right"}) {
        half.name = QString::fromLatin1(name);
        const QString file = work.filePath(half.name + QStringLiteral(".yml"));
        writeFile(file, pipelineText(half));
        pwctls.append(startTimed(QStringLiteral(PIPEWRIGHT_PWCTL),
                                 {QStringLiteral("run"), file, QStringLiteral("--db"), postgres,
                                  QStringLiteral("--jobs"), QString::number(runs * jobsAtOnce / 2)},
                                 work.path()));
    }
    double pwctlRss = 0;
    for (QProcess *process : pwctls) {
        pwctlRss = std::max(pwctlRss, timed(*process).second);
        delete process;
    }
    const double pairS = pair.nsecsElapsed() / 1e9;
    int pairComplete = 0;
    if (auto store = openStore(postgres)) {
        for (const char *name : {"left", "right"}) {
            half.name = QString::fromLatin1(name);
            const auto ids = runsOf(**store, half.name);
            if (ids && ids->size() == 1 && checkRunIsComplete(**store, ids->first(), half))
                ++pairComplete;
        }
    }

    out() << "## Load\n\n"
          << "`bench/load/load_bench.cpp` (built with the tests as `load_bench`): " << runs
          << " runs of a " << shape.jobCount() << "-job pipeline (" << shape.stages << " stages of "
          << shape.jobsPerStage << ", each job needing two of the stage before and printing "
          << shape.lines
          << " lines) started at once in one process, as the app assembles them (one session "
             "per run, one shared history writer), "
          << jobsAtOnce << " jobs at a time per run; then two `pwctl run` at once on one "
          << "PostgreSQL store, each a pipeline of " << jobs / 2 << " jobs with `--jobs "
          << runs * jobsAtOnce / 2 << "`; the reference is ninja -j" << runs * jobsAtOnce
          << " on the same " << jobs
          << " jobs and needs. Write lag: from a run's end to all "
             "of it being in the store. \"Complete\": runs whose every job, attempt and log "
             "byte was read back.\n\n"
          << "| what | wall (s) | jobs/s | peak RSS (MiB) | write lag median / max (ms) | "
             "output held at most (MiB) | complete | wall / ninja |\n"
          << "|---|---|---|---|---|---|---|---|\n";
    auto row = [&](const QString &what, double wallS, double rss, const QString &lag,
                   const QString &held, const QString &complete) {
        out() << "| " << what << " | " << number(wallS, 2) << " | "
              << (wallS > 0 ? number(jobs / wallS, 0) : QStringLiteral("-")) << " | " << number(rss)
              << " | " << lag << " | " << held << " | " << complete << " | "
              << (ninjaS > 0 ? number(wallS / ninjaS, 2) : QStringLiteral("-")) << " |\n";
    };
    row(QStringLiteral("ninja -j%1").arg(runs * jobsAtOnce), ninjaS, ninjaRss, QStringLiteral("-"),
        QStringLiteral("-"), QStringLiteral("-"));
    for (const auto &[name, figures] : {std::pair{QStringLiteral("one process, SQLite"), sqlite},
                                        std::pair{QStringLiteral("one process, PostgreSQL"), pg}}) {
        row(name, figures.wallS, figures.rssMiB,
            number(figures.lagMedianMs, 0) + QStringLiteral(" / ") + number(figures.lagMaxMs, 0),
            number(figures.queuedMaxMiB, 2),
            QStringLiteral("%1 of %2").arg(figures.complete).arg(runs));
    }
    row(QStringLiteral("two pwctl, PostgreSQL"), pairS, pwctlRss, QStringLiteral("-"),
        QStringLiteral("-"), QStringLiteral("%1 of 2").arg(pairComplete));
    out() << Qt::endl;
    return 0;
}
