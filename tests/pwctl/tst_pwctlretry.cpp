#include "pwctlprocess.h"
#include "testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTemporaryDir>

#include <csignal>

using namespace pw;
using namespace pw::test;

namespace {

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// How many times a job appended its line to `path`.
int countIn(const QString &path)
{
    return int(readFile(path).count('\n'));
}

// Alive and not a zombie: a job's process that was killed may wait to be reaped by init.
bool processAlive(pid_t pid)
{
    const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
    const qsizetype close = stat.lastIndexOf(')');
    return close > 0 && stat.size() > close + 2 && stat.at(close + 2) != 'Z';
}

pid_t pidIn(const QString &path)
{
    return pid_t(readFile(path).trimmed().toInt());
}

QJsonObject findJob(const QJsonObject &run, const QString &name)
{
    for (const QJsonValue &stage : run.value(QStringLiteral("stages")).toArray()) {
        for (const QJsonValue &job : stage.toObject().value(QStringLiteral("jobs")).toArray()) {
            if (job.toObject().value(QStringLiteral("name")).toString() == name)
                return job.toObject();
        }
    }
    return QJsonObject();
}

QString statusOf(const QJsonObject &run, const QString &job)
{
    return findJob(run, job).value(QStringLiteral("status")).toString();
}

QString reasonOf(const QJsonObject &run, const QString &job)
{
    return findJob(run, job).value(QStringLiteral("reason")).toString();
}

QString idOf(const QJsonObject &run)
{
    return QString::number(run.value(QStringLiteral("id")).toInteger());
}

} // namespace

class tst_PwctlRetry : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        test::failOnWarnings();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_counter));
        m_work = m_dir.filePath(QStringLiteral("work-%1").arg(m_counter));
        QVERIFY(QDir().mkpath(m_work));
    }

    void retryRunsOnlyWhatFailedAndHandsOnArtifacts();
    void retryAllRunsEveryJobWithTheSameParameters();
    void retryRefusesWhatItCannotRetry_data();
    void retryRefusesWhatItCannotRetry();
    void retryRefusesARunThatStillGoes();
    void killedPwctlTakesEveryJobProcessWithIt();

private:
    QStringList db() const { return {QStringLiteral("--db"), m_db}; }
    QString work(const QString &name) const { return m_work + QLatin1Char('/') + name; }
    QString showStatus(const QString &run) const
    {
        const PwctlResult shown =
            runPwctl(QStringList{QStringLiteral("show"), run, QStringLiteral("--json")} + db());
        return shown.json().value(QStringLiteral("status")).toString();
    }
    QString jobStatusInStore(const QString &run, const QString &job) const
    {
        const PwctlResult shown =
            runPwctl(QStringList{QStringLiteral("show"), run, QStringLiteral("--json")} + db());
        return statusOf(shown.json(), job);
    }
    // A pipeline whose unit job fails until the file "fixed" exists. compile and unit run in
    // workspaces of their own, so unit sees out/app.txt only as compile's artifact.
    QString writeBuildPipeline(const QByteArray &lastJob = "pack");
    PwctlResult retry(const QStringList &arguments)
    {
        return runPwctl(QStringList{QStringLiteral("retry")} + arguments + db());
    }

    QTemporaryDir m_dir;
    QString m_db;
    QString m_work;
    int m_counter = 0;
};

QString tst_PwctlRetry::writeBuildPipeline(const QByteArray &lastJob)
{
    const QByteArray dir = m_work.toUtf8();
    const QString path = work(QStringLiteral("pipewright.yml"));
    writeFile(path, "name: build\nstages:\n"
                    "  - name: build\n    jobs:\n"
                    "      - name: compile\n        isolated: true\n"
                    "        artifacts: {paths: [out/]}\n"
                    "        commands: ['echo x >> "
                        + dir
                        + "/compile.count', 'mkdir -p out',"
                          " 'echo \"built by run $PIPEWRIGHT_RUN_ID\" > out/app.txt']\n"
                          "      - {name: docs, commands: ['echo x >> "
                        + dir
                        + "/docs.count']}\n"
                          "  - name: test\n    jobs:\n"
                          "      - name: unit\n        isolated: true\n"
                          "        needs: [compile]\n"
                          "        commands: ['echo x >> "
                        + dir
                        + "/unit.count', 'cat out/app.txt', 'echo \"greeting $GREETING\"',"
                          " 'test -f "
                        + dir
                        + "/fixed']\n"
                          "  - name: ship\n    jobs:\n"
                          "      - {name: "
                        + lastJob + ", commands: ['echo x >> " + dir + "/pack.count']}\n");
    return path;
}

void tst_PwctlRetry::retryRunsOnlyWhatFailedAndHandsOnArtifacts()
{
    const QString path = writeBuildPipeline();
    const PwctlResult first =
        runPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json"),
                             QStringLiteral("--branch"), QStringLiteral("feature/x"),
                             QStringLiteral("--commit"), QStringLiteral("abc123"),
                             QStringLiteral("--var"), QStringLiteral("GREETING=hello")}
                 + db());
    QCOMPARE(first.exitCode, 1);
    QCOMPARE(statusOf(first.json(), QStringLiteral("unit")), QStringLiteral("failed"));
    QCOMPARE(statusOf(first.json(), QStringLiteral("pack")), QStringLiteral("skipped"));
    const QString firstId = idOf(first.json());

    writeFile(work(QStringLiteral("fixed")), "");
    const PwctlResult second = retry({firstId, QStringLiteral("--json")});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject run = second.json();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(run.value(QStringLiteral("retryOf")).toInteger(), firstId.toLongLong());
    QCOMPARE(run.value(QStringLiteral("branch")).toString(), QStringLiteral("feature/x"));
    QCOMPARE(run.value(QStringLiteral("commit")).toString(), QStringLiteral("abc123"));
    QVERIFY2(second.err.contains(QByteArray("retrying run " + firstId.toUtf8()
                                            + ": 2 jobs run again, 2 "
                                              "reused")),
             second.err.constData());

    // The jobs that succeeded are reused, honestly: with their own times and attempts.
    const QJsonObject compile = findJob(run, QStringLiteral("compile"));
    QCOMPARE(compile.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(compile.value(QStringLiteral("reason")).toString(),
             QStringLiteral("reused from run ") + firstId);
    QCOMPARE(compile.value(QStringLiteral("startedAt")),
             findJob(first.json(), QStringLiteral("compile")).value(QStringLiteral("startedAt")));
    QCOMPARE(compile.value(QStringLiteral("attempts")).toInt(), 1);
    QCOMPARE(reasonOf(run, QStringLiteral("docs")), QStringLiteral("reused from run ") + firstId);
    QCOMPARE(statusOf(run, QStringLiteral("unit")), QStringLiteral("success"));
    QCOMPARE(statusOf(run, QStringLiteral("pack")), QStringLiteral("success"));
    QCOMPARE(countIn(work(QStringLiteral("compile.count"))), 1);
    QCOMPARE(countIn(work(QStringLiteral("docs.count"))), 1);
    QCOMPARE(countIn(work(QStringLiteral("unit.count"))), 2);
    QCOMPARE(countIn(work(QStringLiteral("pack.count"))), 1);

    // unit got the artifact the first run's compile left, and the run's variables.
    const QString id = idOf(run);
    const PwctlResult log =
        runPwctl(QStringList{QStringLiteral("logs"), id, QStringLiteral("unit")} + db());
    QVERIFY2(log.out.contains(QByteArray("built by run " + firstId.toUtf8())), log.out.constData());
    QVERIFY2(log.out.contains("greeting hello"), log.out.constData());
    const PwctlResult artifacts = runPwctl(QStringList{QStringLiteral("artifacts"), id} + db());
    QVERIFY2(artifacts.out.contains("out/app.txt"), artifacts.out.constData());

    const PwctlResult shown = runPwctl(QStringList{QStringLiteral("show"), id} + db());
    QVERIFY2(shown.out.contains(QByteArray("retry of run " + firstId.toUtf8())),
             shown.out.constData());
}

void tst_PwctlRetry::retryAllRunsEveryJobWithTheSameParameters()
{
    writeFile(work(QStringLiteral("fixed")), "");
    const QString path = writeBuildPipeline();
    const PwctlResult first =
        runPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json"),
                             QStringLiteral("--var"), QStringLiteral("GREETING=again")}
                 + db());
    QCOMPARE(first.exitCode, 0);

    const PwctlResult second =
        retry({idOf(first.json()), QStringLiteral("--all"), QStringLiteral("--json"),
               QStringLiteral("--jobs"), QStringLiteral("1")});
    QVERIFY2(second.exitCode == 0, second.err.constData());
    const QJsonObject run = second.json();
    QCOMPARE(run.value(QStringLiteral("retryOf")).toInteger(),
             first.json().value(QStringLiteral("id")).toInteger());
    QCOMPARE(reasonOf(run, QStringLiteral("compile")), QString());
    for (const char *job : {"compile", "docs", "unit", "pack"})
        QCOMPARE(countIn(work(QString::fromLatin1(job) + QStringLiteral(".count"))), 2);
    const PwctlResult log =
        runPwctl(QStringList{QStringLiteral("logs"), idOf(run), QStringLiteral("unit")} + db());
    QVERIFY2(log.out.contains(QByteArray("built by run " + idOf(run).toUtf8())),
             log.out.constData());
    QVERIFY2(log.out.contains("greeting again"), log.out.constData());
}

void tst_PwctlRetry::retryRefusesWhatItCannotRetry_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("message");

    QTest::newRow("a run that is not recorded") << "unknown"
                                                << "999";
    QTest::newRow("a run id that is not a number") << "not a number"
                                                   << "'abc' is not a run id";
    QTest::newRow("a file whose jobs changed")
        << "renamed"
        << "has changed since run 1, so its jobs no longer match the run's (no "
           "longer in the file: pack; new in the file: package)";
    QTest::newRow("a file that is gone") << "removed"
                                         << "cannot retry run 1: its pipeline file";
    QTest::newRow("a run where nothing failed")
        << "fixed"
        << "run 2 has no job to run again: every job that runs succeeded";
}

void tst_PwctlRetry::retryRefusesWhatItCannotRetry()
{
    QFETCH(QString, change);
    QFETCH(QString, message);

    const QString path = writeBuildPipeline();
    QCOMPARE(runPwctl(QStringList{QStringLiteral("run"), path} + db()).exitCode, 1);
    QString id = QStringLiteral("1");
    if (change == QLatin1String("unknown")) {
        id = QStringLiteral("999");
    } else if (change == QLatin1String("not a number")) {
        id = QStringLiteral("abc");
    } else if (change == QLatin1String("renamed")) {
        writeBuildPipeline("package");
    } else if (change == QLatin1String("removed")) {
        QVERIFY(QFile::remove(path));
    } else if (change == QLatin1String("fixed")) {
        writeFile(work(QStringLiteral("fixed")), "");
        QCOMPARE(retry({QStringLiteral("1")}).exitCode, 0);
        id = QStringLiteral("2");
    }

    const int unitRuns = countIn(work(QStringLiteral("unit.count")));
    const PwctlResult refused = retry({id});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains(message.toUtf8()), refused.err.constData());
    QCOMPARE(countIn(work(QStringLiteral("unit.count"))), unitRuns);
}

void tst_PwctlRetry::retryRefusesARunThatStillGoes()
{
    const QString started = work(QStringLiteral("started"));
    const QString path = work(QStringLiteral("slow.yml"));
    writeFile(path, "name: slow\nstages:\n  - name: one\n    jobs:\n"
                    "      - {name: wait, commands: ['touch "
                        + started.toUtf8() + "', 'sleep 60']}\n");
    QProcess *pwctl = startPwctl(QStringList{QStringLiteral("run"), path} + db(), this);
    const auto stop = qScopeGuard([pwctl] {
        ::kill(pid_t(pwctl->processId()), SIGINT);
        pwctl->waitForFinished(20000);
        delete pwctl;
    });
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(started), 20000);
    // The history hears of the run a moment after it starts.
    QTRY_COMPARE_WITH_TIMEOUT(showStatus(QStringLiteral("1")), QStringLiteral("running"), 10000);

    const PwctlResult refused = retry({QStringLiteral("1")});
    QCOMPARE(refused.exitCode, 2);
    QVERIFY2(refused.err.contains("run 1 is still running; it can be retried once it has ended"),
             refused.err.constData());
}

void tst_PwctlRetry::killedPwctlTakesEveryJobProcessWithIt()
{
    // The server job leaves three processes behind its shell: one in a session of its own,
    // one orphaned by a double fork, and the sleep of its last command.
    const QString script = work(QStringLiteral("server.sh"));
    const QByteArray dir = m_work.toUtf8();
    writeFile(script, "setsid sh -c 'echo $$ > " + dir
                          + "/session.pid; exec sleep 300' &\n"
                            "( sleep 300 & echo $! > "
                          + dir
                          + "/orphan.pid ) &\n"
                            "echo $$ > "
                          + dir
                          + "/shell.pid\n"
                            "sleep 300\n");
    const QString path = work(QStringLiteral("server.yml"));
    writeFile(path, "name: server\nstages:\n"
                    "  - name: prepare\n    jobs:\n"
                    "      - {name: setup, commands: ['echo x >> "
                        + dir
                        + "/setup.count']}\n"
                          "  - name: serve\n    jobs:\n"
                          "      - {name: server, commands: ['sh "
                        + script.toUtf8()
                        + "']}\n"
                          "  - name: after\n    jobs:\n"
                          "      - {name: report, commands: ['echo x >> "
                        + dir + "/report.count']}\n");
    QProcess *pwctl = startPwctl(QStringList{QStringLiteral("run"), path} + db(), this);
    const QStringList pidFiles = {work(QStringLiteral("session.pid")),
                                  work(QStringLiteral("orphan.pid")),
                                  work(QStringLiteral("shell.pid"))};
    for (const QString &file : pidFiles)
        QTRY_VERIFY_WITH_TIMEOUT(pidIn(file) > 0, 20000);
    QList<pid_t> pids;
    for (const QString &file : pidFiles) {
        pids.append(pidIn(file));
        QVERIFY(processAlive(pids.last()));
    }

    // Once the history knows setup succeeded: it is written a moment after the job ends.
    QTRY_COMPARE_WITH_TIMEOUT(jobStatusInStore(QStringLiteral("1"), QStringLiteral("setup")),
                              QStringLiteral("success"), 10000);
    ::kill(pid_t(pwctl->processId()), SIGKILL);
    QVERIFY(pwctl->waitForFinished(5000));
    delete pwctl;
    for (pid_t pid : pids)
        QTRY_VERIFY2_WITH_TIMEOUT(!processAlive(pid), qPrintable(QString::number(pid)), 5000);

    // The store is intact, and the next command finds the run interrupted.
    const PwctlResult history = runPwctl(QStringList{QStringLiteral("history")} + db());
    QCOMPARE(history.exitCode, 0);
    QVERIFY2(history.out.contains("interrupted"), history.out.constData());
    const PwctlResult shown = runPwctl(
        QStringList{QStringLiteral("show"), QStringLiteral("1"), QStringLiteral("--json")} + db());
    QCOMPARE(shown.json().value(QStringLiteral("status")).toString(),
             QStringLiteral("interrupted"));
    QCOMPARE(statusOf(shown.json(), QStringLiteral("setup")), QStringLiteral("success"));

    // A retry reuses setup and runs only the rest.
    writeFile(script, "echo served\n");
    const PwctlResult again = retry({QStringLiteral("1"), QStringLiteral("--json")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    QCOMPARE(reasonOf(again.json(), QStringLiteral("setup")), QStringLiteral("reused from run 1"));
    QCOMPARE(statusOf(again.json(), QStringLiteral("server")), QStringLiteral("success"));
    QCOMPARE(statusOf(again.json(), QStringLiteral("report")), QStringLiteral("success"));
    QCOMPARE(countIn(work(QStringLiteral("setup.count"))), 1);
    QCOMPARE(countIn(work(QStringLiteral("report.count"))), 1);
}

QTEST_GUILESS_MAIN(tst_PwctlRetry)
#include "tst_pwctlretry.moc"
