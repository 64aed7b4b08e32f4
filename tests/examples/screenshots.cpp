// Takes the user guide's screenshots of the desktop app: pw-screenshots OUTPUT_DIR FILE
// opens the pipeline FILE in a window with a scratch history, runs it, and saves the window
// (QWidget::grab, so no screen capture is needed) at each step as OUTPUT_DIR/app-*.png.
#include "core/model/pipeline.h"
#include "widgets/mainwindow.h"
#include "widgets/runcontroller.h"
#include "widgets/rundialog.h"
#include "widgets/runmonitor.h"

#include <QApplication>
#include <QDir>
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
    QObject::connect(&window, &pw::gui::MainWindow::pipelineFailed, &app,
                     [](const QString &message) { fail(message); });
    QObject::connect(&window, &pw::gui::MainWindow::pipelineLoaded, &app, [&] {
        QTimer::singleShot(300, &app, [&] {
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

    // Step 2: the finished run with a job's log; step 3: the history with the run in it.
    QObject::connect(window.controller(), &pw::gui::RunController::runFinished, &app, [&] {
        // A job's log beside the tree: the second job, a check in every example.
        window.monitor()->selectJob(1);
        QTimer::singleShot(500, &app, [&] {
            camera.take(&window, QStringLiteral("run"));
            window.tabs()->setCurrentIndex(1);
            QTimer::singleShot(800, &app, [&] {
                camera.take(&window, QStringLiteral("history"));
                QCoreApplication::exit(camera.failed() ? 1 : 0);
            });
        });
    });

    QTimer::singleShot(60000, &app, [] { fail(QStringLiteral("the run took over a minute")); });
    window.openPipeline(arguments.at(2));
    return app.exec();
}
