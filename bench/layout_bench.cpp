// Times the layered layout (core/layout) on generated pipelines: a 300-job one with about
// 600 needs, a 2,000-job one, the same 300 jobs again from the hints of a previous layout
// after one job was added, and any DAG workloads (dag.json from the shared gen_dag.py)
// named on the command line, all their jobs in one stage as bench/dag_to_pipeline.py does.
//
// Usage: layout_bench [--runs N] [dag.json ...]   Prints a markdown table of milliseconds.

#include "core/layout/layout.h"
#include "tests/layout/layoutsketch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <optional>

using namespace pw::layout;
using pw::Result;

namespace {

struct Workload
{
    QString name;
    LayoutInput input;
};

// All jobs of a gen_dag.py workload in one lane, with their needs as edges.
std::optional<Workload> readDag(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject dag = QJsonDocument::fromJson(file.readAll()).object();
    Workload workload{QStringLiteral("%1 (dag.json, one stage)")
                          .arg(dag.value(QStringLiteral("name")).toString()),
                      {}};
    workload.input.lanes = {QStringLiteral("all")};
    for (const QJsonValue &value : dag.value(QStringLiteral("jobs")).toArray()) {
        const QJsonObject job = value.toObject();
        const QString name = job.value(QStringLiteral("name")).toString();
        workload.input.nodes.append({name, 0, {}});
        for (const QJsonValue &need : job.value(QStringLiteral("needs")).toArray())
            workload.input.edges.append({need.toString(), name});
    }
    return workload;
}

// The 300-job pipeline with one job added, laid out from the hints of its first layout.
Workload afterOneMoreJob(const LayoutInput &before)
{
    Workload workload{QStringLiteral("300 jobs, one added, from hints"), before};
    const Result<Layout> was = layOut(before);
    workload.input.previous = hintFrom(before, *was);
    workload.input.nodes.append({QStringLiteral("added"), 5, {}});
    workload.input.edges.append({before.nodes.at(100).key, QStringLiteral("added")});
    return workload;
}

struct Timing
{
    double median = 0;
    double worst = 0;
    int edges = 0;
    int crossings = 0;
};

std::optional<Timing> timeLayout(const LayoutInput &input, int runs)
{
    std::vector<double> ms;
    Timing timing;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const Result<Layout> layout = layOut(input);
        ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!layout) {
            QTextStream(stderr) << layout.error().message << '\n';
            return std::nullopt;
        }
        timing.crossings = layout->crossings;
    }
    std::sort(ms.begin(), ms.end());
    timing.median = ms[ms.size() / 2];
    timing.worst = ms.back();
    timing.edges = int(input.edges.size());
    return timing;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 20;
    if (args.size() >= 2 && args.first() == QLatin1String("--runs")) {
        runs = std::max(1, args.at(1).toInt());
        args = args.mid(2);
    }

    const LayoutInput small = pw::test::generated(10, 30, 4, 300);
    std::vector<Workload> workloads = {
        {QStringLiteral("300 jobs in 10 stages"), small},
        afterOneMoreJob(small),
        {QStringLiteral("2,000 jobs in 20 stages"), pw::test::generated(20, 100, 4, 2000)},
    };
    for (const QString &path : std::as_const(args)) {
        if (std::optional<Workload> dag = readDag(path))
            workloads.push_back(std::move(*dag));
        else
            QTextStream(stderr) << "cannot read " << path << '\n';
    }

    QTextStream out(stdout);
    out << "| pipeline | jobs | needs | crossings | median (ms) | slowest (ms) |\n";
    out << "|---|---|---|---|---|---|\n";
    for (const Workload &workload : workloads) {
        const std::optional<Timing> timing = timeLayout(workload.input, runs);
        if (!timing)
            return 1;
        out << "| " << workload.name << " | " << workload.input.nodes.size() << " | "
            << timing->edges << " | " << timing->crossings << " | "
            << QString::number(timing->median, 'f', 1) << " | "
            << QString::number(timing->worst, 'f', 1) << " |\n";
    }
    out << "\n" << runs << " layouts each; goal: a 300-job pipeline well under 200 ms\n";
    return 0;
}
