#pragma once

#include "keychainaccess.h"

#include <QObject>

namespace QKeychain {
class Job;
}

namespace pw::secrets {

// The keychain thread's side of one request: checks the bus, runs the QtKeychain job and
// reports its outcome, then deletes itself.
class KeychainCall : public QObject
{
    Q_OBJECT

public:
    explicit KeychainCall(const KeychainRequest &request);

    // Call on the keychain thread.
    void start();

signals:
    void answered(int kind, const QByteArray &data, const QString &detail);

private:
    void startJob();
    void onJobFinished(QKeychain::Job *job);
    void answer(KeychainAnswer::Kind kind, const QByteArray &data, const QString &detail);

    KeychainRequest m_request;
};

// The asking thread's side: delivers the first of the answer and the timeout, then goes.
class PendingKeychainCall : public QObject
{
    Q_OBJECT

public:
    PendingKeychainCall(std::function<void(const KeychainAnswer &)> done, int timeoutMs,
                        QObject *context);

    void onAnswered(int kind, const QByteArray &data, const QString &detail);

private:
    void finish(const KeychainAnswer &answer);

    std::function<void(const KeychainAnswer &)> m_done;
    bool m_finished = false;
};

} // namespace pw::secrets
