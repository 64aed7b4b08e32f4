#include "storeoutagereport.h"

#include "core/record/storewriter.h"
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

} // namespace pw::cli
