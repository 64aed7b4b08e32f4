#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

class QObject;

namespace pw::secrets {

// One read, write or removal of a keychain entry.
struct KeychainRequest
{
    enum class Operation { Read, Write, Remove };

    Operation operation = Operation::Read;
    QString service;
    QString key;
    QByteArray data; // Write: the value
    int timeoutMs = 5000;
};

// What the keychain answered. `detail` says why for Unavailable and Failed.
struct KeychainAnswer
{
    enum class Kind { Done, NotFound, Unavailable, TimedOut, Failed };

    Kind kind = Kind::Done;
    QByteArray data; // Read: the value
    QString detail;
};

// Runs `request` on the process's keychain thread and calls `done` once from the event loop
// of `context`'s thread: with the answer, or with TimedOut after request.timeoutMs, or with
// Unavailable at once when no secret service can be reached on the session bus (checked
// before each request; no bus is ever started). Never called when `context` goes first.
//
// QtKeychain queues its jobs in one object that is not thread-safe, and a job's answer is
// delivered by the event loop of the thread that started it; running every job on one thread
// of ours makes both hold whichever thread asks, also one that waits for the answer.
void runKeychainRequest(const KeychainRequest &request, QObject *context,
                        std::function<void(const KeychainAnswer &)> done);

} // namespace pw::secrets
