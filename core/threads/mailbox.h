#pragma once

#include <QObject>

#include <functional>

namespace pw {

// Where other threads leave work for the thread this lives in: each function posted runs
// there, from its event loop, in the order posted, and none runs once the mailbox is gone.
// Make it a child of the object it serves, so that it moves to that object's thread and is
// deleted with it.
//
// Every hand-over between the core's threads goes through a mailbox or a pool task
// (pooltask.h), so that ThreadSanitizer sees each one (handover.h); a queued signal or
// QMetaObject::invokeMethod would hide it inside Qt.
class Mailbox : public QObject
{
public:
    using QObject::QObject;

    // Safe from any thread, as long as the mailbox lives.
    void post(std::function<void()> work);

    // Posts `work` and waits until it has run; runs it at once when called from the
    // mailbox's own thread. The mailbox's thread must be running its event loop.
    void postAndWait(std::function<void()> work);

protected:
    bool event(QEvent *event) override;
};

} // namespace pw
