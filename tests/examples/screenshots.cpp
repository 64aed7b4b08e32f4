// Takes the user guide's screenshots of the desktop app: pw-screenshots OUTPUT_DIR FILE
// opens the pipeline FILE in a window with a scratch history, runs it, and saves the window
// (QWidget::grab, so no screen capture is needed) at each step as OUTPUT_DIR/app-*.png: the
// run dialog, the monitor's views (jobs and log, graph, timeline), a log search, the
// history, the editor, and a run of a small release pipeline waiting at its gate.
#include "core/model/pipeline.h"
#include "core/util/currentuser.h"
#include "widgets/gates/gatepanel.h"
#include "widgets/logs/logview.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/rundialog.h"
#include "widgets/run/runmonitor.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

namespace {

// The window's own rendering, not the screen's, with the dialog it may have open.
class Camera
{
public:
    explicit Camera(QString folder)
        : m_folder(std::move(folder))
    {}

    bool take(QWidget *widget, const QString &name)
    {
        const QString path = QStringLiteral("%1/app-%2.png").arg(m_folder, name);
        const bool saved = widget->grab().save(path, "PNG");
        QTextStream(saved ? stdout : stderr)
            << (saved ? "saved " : "cannot write ") << path << Qt::endl;
        m_failed = m_failed || !saved;
        return saved;
    }
    bool failed() const { return m_failed; }

private:
    QString m_folder;
    bool m_failed = false;
};

// A release that waits for the user's approval before it deploys.
QString writeGatedPipeline(const QString &folder)
{
    const QString path = folder + QStringLiteral("/release.yml");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(QStringLiteral("name: release\n"
                              "stages:\n"
                              "  - name: build\n"
                              "    jobs:\n"
                              "      - name: package\n"
                              "        commands: ['echo \"packaging\"']\n"
                              "  - name: production\n"
                              "    gate:\n"
                              "      approvers: [%1, lead]\n"
                              "      timeout: 2h\n"
                              "      allow_self_approval: true\n"
                              "    jobs:\n"
                              "      - name: deploy\n"
                              "        commands: ['echo \"deploying\"']\n")
                   .arg(pw::currentUser())
                   .toUtf8());
    return path;
}

void fail(const QString &message)
{
    QTextStream(stderr) << "pw-screenshots: " << message << Qt::endl;
    QCoreApplication::exit(1);
}

} // namespace

int main(int argc, char *argv[])
{
    // Keep the user's settings, recent files and history out of it.
    QTemporaryDir scratch;
    qputenv("XDG_CONFIG_HOME", scratch.filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_DATA_HOME", scratch.filePath(QStringLiteral("data")).toUtf8());
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("pipewright"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/pipewright.svg")));
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() != 3 || !QDir().mkpath(arguments.at(1))) {
        QTextStream(stderr) << "usage: pw-screenshots OUTPUT_DIR PIPELINE_FILE" << Qt::endl;
        return 2;
    }

    Camera camera(arguments.at(1));
    pw::gui::ConnectionSettings connection;
    connection.store = scratch.filePath(QStringLiteral("history.sqlite"));
    pw::gui::MainWindow window(connection);
    window.setGeometry(100, 100, 1200, 760);
    window.show();

    // Step 1: the run dialog of the pipeline once it is open; then the run starts.
    bool gated = false;
    QObject::connect(&window, &pw::gui::MainWindow::pipelineFailed, &app,
                     [](const QString &message) { fail(message); });
    QObject::connect(&window, &pw::gui::MainWindow::pipelineLoaded, &app, [&] {
        QTimer::singleShot(300, &app, [&] {
            if (!gated)
                window.showRunDialog();
            QTimer::singleShot(300, &app, [&] {
                if (auto *dialog = window.findChild<pw::gui::RunDialog *>()) {
                    camera.take(dialog, QStringLiteral("run-dialog"));
                    dialog->reject();
                }
                pw::RunContext context;
                context.branch = QStringLiteral("main");
                context.commit = QStringLiteral("0123abc");
                if (const pw::Status started = window.startRun(context); !started)
                    fail(started.error().message);
            });
        });
    });

    // Step 2: the finished run in each of the monitor's views, a search in a log, the history,
    // the editor; then step 3, the gated release.
    QObject::connect(window.controller(), &pw::gui::RunController::runFinished, &app, [&] {
        if (gated)
            return QCoreApplication::exit(camera.failed() ? 1 : 0);
        pw::gui::RunMonitor *monitor = window.monitor();
        monitor->selectJob(1);
        QTimer::singleShot(500, &app, [&, monitor] {
            camera.take(&window, QStringLiteral("run"));
            monitor->views()->setCurrentIndex(1);
            QTimer::singleShot(500, &app, [&, monitor] {
                camera.take(&window, QStringLiteral("graph"));
                monitor->views()->setCurrentIndex(2);
                QTimer::singleShot(500, &app, [&, monitor] {
                    camera.take(&window, QStringLiteral("timeline"));
                    monitor->views()->setCurrentIndex(0);
                    monitor->logView()->openSearch();
                    monitor->logView()->setSearchText(QStringLiteral("npm"));
                    QTimer::singleShot(500, &app, [&] {
                        camera.take(&window, QStringLiteral("log-search"));
                        window.tabs()->setCurrentIndex(1);
                        QTimer::singleShot(1000, &app, [&] {
                            camera.take(&window, QStringLiteral("history"));
                            window.editPipeline(arguments.at(2));
                            QTimer::singleShot(1000, &app, [&] {
                                camera.take(&window, QStringLiteral("editor"));
                                gated = true;
                                window.openPipeline(writeGatedPipeline(scratch.path()));
                            });
                        });
                    });
                });
            });
        });
    });

    // Step 3: the release waits at its gate; the picture shows the banner, then it is approved.
    QTimer gateWatch;
    QObject::connect(&gateWatch, &QTimer::timeout, &app, [&] {
        pw::gui::GatePanel *panel = window.monitor()->gatePanel();
        if (!gated || !panel->isVisible() || !panel->approveButton()->isEnabled())
            return;
        gateWatch.stop();
        QTimer::singleShot(500, &app, [&, panel] {
            camera.take(&window, QStringLiteral("gate"));
            panel->approveButton()->click();
        });
    });
    gateWatch.start(200);

    QTimer::singleShot(90000, &app, [] { fail(QStringLiteral("the runs took over 90 s")); });
    window.openPipeline(arguments.at(2));
    return app.exec();
}
