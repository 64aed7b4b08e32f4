// Two `pwctl run` at once on one PostgreSQL store, several pipelines each, one of them the
// same pipeline in both: every run, stage, job, attempt and log byte must be in the store,
// each run under its own id.
#include "core/store/runstore.h"
#include "loadsupport.h"
#include "postgresserver.h"
#include "pwctlprocess.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

constexpr int runTimeoutMs = 240000;

QString errorOf(const Status &status)
{
    return status ? QString() : status.error().message;
}

} // namespace

class LoadProcessesTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void twoProcessesShareOneStore();

private:
    QString writePipeline(const PipelineShape &shape);

    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QString m_location;
};

void LoadProcessesTest::initTestCase()
{
    const Result<QString> programs = PostgresServer::binaryDirectory();
    if (!programs)
        QSKIP(qPrintable(programs.error().message));
    QVERIFY(m_dir.isValid());
    qputenv("XDG_DATA_HOME", m_dir.filePath(QStringLiteral("data")).toLocal8Bit());
    Result<std::unique_ptr<PostgresServer>> started = PostgresServer::startWithHistory();
    QVERIFY2(started, qPrintable(started ? QString() : started.error().message));
    m_server = std::move(started).value();
    m_location = m_server->historyUrl();
}

void LoadProcessesTest::init()
{
    failOnWarnings();
}

QString LoadProcessesTest::writePipeline(const PipelineShape &shape)
{
    const QString path = m_dir.filePath(shape.name + QStringLiteral(".yml"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(pipelineText(shape));
    return path;
}

void LoadProcessesTest::twoProcessesShareOneStore()
{
    // Each round starts one pwctl per process lane at once; the first round runs the same
    // pipeline in both.
    const QList<QStringList> rounds = {{QStringLiteral("shared"), QStringLiteral("shared")},
                                       {QStringLiteral("a-1"), QStringLiteral("b-1")},
                                       {QStringLiteral("a-2"), QStringLiteral("b-2")}};
    PipelineShape shape;
    QElapsedTimer timer;
    timer.start();
    for (const QStringList &round : rounds) {
        QList<QProcess *> processes;
        for (const QString &name : round) {
            shape.name = name;
            const QString file = writePipeline(shape);
            processes.append(startPwctl({QStringLiteral("run"), file, QStringLiteral("--db"),
                                         m_location, QStringLiteral("--jobs"), QStringLiteral("4")},
                                        this, m_dir.path()));
        }
        for (QProcess *process : processes) {
            QVERIFY2(process->waitForFinished(runTimeoutMs), "pwctl did not finish in time");
            const QByteArray err = process->readAllStandardError();
            QCOMPARE(process->exitStatus(), QProcess::NormalExit);
            QVERIFY2(process->exitCode() == 0, err.constData());
            QVERIFY2(!err.contains("warning"), err.constData());
            delete process;
        }
    }
    qInfo("%lld pwctl runs of %d jobs, two at a time, in %.1f s", qint64(rounds.size() * 2),
          shape.jobCount(), timer.nsecsElapsed() / 1e9);

    Result<std::unique_ptr<RunStore>> store = openStore(m_location);
    QVERIFY2(store, qPrintable(store ? QString() : store.error().message));
    QSet<qint64> ids;
    for (const QString &name :
         {QStringLiteral("shared"), QStringLiteral("a-1"), QStringLiteral("b-1"),
          QStringLiteral("a-2"), QStringLiteral("b-2")}) {
        shape.name = name;
        const Result<QList<qint64>> runs = runsOf(**store, name);
        QVERIFY2(runs, qPrintable(runs ? QString() : runs.error().message));
        QCOMPARE(runs->size(), name == QLatin1String("shared") ? 2 : 1);
        for (qint64 id : *runs) {
            ids.insert(id);
            const Status complete = checkRunIsComplete(**store, id, shape);
            QVERIFY2(complete, qPrintable(errorOf(complete)));
        }
    }
    QCOMPARE(ids.size(), 6);
}

QTEST_GUILESS_MAIN(LoadProcessesTest)
#include "tst_loadprocesses.moc"
