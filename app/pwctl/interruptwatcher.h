#pragma once

#include <QObject>

class QSocketNotifier;

namespace pw::cli {

// Turns SIGINT, SIGTERM and SIGHUP into a Qt signal delivered by the event loop, so that
// Ctrl-C can cancel a run cleanly instead of killing the process mid-write.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

signals:
    // `count` is 1 for the first interruption, 2 for the second, and so on.
    void interrupted(int signal, int count);

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
    int m_count = 0;
};

} // namespace pw::cli
