#include "mailbox.h"

#include "handover.h"

#include <QCoreApplication>
#include <QEvent>
#include <QThread>

#include <condition_variable>
#include <mutex>

namespace pw {

namespace {

const QEvent::Type workEventType = QEvent::Type(QEvent::registerEventType());

struct WorkEvent : QEvent
{
    explicit WorkEvent(std::function<void()> function)
        : QEvent(workEventType)
        , work(std::move(function))
    {}

    std::function<void()> work;
};

} // namespace

void Mailbox::post(std::function<void()> work)
{
    auto *event = new WorkEvent(std::move(work));
    handOver(event);
    QCoreApplication::postEvent(this, event);
}

void Mailbox::postAndWait(std::function<void()> work)
{
    if (thread() == QThread::currentThread()) {
        work();
        return;
    }

    // A standard mutex rather than a blocking queued call: ThreadSanitizer sees this one.
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    post([&] {
        work();
        const std::lock_guard<std::mutex> lock(mutex);
        done = true;
        finished.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex);
    finished.wait(lock, [&] { return done; });
}

bool Mailbox::event(QEvent *event)
{
    // Before the event is read at all: even its type was written by the posting thread.
    takeOver(event);
    if (event->type() != workEventType)
        return QObject::event(event);
    static_cast<WorkEvent *>(event)->work();
    return true;
}

} // namespace pw
