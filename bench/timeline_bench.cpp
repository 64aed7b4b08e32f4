// Times the run timeline (core/timeline) on generated runs of 2,000 and 20,000 jobs: one
// chain of needs, stages without needs, each job needing the 20 before it, and a run half
// done with jobs running and pending; with no limit on workers and with 4. Then paints a
// 2,000-job chart (widgets/timeline) offscreen into an image, as the view does each second.
//
// Usage: timeline_bench [--runs N] [--png FILE]   Prints markdown tables of milliseconds
// (medians); --png saves the screenful painted, to look at.

#include "core/timeline/timeline.h"
#include "widgets/timeline/ganttchart.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <functional>

using namespace pw;

namespace {

const QDateTime kStart(QDate(2026, 1, 1), QTime(12, 0), Qt::UTC);

QString nameOf(int job)
{
    return QStringLiteral("job%1").arg(job);
}

// `shape`: "chain", "stages", "dense" or "half done".
RunRecord makeRun(const QString &shape, int jobs, QHash<QString, qint64> &durations)
{
    RunRecord run;
    run.id = 1;
    run.status = RunStatus::Running;
    run.startedAt = kStart;
    for (int stage = 0; stage < 100; ++stage)
        run.stages.append(
            {stage, QStringLiteral("stage%1").arg(stage), StageStatus::Running, {}, {}});
    for (int job = 0; job < jobs; ++job) {
        JobRecord record;
        record.index = job;
        record.name = nameOf(job);
        record.stage = shape == QLatin1String("chain") ? 0 : job * 100 / jobs;
        if (shape == QLatin1String("chain") && job > 0)
            record.needs = {nameOf(job - 1)};
        for (int before = std::max(0, job - 20); shape == QLatin1String("dense") && before < job;
             ++before)
            record.needs.append(nameOf(before));
        if (shape == QLatin1String("half done") && job < jobs / 2) {
            record.status = JobStatus::Success;
            record.startedAt = kStart.addSecs(record.stage * 10);
            record.finishedAt = record.startedAt.addSecs(1 + job % 9);
        } else if (shape == QLatin1String("half done") && job < jobs / 2 + 8) {
            record.status = JobStatus::Running;
            record.startedAt = kStart.addSecs(record.stage * 10);
        }
        durations.insert(record.name, 1000 + (job * 7919) % 9000);
        run.jobs.append(record);
    }
    return run;
}

double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype runsAt = args.indexOf(QStringLiteral("--runs"));
    const int runs = runsAt > 0 && runsAt + 1 < args.size() ? args.at(runsAt + 1).toInt() : 9;
    QTextStream out(stdout);

    out << "| run | jobs | no limit (ms) | 4 workers (ms) |\n|---|---|---|---|\n";
    for (const QString shape : {"chain", "stages", "dense", "half done"}) {
        for (int jobs : {2000, 20000}) {
            timeline::TimelineInputs inputs;
            const RunRecord run = makeRun(shape, jobs, inputs.pastDurationsMs);
            inputs.now = kStart.addSecs(600);
            const double unlimited =
                medianMs(runs, [&] { timeline::computeTimeline(run, inputs); });
            inputs.workers = 4;
            const double four = medianMs(runs, [&] { timeline::computeTimeline(run, inputs); });
            out << "| " << shape << " | " << jobs << " | " << QString::number(unlimited, 'f', 1)
                << " | " << QString::number(four, 'f', 1) << " |\n";
        }
    }

    // The chart of a 2,000-job run, painted whole and as one screenful.
    timeline::TimelineInputs inputs;
    const RunRecord run = makeRun(QStringLiteral("half done"), 2000, inputs.pastDurationsMs);
    inputs.now = kStart.addSecs(600);
    gui::GanttChart chart;
    chart.setTimeline(run, timeline::computeTimeline(run, inputs));
    chart.setPixelsPerSecond(chart.fittingPixelsPerSecond(1200));
    chart.resize(chart.sizeHint());
    QImage screen(1200, 800, QImage::Format_ARGB32_Premultiplied);
    const double screenful = medianMs(runs, [&] {
        QPainter painter(&screen);
        chart.render(&painter, QPoint(), QRegion(0, 0, 1200, 800));
    });
    if (const qsizetype pngAt = args.indexOf(QStringLiteral("--png"));
        pngAt > 0 && pngAt + 1 < args.size())
        screen.save(args.at(pngAt + 1));
    out << "\n| chart of 2,000 jobs | ms |\n|---|---|\n"
        << "| one screen (1200x800) | " << QString::number(screenful, 'f', 1) << " |\n";
    return 0;
}
