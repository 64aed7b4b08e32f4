#pragma once

#include <QObject>

#include <utility>

namespace pw::secrets {

// Calls done(value) from the event loop of `context`'s thread, as the SecretStore interface
// promises also for answers known at once, so that callers see one order of events whichever
// store answers.
template<typename Done, typename Value>
void answerLater(QObject *context, Done done, Value value)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), value = std::move(value)] { done(value); },
        Qt::QueuedConnection);
}

} // namespace pw::secrets
