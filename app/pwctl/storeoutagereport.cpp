#include "storeoutagereport.h"

#include "core/record/storewriter.h"
#include "core/session/runsession.h"
#include "output.h"

namespace pw::cli {

StoreOutageReport::StoreOutageReport(StoreWriter &writer)
    : m_writer(writer)
{
    QObject::connect(
        &writer, &StoreWriter::availabilityChanged, &writer,
        [this](bool available, const QString &message) { onAvailability(available, message); });
}

void StoreOutageReport::finish() const
{
    if (m_writer.isAvailable()) {
        sayWritten(m_holding);
        return;
    }
    err() << "pwctl: warning: the history store was unreachable at the end of the run; some "
             "records were not written: "
          << m_writer.lastError() << Qt::endl;
}

void StoreOutageReport::sayWritten(const std::shared_ptr<bool> &holding)
{
    if (std::exchange(*holding, false))
        err() << "pwctl: the history store answers again; the held records are written" << Qt::endl;
}

void StoreOutageReport::onAvailability(bool available, const QString &message)
{
    if (!available) {
        err() << "pwctl: warning: the history store is unreachable; the run goes on and its "
                 "records are held: "
              << message << Qt::endl;
        *m_holding = true;
        return;
    }
    m_writer.whenDrained(&m_writer, [holding = m_holding] { sayWritten(holding); });
}

StoreWaitNotice::StoreWaitNotice(const RunSession &session, const StoreWriter &writer)
{
    QObject::connect(&m_timer, &QTimer::timeout, &session, [this, &session, &writer] {
        if (!isFinished(session.run().status) || writer.isAvailable())
            return;
        err() << "pwctl: the run has ended; waiting for the history store to take its records "
                 "(Ctrl-C gives up on them)"
              << Qt::endl;
        m_timer.stop();
    });
    m_timer.start(1000);
}

bool giveUpWaitingForTheStore(const RunSession &session)
{
    if (!isFinished(session.run().status))
        return false;
    err() << "pwctl: not waiting any longer for the history store" << Qt::endl;
    return true;
}

} // namespace pw::cli
