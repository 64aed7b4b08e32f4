#pragma once

#include <QString>
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

} // namespace pw::test
