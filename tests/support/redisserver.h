#pragma once

#include "core/util/result.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

class QProcess;

namespace pw::test {

// A throwaway redis-server for tests: 127.0.0.1 on a free port, no persistence, a temporary
// folder as its working directory. It is stopped when the object goes and dies with the
// thread that started it, also when the test crashes or is killed. It may be stopped and
// started again on the same port, to test what clients do while it is away.
class RedisServer
{
public:
    // Where redis-server is ($PIPEWRIGHT_REDIS_SERVER, else PATH), or why there is none.
    static Result<QString> program();

    // Starts a server and waits (at most `timeoutMs`) until it answers PING. The error says
    // what failed, with the server's last output lines.
    static Result<std::unique_ptr<RedisServer>> start(int timeoutMs = 10000);

    ~RedisServer();
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    quint16 port() const { return m_port; }
    // redis://127.0.0.1:PORT
    QString url() const;

    // Ends the server (its data is gone: nothing is saved) and waits until it is.
    void stop();
    // Starts it again on the same port.
    Status restart(int timeoutMs = 10000);
    bool isRunning() const;

    // Runs one command through redis-cli and returns its output, for tests that set up or
    // inspect the server behind the back of the code under test.
    Result<QByteArray> cli(const QStringList &arguments) const;

private:
    RedisServer() = default;
    Status launch(int timeoutMs);

    QString m_program;
    QTemporaryDir m_dir;
    quint16 m_port = 0;
    std::unique_ptr<QProcess> m_process;
};

// A port on 127.0.0.1 that nothing listens on right now.
quint16 freePort();

} // namespace pw::test
