#include "keychainaccess.h"

#include "keychaincall.h"
#include "secretslog.h"
#include "sessionbus.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>
#include <qt6keychain/keychain.h>

namespace pw::secrets {

namespace {

// Asking the bus whether a secret service runs must be quicker than the request itself.
constexpr int maxBusCheckMs = 2000;

// How long the keychain thread keeps a call whose job never finished (a prompt nobody
// answers) after its asker gave up.
constexpr int abandonAfterExtraMs = 1000;

// Lets the thread end its event loop when the application goes; a thread still running
// when its QThread is destroyed would abort the process.
void stopKeychainThread();

QThread *keychainThread()
{
    static QThread *const thread = [] {
        auto *started = new QThread;
        started->setObjectName(QStringLiteral("pipewright-keychain"));
        started->start();
        qAddPostRoutine(stopKeychainThread);
        return started;
    }();
    return thread;
}

void stopKeychainThread()
{
    QThread *thread = keychainThread();
    thread->quit();
    // A keychain that never answers does not block the loop (its jobs are asynchronous), so
    // this returns quickly; if it does not, the thread is left to the process's end.
    if (thread->wait(2000))
        delete thread;
}

QKeychain::Job *createJob(const KeychainRequest &request, QObject *parent)
{
    switch (request.operation) {
    case KeychainRequest::Operation::Read:
        return new QKeychain::ReadPasswordJob(request.service, parent);
    case KeychainRequest::Operation::Write: {
        auto *job = new QKeychain::WritePasswordJob(request.service, parent);
        job->setBinaryData(request.data);
        return job;
    }
    case KeychainRequest::Operation::Remove:
        return new QKeychain::DeletePasswordJob(request.service, parent);
    }
    return nullptr;
}

} // namespace

KeychainCall::KeychainCall(const KeychainRequest &request)
    : m_request(request)
{}

void KeychainCall::start()
{
    QTimer::singleShot(m_request.timeoutMs + abandonAfterExtraMs, this, &QObject::deleteLater);

    const Status service = checkSecretService(qMin(m_request.timeoutMs, maxBusCheckMs));
    if (!service.ok()) {
        answer(KeychainAnswer::Kind::Unavailable, {}, service.error().message);
        return;
    }
    startJob();
}

void KeychainCall::startJob()
{
    // No parent: QtKeychain deletes a job itself once it finished, also one whose call has
    // been abandoned meanwhile.
    QKeychain::Job *job = createJob(m_request, nullptr);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(m_request.key);
    connect(job, &QKeychain::Job::finished, this, &KeychainCall::onJobFinished);
    job->start();
}

void KeychainCall::onJobFinished(QKeychain::Job *job)
{
    using Kind = KeychainAnswer::Kind;
    switch (job->error()) {
    case QKeychain::NoError: {
        const auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(job);
        answer(Kind::Done, read ? read->binaryData() : QByteArray(), QString());
        return;
    }
    case QKeychain::EntryNotFound:
        answer(Kind::NotFound, {}, job->errorString());
        return;
    case QKeychain::NoBackendAvailable:
        answer(Kind::Unavailable, {}, job->errorString());
        return;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        answer(Kind::Failed, {}, QStringLiteral("access denied (%1)").arg(job->errorString()));
        return;
    default:
        answer(Kind::Failed, {}, job->errorString());
        return;
    }
}

void KeychainCall::answer(KeychainAnswer::Kind kind, const QByteArray &data, const QString &detail)
{
    if (kind != KeychainAnswer::Kind::Done && kind != KeychainAnswer::Kind::NotFound) {
        qCInfo(lcSecrets).noquote()
            << "the keychain could not handle" << m_request.key << "-" << detail;
    }
    emit answered(int(kind), data, detail);
    deleteLater();
}

PendingKeychainCall::PendingKeychainCall(std::function<void(const KeychainAnswer &)> done,
                                         int timeoutMs, QObject *context)
    : QObject(context)
    , m_done(std::move(done))
{
    QTimer::singleShot(timeoutMs, this, [this] {
        finish({KeychainAnswer::Kind::TimedOut, {}, {}});
    });
}

void PendingKeychainCall::onAnswered(int kind, const QByteArray &data, const QString &detail)
{
    finish({KeychainAnswer::Kind(kind), data, detail});
}

void PendingKeychainCall::finish(const KeychainAnswer &answer)
{
    if (m_finished)
        return;
    m_finished = true;
    deleteLater();
    m_done(answer);
}

void runKeychainRequest(const KeychainRequest &request, QObject *context,
                        std::function<void(const KeychainAnswer &)> done)
{
    auto *pending = new PendingKeychainCall(std::move(done), request.timeoutMs, context);

    // Connected before the move, while both live here; a queued signal to an asker that is
    // gone by then is dropped by Qt.
    auto *call = new KeychainCall(request);
    QObject::connect(call, &KeychainCall::answered, pending, &PendingKeychainCall::onAnswered,
                     Qt::QueuedConnection);
    call->moveToThread(keychainThread());
    QMetaObject::invokeMethod(call, &KeychainCall::start, Qt::QueuedConnection);
}

} // namespace pw::secrets
