#pragma once

#include <QString>

#include <memory>

namespace pw {
class StoreWriter;
}

namespace pw::cli {

// Tells on stderr when the history store stops answering (the runs go on, their records are
// held) and once what was held is written, so that a person need not wait for the end to
// know. The writer's own log says it only at the info level, so this is said once.
class StoreOutageReport
{
public:
    explicit StoreOutageReport(StoreWriter &writer);

    // For the end, once the writer has drained: says that the held records were written (that
    // word may still be queued behind the drain that ended it), or that some were not.
    void finish() const;

private:
    static void sayWritten(const std::shared_ptr<bool> &holding);
    void onAvailability(bool available, const QString &message);

    StoreWriter &m_writer;
    // Shared with the drain callbacks, which may outlive a report that went first.
    std::shared_ptr<bool> m_holding = std::make_shared<bool>(false);
};

} // namespace pw::cli
