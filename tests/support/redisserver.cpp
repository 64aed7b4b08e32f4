#include "redisserver.h"

#include "serverprocess.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <csignal>

namespace pw::test {

namespace {

// True when a server on `port` answers PING with PONG.
bool answersPing(quint16 port)
{
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), port);
    if (!socket.waitForConnected(500))
        return false;
    socket.write("PING\r\n");
    QByteArray answer;
    while (answer.size() < 7 && socket.waitForReadyRead(500))
        answer += socket.readAll();
    return answer.startsWith("+PONG");
}

QString lastLines(const QByteArray &output)
{
    const QList<QByteArray> lines = output.trimmed().split('\n');
    return QString::fromLocal8Bit(lines.mid(qMax(0, int(lines.size()) - 5)).join('\n'));
}

} // namespace

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

Result<QString> RedisServer::program()
{
    const QString configured = qEnvironmentVariable("PIPEWRIGHT_REDIS_SERVER");
    if (!configured.isEmpty()) {
        if (QFileInfo(configured).isExecutable())
            return configured;
        return Error{QStringLiteral("PIPEWRIGHT_REDIS_SERVER names %1, which is not a program")
                         .arg(configured)};
    }
    const QString found = QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    if (found.isEmpty())
        return Error{QStringLiteral("redis-server is not installed (Debian: redis-server)")};
    return found;
}

Result<std::unique_ptr<RedisServer>> RedisServer::start(int timeoutMs)
{
    const Result<QString> found = program();
    if (!found)
        return found.error();
    std::unique_ptr<RedisServer> server(new RedisServer);
    if (!server->m_dir.isValid())
        return Error{QStringLiteral("cannot create a temporary folder for redis-server")};
    server->m_program = *found;
    server->m_port = freePort();
    if (server->m_port == 0)
        return Error{QStringLiteral("no free port on 127.0.0.1")};
    const Status launched = server->launch(timeoutMs);
    if (!launched)
        return launched.error();
    return server;
}

RedisServer::~RedisServer()
{
    stop();
}

QString RedisServer::url() const
{
    return QStringLiteral("redis://127.0.0.1:%1").arg(m_port);
}

bool RedisServer::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

Status RedisServer::launch(int timeoutMs)
{
    m_process = std::make_unique<QProcess>();
    m_process->setProcessChannelMode(QProcess::MergedChannels);
    m_process->setWorkingDirectory(m_dir.path());
    // Redis runs as whoever runs the tests, root included; the death signal is what counts.
    runAsServer(*m_process, ServerAccount(), SIGKILL);
    m_process->start(m_program,
                     {QStringLiteral("--port"), QString::number(m_port), QStringLiteral("--bind"),
                      QStringLiteral("127.0.0.1"), QStringLiteral("--save"), QString(),
                      QStringLiteral("--appendonly"), QStringLiteral("no"), QStringLiteral("--dir"),
                      m_dir.path(), QStringLiteral("--daemonize"), QStringLiteral("no")});
    if (!m_process->waitForStarted(timeoutMs)) {
        return Status::failure(
            QStringLiteral("cannot start %1: %2").arg(m_program, m_process->errorString()));
    }

    // Blocking is fine in a test helper: poll until it answers.
    const QDeadlineTimer deadline(timeoutMs);
    while (!answersPing(m_port)) {
        if (m_process->state() == QProcess::NotRunning || deadline.hasExpired()) {
            const QByteArray output = m_process->readAll();
            stop();
            return Status::failure(QStringLiteral("redis-server on port %1 did not come up:\n%2")
                                       .arg(m_port)
                                       .arg(lastLines(output)));
        }
        QThread::msleep(20);
    }
    return {};
}

void RedisServer::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
}

Status RedisServer::restart(int timeoutMs)
{
    stop();
    return launch(timeoutMs);
}

Result<QByteArray> RedisServer::cli(const QStringList &arguments) const
{
    const QString client = QStandardPaths::findExecutable(QStringLiteral("redis-cli"));
    if (client.isEmpty())
        return Error{QStringLiteral("redis-cli is not installed (Debian: redis-tools)")};
    QProcess process;
    process.start(client, QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"),
                                      QStringLiteral("-p"), QString::number(m_port)}
                              + arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
        return Error{QStringLiteral("redis-cli did not finish")};
    }
    if (process.exitCode() != 0)
        return Error{QString::fromLocal8Bit(process.readAllStandardError())};
    return process.readAllStandardOutput();
}

} // namespace pw::test
