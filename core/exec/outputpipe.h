#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

namespace pw {

// The pipe a job's commands write their stdout and stderr to. Reading it ourselves, instead
// of through QProcess, lets the executor stop reading while the history is behind: the job
// then blocks on a full pipe instead of the orchestrator buffering without bound.
class OutputPipe : public QObject
{
    Q_OBJECT

public:
    explicit OutputPipe(QObject *parent = nullptr);
    ~OutputPipe() override;

    // False when the pipe could not be made (the reason is in errorString()).
    bool open();
    QString errorString() const { return m_error; }

    // The end the child writes to; the child makes it its stdout and stderr.
    int writeEnd() const { return m_writeEnd; }
    // Called once the child has started: only the child holds the write end then.
    void closeWriteEnd();

    void setPaused(bool paused);
    // Reads whatever is in the pipe now without waiting, then closes it.
    void drainAndClose();

signals:
    void output(const QByteArray &data);

private:
    void readAvailable(bool untilEmpty);
    void closeReadEnd();

    int m_readEnd = -1;
    int m_writeEnd = -1;
    QSocketNotifier *m_notifier = nullptr;
    bool m_paused = false;
    QString m_error;
};

} // namespace pw
