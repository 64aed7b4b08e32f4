#pragma once

#include <QString>
#include <QTimer>

#include <memory>

namespace pw {
class RunSession;
class StoreWriter;
} // namespace pw

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

// Says once that the session's run has ended and waits for the history store to take its
// records, so that a person knows why nothing happens and that Ctrl-C gives up on them.
class StoreWaitNotice
{
public:
    StoreWaitNotice(const RunSession &session, const StoreWriter &writer);

private:
    QTimer m_timer;
};

// For Ctrl-C: when the session's run has ended and only waits for the store, says that pwctl
// waits no longer and returns true; what the store has not taken is then lost.
bool giveUpWaitingForTheStore(const RunSession &session);

} // namespace pw::cli
