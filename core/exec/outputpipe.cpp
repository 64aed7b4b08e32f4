#include "outputpipe.h"

#include "core/util/systemerror.h"

#include <QSocketNotifier>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace pw {

namespace {

// One read takes at most this much, so that one chatty job cannot starve the event loop.
constexpr qsizetype readSize = 64 * 1024;
constexpr int readsPerWakeUp = 16;

} // namespace

OutputPipe::OutputPipe(QObject *parent)
    : QObject(parent)
{}

OutputPipe::~OutputPipe()
{
    closeReadEnd();
    closeWriteEnd();
}

bool OutputPipe::open()
{
    int fds[2] = {-1, -1};
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        m_error = systemErrorText();
        return false;
    }
    m_readEnd = fds[0];
    m_writeEnd = fds[1];
    ::fcntl(m_readEnd, F_SETFL, ::fcntl(m_readEnd, F_GETFL) | O_NONBLOCK);

    m_notifier = new QSocketNotifier(qintptr(m_readEnd), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] { readAvailable(false); });
    return true;
}

void OutputPipe::closeWriteEnd()
{
    if (m_writeEnd >= 0)
        ::close(m_writeEnd);
    m_writeEnd = -1;
}

void OutputPipe::setPaused(bool paused)
{
    m_paused = paused;
    if (m_notifier)
        m_notifier->setEnabled(!paused);
}

void OutputPipe::drainAndClose()
{
    readAvailable(true);
    closeReadEnd();
}

void OutputPipe::readAvailable(bool untilEmpty)
{
    QByteArray buffer(readSize, Qt::Uninitialized);
    for (int reads = 0; m_readEnd >= 0 && (untilEmpty || reads < readsPerWakeUp); ++reads) {
        const ssize_t count = ::read(m_readEnd, buffer.data(), size_t(buffer.size()));
        if (count > 0) {
            emit output(buffer.left(count));
            continue;
        }
        if (count < 0 && errno == EINTR)
            continue;
        // End of output (every writer is gone), or nothing more for now.
        if (count == 0)
            closeReadEnd();
        return;
    }
}

void OutputPipe::closeReadEnd()
{
    delete m_notifier;
    m_notifier = nullptr;
    if (m_readEnd >= 0)
        ::close(m_readEnd);
    m_readEnd = -1;
}

} // namespace pw
