// The pipeline editor at 300 jobs, offscreen: reading the text, laying the graph out and
// building its scene (anew and from the previous layout), one edit made through the whole
// editor (text, reload, redraw), and the frame times of scripted zoom and pan steps.
// Prints Markdown rows for the "Editor" section of docs/performance.md. Not a test: run
// it by hand, e.g. QT_QPA_PLATFORM=offscreen build/bench/editor/editor_bench

#include "core/edit/pipelinedocument.h"
#include "widgets/editor/editordocument.h"
#include "widgets/editor/editorscene.h"
#include "widgets/editor/graphview.h"
#include "widgets/editor/pipelineeditor.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace pw;

namespace {

constexpr int stages = 10;
constexpr int jobsPerStage = 30;
constexpr int repeats = 15;
constexpr int frameSteps = 40;

// Each job needs one to three jobs of the stage before, picked by a fixed rule, so that
// every run of the benchmark lays out the same graph.
QByteArray generatedPipeline()
{
    QByteArray text = "name: generated\nstages:\n";
    for (int stage = 0; stage < stages; ++stage) {
        text += "  - name: stage" + QByteArray::number(stage) + "\n    jobs:\n";
        for (int job = 0; job < jobsPerStage; ++job) {
            text += "      - name: s" + QByteArray::number(stage) + "j" + QByteArray::number(job)
                    + "\n";
            if (stage > 0) {
                QByteArrayList needs;
                for (int n = 0; n <= (job * 7 + stage) % 3; ++n) {
                    const int needed = (job * 13 + n * 5 + stage) % jobsPerStage;
                    const QByteArray name =
                        "s" + QByteArray::number(stage - 1) + "j" + QByteArray::number(needed);
                    if (!needs.contains(name))
                        needs.append(name);
                }
                text += "        needs: [" + needs.join(", ") + "]\n";
            }
            text += "        commands: [echo " + QByteArray::number(job) + "]\n";
        }
    }
    return text;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double share)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qsizetype((values.size() - 1) * share));
}

double timedMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

void row(const QString &what, const QString &figure)
{
    std::printf("| %s | %s |\n", qPrintable(what), qPrintable(figure));
}

QString ms(double value)
{
    return QString::number(value, 'f', 1) + QStringLiteral(" ms");
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QByteArray text = generatedPipeline();

    // Reading the text: the loader, the syntax tree and the places of every job.
    QList<double> reads;
    edit::PipelineDocument document;
    for (int i = 0; i < repeats; ++i)
        reads.append(timedMs([&] { document.setText(text); }));
    if (!document.isValid()) {
        std::fprintf(stderr, "the generated pipeline is invalid\n");
        return 1;
    }
    const Pipeline &pipeline = *document.pipeline();

    // Layout and scene, each time with a fresh scene (no hints) and then from the last.
    QList<double> fresh;
    QList<double> hinted;
    for (int i = 0; i < repeats; ++i) {
        gui::EditorScene scene;
        fresh.append(timedMs([&] { (void)scene.showPipeline(pipeline); }));
        hinted.append(timedMs([&] { (void)scene.showPipeline(pipeline); }));
    }

    // One edit through the editor: the edit, the text view, the reload and the redraw.
    QTemporaryDir folder;
    const QString path = folder.filePath(QStringLiteral("pipewright.yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return 1;
    file.close();
    gui::PipelineEditor editor;
    editor.resize(1400, 900);
    editor.show();
    if (!editor.openFile(path))
        return 1;
    QCoreApplication::processEvents();
    QList<double> edits;
    for (int job = 0; job < repeats; ++job) {
        const QString from = QStringLiteral("s0j%1").arg(job);
        edits.append(timedMs([&] { (void)editor.connectJobs(from, QStringLiteral("s0j29")); }));
    }

    // Zoom and pan steps, each painted at once as a frame.
    gui::GraphView *view = editor.graphView();
    view->resetTransform();
    QList<double> frames;
    const auto frame = [&](const std::function<void()> &step) {
        frames.append(timedMs([&] {
            step();
            // grab() paints the viewport now, as a frame on screen would be painted.
            (void)view->viewport()->grab();
        }));
    };
    for (int i = 0; i < frameSteps; ++i)
        frame([&] { view->zoomBy(i < frameSteps / 2 ? 0.93 : 1 / 0.93); });
    for (int i = 0; i < frameSteps; ++i) {
        frame([&] {
            QScrollBar *bar = i % 2 ? view->verticalScrollBar() : view->horizontalScrollBar();
            bar->setValue(bar->value() + 60);
        });
    }
    view->fitAll();
    for (int i = 0; i < frameSteps; ++i)
        frame([&] { view->horizontalScrollBar()->setValue(i * 20); });

    std::printf("| %d jobs in %d stages, %lld needs | median |\n|---|---|\n", stages * jobsPerStage,
                stages, static_cast<long long>(editor.scene().edges().size()));
    row(QStringLiteral("read the text (load, syntax tree, places)"), ms(median(reads)));
    row(QStringLiteral("lay out and build the scene, no previous layout"), ms(median(fresh)));
    row(QStringLiteral("lay out and build the scene from the previous layout"), ms(median(hinted)));
    row(QStringLiteral("one edit through the editor (edit, text view, reload, redraw)"),
        ms(median(edits)));
    row(QStringLiteral("zoom/pan frame, median / 95th percentile / worst"),
        ms(median(frames)) + QStringLiteral(" / ") + ms(percentile(frames, 0.95))
            + QStringLiteral(" / ") + ms(percentile(frames, 1.0)));
    return 0;
}
