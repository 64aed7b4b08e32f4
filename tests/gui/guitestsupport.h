#pragma once

#include "widgets/run/runmodel.h"

#include <QCoreApplication>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

namespace pw::test {

// The offscreen platform warns that it cannot pass size hints on each time a window shows.
// That says nothing about the app, so this keeps only that message from the test's log;
// every other warning still fails the test. Call once, from initTestCase().
inline void dropPlatformNoise()
{
    static QtMessageHandler next = nullptr;
    next = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &text) {
            if (type == QtWarningMsg
                && text == QLatin1String("This plugin does not support propagateSizeHints()"))
                return;
            next(type, context, text);
        });
}

// Keeps the user's settings, recent files and history out of a GUI test: its data, its
// settings and its store live in `home`, under the test's own application name.
inline void useScratchHome(const QTemporaryDir &home, const QString &testName)
{
    qputenv("XDG_DATA_HOME", home.filePath(QStringLiteral("data")).toLocal8Bit());
    qputenv("XDG_CONFIG_HOME", home.filePath(QStringLiteral("config")).toLocal8Bit());
    qputenv("PIPEWRIGHT_DB", home.filePath(QStringLiteral("history.db")).toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("PipewrightTest"));
    QCoreApplication::setApplicationName(testName);
}

// Whether the model's run and every one of its jobs have finished.
inline bool allJobsFinished(const gui::RunModel &model)
{
    if (model.run().jobs.isEmpty())
        return false;
    for (const JobRecord &job : model.run().jobs) {
        if (!isFinished(job.status))
            return false;
    }
    return isFinished(model.run().status);
}

} // namespace pw::test
