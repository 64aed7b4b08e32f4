#pragma once

#include "core/util/result.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>

#include <functional>
#include <optional>

namespace pw::secrets {

// Starts an asynchronous operation with a context object of this thread and spins a local
// event loop until it calls back or `timeoutMs` passes. On timeout the operation's late
// answer goes nowhere (its context is gone) and `onTimeout` is returned.
template<typename T>
T waitForAnswer(const std::function<void(QObject *, std::function<void(const T &)>)> &start,
                int timeoutMs, const T &onTimeout)
{
    QEventLoop loop;
    std::optional<T> answer;
    {
        QObject context;
        start(&context, [&](const T &value) {
            answer = value;
            loop.quit();
        });
        if (!answer) {
            QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
            loop.exec(QEventLoop::ExcludeUserInputEvents);
        }
    }
    return answer ? *answer : onTimeout;
}

// "1 second", "5 seconds": a timeout rounded up to whole seconds, for messages.
inline QString secondsText(int timeoutMs)
{
    const int seconds = qMax(1, (timeoutMs + 999) / 1000);
    return seconds == 1 ? QStringLiteral("1 second") : QStringLiteral("%1 seconds").arg(seconds);
}

// The message of a blocking wrapper that gave up waiting.
inline Error noAnswerWithin(const QString &what, int timeoutMs)
{
    return Error{QStringLiteral("%1 did not answer within %2").arg(what, secondsText(timeoutMs))};
}

} // namespace pw::secrets
