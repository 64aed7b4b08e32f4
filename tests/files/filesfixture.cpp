#include "filesfixture.h"

#include "core/exec/localjobrunner.h"
#include "core/files/filestager.h"
#include "core/loader/pipelineloader.h"
#include "core/record/storewriter.h"
#include "core/session/runsession.h"
#include "core/store/runstore.h"
#include "postgresserver.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QTest>
#include <QTimer>

namespace pw::test {

namespace {

// With PIPEWRIGHT_TEST_BACKEND=postgresql every fixture gets a fresh database on one
// throwaway server, started on first use and stopped before the application goes.
std::unique_ptr<PostgresServer> &server()
{
    static std::unique_ptr<PostgresServer> instance;
    return instance;
}

QString postgresStore()
{
    static int databases = 0;
    if (!server()) {
        Result<std::unique_ptr<PostgresServer>> started = PostgresServer::start();
        if (!started)
            qFatal("%s", qPrintable(started.error().message));
        server() = std::move(started).value();
        qAddPostRoutine([] { server().reset(); });
        if (Status created = server()->createRole(QStringLiteral("files")); !created)
            qFatal("%s", qPrintable(created.error().message));
    }
    const QString name = QStringLiteral("files_%1").arg(++databases);
    if (Status created = server()->createDatabase(name, QStringLiteral("files")); !created)
        qFatal("%s", qPrintable(created.error().message));
    return server()->url(QStringLiteral("files"), name);
}

} // namespace

bool usesPostgres()
{
    return qEnvironmentVariable("PIPEWRIGHT_TEST_BACKEND") == QLatin1String("postgresql");
}

FilesFixture::FilesFixture()
{
    QDir().mkpath(source());
    m_settings.root = path(QStringLiteral("data"));
    m_settings.storeLocation =
        usesPostgres() ? postgresStore() : path(QStringLiteral("history.sqlite"));
}

void FilesFixture::write(const QString &name, const QByteArray &content) const
{
    const QString file = source() + QLatin1Char('/') + name;
    QDir().mkpath(QFileInfo(file).path());
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || out.write(content) != content.size())
        qWarning() << "cannot write" << file;
}

RunRecord FilesFixture::run(const QByteArray &yaml, int maxParallel)
{
    const LoadResult loaded = loadPipelineText(yaml, QStringLiteral("files.yml"), source());
    for (const Diagnostic &diagnostic : loaded.diagnostics)
        qInfo().noquote() << diagnostic.toString();
    if (!loaded.ok())
        return RunRecord();

    auto store = openStore(m_settings.storeLocation);
    if (!store.ok()) {
        qWarning().noquote() << store.error().message;
        return RunRecord();
    }
    files::FileStager stager(m_settings);
    StoreWriter writer(m_settings.storeLocation);
    LocalJobRunner runner;
    RunSession session(**store, writer, runner);

    RunContext context;
    context.branch = QStringLiteral("main");
    context.commit = QStringLiteral("abc123");
    RunRequest request;
    request.pipeline = loaded.pipeline;
    request.context = context;
    request.maxParallel = maxParallel;
    request.stager = &stager;
    const Status started = session.start(request);
    if (!started.ok()) {
        qWarning().noquote() << started.error().message;
        return RunRecord();
    }
    QEventLoop loop;
    QObject::connect(&session, &RunSession::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(60000, &loop, &QEventLoop::quit);
    loop.exec();
    return session.run();
}

QByteArray FilesFixture::log(qint64 runId, int job) const
{
    auto store = openStore(m_settings.storeLocation);
    if (!store.ok())
        return QByteArray();
    QByteArray text;
    (*store)->readLog(runId, job, 0, [&text](const LogChunk &chunk) {
        text += chunk.data;
        return true;
    });
    return text;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int jobIndex(const RunRecord &run, const QString &name)
{
    for (const JobRecord &job : run.jobs) {
        if (job.name == name)
            return job.index;
    }
    return -1;
}

} // namespace pw::test
