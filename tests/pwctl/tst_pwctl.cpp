#include "gitfolder.h"
#include "pwctlprocess.h"
#include "testsupport.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <csignal>
#include <sys/resource.h>

using namespace pw;
using namespace pw::test;

namespace {

QString testJob()
{
    return QStringLiteral(PIPEWRIGHT_TESTJOB);
}

bool processExists(pid_t pid)
{
    return pid > 0 && ::kill(pid, 0) == 0;
}

void writeFile(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(text);
}

QString example(const QString &name)
{
    return sourceDir() + QStringLiteral("/examples/") + name + QStringLiteral("/pipewright.yml");
}

bool isIsoUtcWithMs(const QJsonValue &value)
{
    static const QRegularExpression iso(
        QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));
    return iso.match(value.toString()).hasMatch();
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

} // namespace

class tst_Pwctl : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        test::failOnWarnings();
        QVERIFY(m_dir.isValid());
        m_db = m_dir.filePath(QStringLiteral("history-%1.sqlite").arg(++m_counter));
    }

    void validateAcceptsAGoodFile();
    void validateReportsEveryErrorWithItsPosition();
    void usageErrorsExitWithTwo_data();
    void usageErrorsExitWithTwo();
    void runPrintsOneJsonObject();
    void failedRunExitsWithOne();
    void showPrintsTheSameObjectAsRun();
    void historyListsAndFiltersRuns();
    void logsPrintAJobsOutput();
    void planShowsSkipsAndReasons();
    void ctrlCCancelsTheRunAndEndsEveryProcess();
    void watchRunsForANewCommit();
    void watchOutsideARepositoryIsAUsageError();
    void secretsReachOnlyTheirJobsAndNeverTheStore();
    void allowedExitCodesAloneMayFail();
    void largeOutputDoesNotGrowPwctl();
    void everyExampleRuns_data();
    void everyExampleRuns();

private:
    QStringList db() const { return {QStringLiteral("--db"), m_db}; }

    QTemporaryDir m_dir;
    QString m_db;
    int m_counter = 0;
};

void tst_Pwctl::validateAcceptsAGoodFile()
{
    const PwctlResult result = runPwctl({QStringLiteral("validate"), example("hello")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.out.contains("valid"), result.out.constData());
}

void tst_Pwctl::validateReportsEveryErrorWithItsPosition()
{
    const QString path = m_dir.filePath(QStringLiteral("bad.yml"));
    writeFile(path, "name: bad\n"
                    "stages:\n"
                    "  - name: one\n"
                    "    jobs:\n"
                    "      - name: a\n"
                    "        commands: [true]\n"
                    "        neds: [b]\n"
                    "      - name: b\n"
                    "        commands: [true]\n"
                    "        timeout: soon\n");
    const PwctlResult result = runPwctl({QStringLiteral("validate"), path});

    QCOMPARE(result.exitCode, 2);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(err.contains(path + QStringLiteral(":7:9: error:")), qPrintable(err));
    QVERIFY2(err.contains(QStringLiteral("did you mean 'needs'")), qPrintable(err));
    QVERIFY2(err.contains(path + QStringLiteral(":10:18: error:")), qPrintable(err));
}

void tst_Pwctl::usageErrorsExitWithTwo_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    const QString hello = example(QStringLiteral("hello"));
    QTest::newRow("no command") << QStringList{} << QStringLiteral("Usage: pwctl");
    QTest::newRow("an unknown command")
        << QStringList{QStringLiteral("fly")} << QStringLiteral("unknown command 'fly'");
    QTest::newRow("run without a file")
        << QStringList{QStringLiteral("run")} << QStringLiteral("run takes one pipeline file");
    QTest::newRow("an unknown option")
        << QStringList{QStringLiteral("run"), QStringLiteral("--fast"), hello}
        << QStringLiteral("Unknown option 'fast'");
    QTest::newRow("zero workers") << QStringList{QStringLiteral("run"), QStringLiteral("--jobs"),
                                                 QStringLiteral("0"), hello}
                                  << QStringLiteral("--jobs expects a number");
    QTest::newRow("a variable without a value")
        << QStringList{QStringLiteral("run"), QStringLiteral("--var"), QStringLiteral("X"), hello}
        << QStringLiteral("--var expects NAME=VALUE");
    QTest::newRow("an unknown event")
        << QStringList{QStringLiteral("run"), QStringLiteral("--event"), QStringLiteral("nope"),
                       hello}
        << QStringLiteral("unknown event 'nope'");
    QTest::newRow("a missing file")
        << QStringList{QStringLiteral("run"), QStringLiteral("/nonexistent/p.yml")}
        << QStringLiteral("/nonexistent/p.yml");
    QTest::newRow("an attempt that is not a number")
        << QStringList{QStringLiteral("logs"), QStringLiteral("1"), QStringLiteral("lint"),
                       QStringLiteral("--attempt"), QStringLiteral("last")}
        << QStringLiteral("--attempt expects an attempt number");
    QTest::newRow("a run id that is not a number")
        << QStringList{QStringLiteral("show"), QStringLiteral("abc")}
        << QStringLiteral("'abc' is not a run id");
}

void tst_Pwctl::usageErrorsExitWithTwo()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);

    const PwctlResult result = runPwctl(arguments + (arguments.isEmpty() ? QStringList() : db()));
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(QString::fromUtf8(result.err).contains(message), result.err.constData());
}

void tst_Pwctl::runPrintsOneJsonObject()
{
    const PwctlResult result = runPwctl(
        QStringList{QStringLiteral("run"), example(QStringLiteral("hello")),
                    QStringLiteral("--json"), QStringLiteral("--branch"), QStringLiteral("main"),
                    QStringLiteral("--commit"), QStringLiteral("0123abcd")}
        + db());
    QCOMPARE(result.exitCode, 0);

    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    const QJsonObject run = document.object();
    QVERIFY(run.value(QStringLiteral("id")).toInteger() > 0);
    QCOMPARE(run.value(QStringLiteral("pipeline")).toString(), QStringLiteral("hello"));
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(run.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
    QCOMPARE(run.value(QStringLiteral("commit")).toString(), QStringLiteral("0123abcd"));
    QCOMPARE(run.value(QStringLiteral("event")).toString(), QStringLiteral("manual"));
    QVERIFY(isIsoUtcWithMs(run.value(QStringLiteral("startedAt"))));
    QVERIFY(isIsoUtcWithMs(run.value(QStringLiteral("finishedAt"))));
    QVERIFY(run.value(QStringLiteral("durationMs")).toInteger() >= 0);

    const QJsonArray stages = run.value(QStringLiteral("stages")).toArray();
    QCOMPARE(stages.size(), 3);
    QCOMPARE(stages[0].toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("verify"));
    const QJsonObject lint = findJob(run, QStringLiteral("lint"));
    QCOMPARE(lint.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(lint.value(QStringLiteral("exitCode")).toInt(), 0);
    QCOMPARE(lint.value(QStringLiteral("attempts")).toInt(), 1);
    QVERIFY(isIsoUtcWithMs(lint.value(QStringLiteral("startedAt"))));
    QVERIFY(lint.contains(QStringLiteral("cacheHit")));
    QVERIFY(lint.contains(QStringLiteral("reason")));
    // Progress goes to stderr, one line as each job starts and ends.
    QVERIFY(result.err.contains("start   lint"));
    QVERIFY(result.err.contains("success lint"));
}

void tst_Pwctl::failedRunExitsWithOne()
{
    const QString path = m_dir.filePath(QStringLiteral("fails.yml"));
    writeFile(path, "name: fails\nstages:\n  - name: one\n    jobs:\n"
                    "      - {name: broken, commands: ['exit 3']}\n"
                    "      - {name: allowed, allow_failure: true, commands: ['exit 1']}\n");
    const PwctlResult result =
        runPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json")} + db());

    QCOMPARE(result.exitCode, 1);
    const QJsonObject run = result.json();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    const QJsonObject broken = findJob(run, QStringLiteral("broken"));
    QCOMPARE(broken.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(broken.value(QStringLiteral("reason")).toString(), QStringLiteral("exit code 3"));
    QCOMPARE(broken.value(QStringLiteral("exitCode")).toInt(), 3);
}

void tst_Pwctl::showPrintsTheSameObjectAsRun()
{
    const PwctlResult ran =
        runPwctl(QStringList{QStringLiteral("run"), example(QStringLiteral("hello")),
                             QStringLiteral("--json")}
                 + db());
    QCOMPARE(ran.exitCode, 0);
    const QJsonObject run = ran.json();
    const QString id = QString::number(run.value(QStringLiteral("id")).toInteger());

    const PwctlResult shown =
        runPwctl(QStringList{QStringLiteral("show"), id, QStringLiteral("--json")} + db());
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json(), run);

    const PwctlResult text = runPwctl(QStringList{QStringLiteral("show"), id} + db());
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("stage verify: success"));

    const PwctlResult missing =
        runPwctl(QStringList{QStringLiteral("show"), QStringLiteral("999")} + db());
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("999"), missing.err.constData());
}

void tst_Pwctl::historyListsAndFiltersRuns()
{
    const QString other = m_dir.filePath(QStringLiteral("other.yml"));
    writeFile(other, "name: other\nstages:\n  - name: one\n    jobs:\n"
                     "      - {name: a, commands: ['true']}\n");
    QCOMPARE(runPwctl(QStringList{QStringLiteral("run"), example(QStringLiteral("hello"))} + db())
                 .exitCode,
             0);
    QCOMPARE(runPwctl(QStringList{QStringLiteral("run"), other} + db()).exitCode, 0);

    const PwctlResult all =
        runPwctl(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + db());
    QCOMPARE(all.exitCode, 0);
    const QJsonArray runs = QJsonDocument::fromJson(all.out).array();
    QCOMPARE(runs.size(), 2);
    // Newest first.
    QCOMPARE(runs[0].toObject().value(QStringLiteral("pipeline")).toString(),
             QStringLiteral("other"));

    const PwctlResult filtered =
        runPwctl(QStringList{QStringLiteral("history"), QStringLiteral("--pipeline"),
                             QStringLiteral("hello"), QStringLiteral("--json")}
                 + db());
    const QJsonArray hello = QJsonDocument::fromJson(filtered.out).array();
    QCOMPARE(hello.size(), 1);
    QCOMPARE(hello[0].toObject().value(QStringLiteral("pipeline")).toString(),
             QStringLiteral("hello"));

    const PwctlResult table = runPwctl(QStringList{QStringLiteral("history")} + db());
    QCOMPARE(table.exitCode, 0);
    QCOMPARE(table.out.count('\n'), 2);
}

void tst_Pwctl::logsPrintAJobsOutput()
{
    const PwctlResult ran =
        runPwctl(QStringList{QStringLiteral("run"), example(QStringLiteral("hello")),
                             QStringLiteral("--json")}
                 + db());
    const QString id = QString::number(ran.json().value(QStringLiteral("id")).toInteger());

    const PwctlResult logs =
        runPwctl(QStringList{QStringLiteral("logs"), id, QStringLiteral("lint")} + db());
    QCOMPARE(logs.exitCode, 0);
    QVERIFY2(logs.out.contains("hello from lint\n"), logs.out.constData());

    const PwctlResult unknown =
        runPwctl(QStringList{QStringLiteral("logs"), id, QStringLiteral("nope")} + db());
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("has no job 'nope'; its jobs are: lint"),
             unknown.err.constData());
}

void tst_Pwctl::planShowsSkipsAndReasons()
{
    const QString path = m_dir.filePath(QStringLiteral("conditions.yml"));
    writeFile(path, "name: conditions\nstages:\n"
                    "  - name: build\n    jobs:\n"
                    "      - {name: compile, commands: ['true']}\n"
                    "  - name: release\n    if: branch == \"main\"\n    jobs:\n"
                    "      - {name: publish, needs: [compile], commands: ['true']}\n");
    const PwctlResult onDev =
        runPwctl({QStringLiteral("plan"), path, QStringLiteral("--branch"), QStringLiteral("dev")});
    QCOMPARE(onDev.exitCode, 0);
    QVERIFY2(onDev.out.contains("compile"), onDev.out.constData());
    QVERIFY2(onDev.out.contains("condition false"), onDev.out.constData());

    const PwctlResult onMain = runPwctl(
        {QStringLiteral("plan"), path, QStringLiteral("--branch"), QStringLiteral("main")});
    QVERIFY2(!onMain.out.contains("condition false"), onMain.out.constData());
}

void tst_Pwctl::ctrlCCancelsTheRunAndEndsEveryProcess()
{
    const QString pidFile = m_dir.filePath(QStringLiteral("grandchild.pid"));
    const QString path = m_dir.filePath(QStringLiteral("long.yml"));
    writeFile(path, "name: long\nstages:\n  - name: one\n    jobs:\n"
                    "      - {name: server, commands: ['"
                        + testJob().toUtf8() + " grandchild " + pidFile.toUtf8() + "']}\n");

    QProcess *pwctl =
        startPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json")} + db(), this);
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile), 20000);
    QFile file(pidFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const pid_t grandchild = pid_t(file.readAll().trimmed().toInt());
    QVERIFY(processExists(grandchild));

    ::kill(pid_t(pwctl->processId()), SIGINT);
    QVERIFY(pwctl->waitForFinished(20000));
    QCOMPARE(pwctl->exitCode(), 1);
    const QJsonObject run = QJsonDocument::fromJson(pwctl->readAllStandardOutput()).object();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(findJob(run, QStringLiteral("server")).value(QStringLiteral("status")).toString(),
             QStringLiteral("cancelled"));
    QTRY_VERIFY_WITH_TIMEOUT(!processExists(grandchild), 5000);

    // The history says the same.
    const QString id = QString::number(run.value(QStringLiteral("id")).toInteger());
    const PwctlResult shown =
        runPwctl(QStringList{QStringLiteral("show"), id, QStringLiteral("--json")} + db());
    QCOMPARE(shown.json().value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    delete pwctl;
}

void tst_Pwctl::watchRunsForANewCommit()
{
    const QString repo = m_dir.filePath(QStringLiteral("repo"));
    QVERIFY(test::initGitRepository(repo, QStringLiteral("main")));
    QVERIFY(!test::commitFile(repo, QStringLiteral("pipewright.yml"),
                              "name: watched\non: {branches: [main], events: [push]}\n"
                              "stages:\n  - name: one\n    jobs:\n"
                              "      - {name: a, commands: ['echo $PIPEWRIGHT_EVENT']}\n")
                 .isEmpty());

    QProcess *watch =
        startPwctl(QStringList{QStringLiteral("watch"), repo + QStringLiteral("/pipewright.yml"),
                               QStringLiteral("--interval"), QStringLiteral("0.2"),
                               QStringLiteral("--max-runs"), QStringLiteral("1")}
                       + db(),
                   this);
    QByteArray watchErr;
    QTRY_VERIFY2_WITH_TIMEOUT((watchErr += watch->readAllStandardError()).contains("watching"),
                              watchErr.constData(), 10000);
    const QString second = test::commitFile(repo, QStringLiteral("change.txt"), "new\n");
    QVERIFY(!second.isEmpty());

    QVERIFY(watch->waitForFinished(30000));
    QCOMPARE(watch->exitCode(), 0);
    const PwctlResult history =
        runPwctl(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + db());
    const QJsonArray runs = QJsonDocument::fromJson(history.out).array();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs[0].toObject();
    QCOMPARE(run.value(QStringLiteral("event")).toString(), QStringLiteral("push"));
    QCOMPARE(run.value(QStringLiteral("branch")).toString(), QStringLiteral("main"));
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("success"));
    QCOMPARE(run.value(QStringLiteral("commit")).toString(), second);
    delete watch;
}

void tst_Pwctl::watchOutsideARepositoryIsAUsageError()
{
    const QString path = m_dir.filePath(QStringLiteral("plain/pipewright.yml"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    writeFile(path, "name: plain\nstages:\n  - name: one\n    jobs:\n"
                    "      - {name: a, commands: ['true']}\n");

    const PwctlResult result =
        runPwctl(QStringList{QStringLiteral("watch"), path, QStringLiteral("--interval"),
                             QStringLiteral("0.2")}
                 + db());
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains("git"), result.err.constData());
    QVERIFY2(!result.err.contains("watching"), result.err.constData());
}

void tst_Pwctl::secretsReachOnlyTheirJobsAndNeverTheStore()
{
    const QByteArray token = "s3cr3t-t0ken-4711";
    const QString path = m_dir.filePath(QStringLiteral("secret.yml"));
    writeFile(path, "name: secret\nstages:\n  - name: deploy\n    jobs:\n"
                    "      - name: ship\n        secrets: [DEPLOY_TOKEN]\n"
                    "        commands: ['echo token=$DEPLOY_TOKEN', 'printf %s \"$DEPLOY_TOKEN\" "
                    "> got-token']\n"
                    "      - name: other\n        commands: ['echo other=[$DEPLOY_TOKEN]']\n");
    const QString store = m_dir.filePath(QStringLiteral("secret-store/history.sqlite"));
    const QStringList useStore{QStringLiteral("--db"), store};

    // Missing: nothing runs, and the message says how to provide it.
    const PwctlResult missing =
        runPwctl(QStringList{QStringLiteral("run"), path} + useStore, m_dir.path());
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("DEPLOY_TOKEN") && missing.err.contains("ship")
                 && missing.err.contains("PIPEWRIGHT_SECRET_DEPLOY_TOKEN"),
             missing.err.constData());
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("got-token"))));

    qputenv("PIPEWRIGHT_SECRET_DEPLOY_TOKEN", token);
    const PwctlResult result = runPwctl(
        QStringList{QStringLiteral("run"), path, QStringLiteral("--json"), QStringLiteral("--logs")}
            + useStore,
        m_dir.path());
    qunsetenv("PIPEWRIGHT_SECRET_DEPLOY_TOKEN");
    QCOMPARE(result.exitCode, 0);

    // The job got it; the console shows it masked; the other job never saw it.
    QFile got(m_dir.filePath(QStringLiteral("got-token")));
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.readAll(), token);
    QVERIFY2(result.err.contains("token=****"), result.err.constData());
    QVERIFY2(result.err.contains("other=[]"), result.err.constData());
    QVERIFY(!result.err.contains(token) && !result.out.contains(token));

    const QString id = QString::number(result.json().value(QStringLiteral("id")).toInteger());
    const PwctlResult logs =
        runPwctl(QStringList{QStringLiteral("logs"), id, QStringLiteral("ship")} + useStore);
    QVERIFY2(logs.out.contains("token=****"), logs.out.constData());

    // Not a byte of it is anywhere in the store's files.
    for (const QFileInfo &file : QDir(QFileInfo(store).path()).entryInfoList(QDir::Files)) {
        QFile content(file.filePath());
        QVERIFY(content.open(QIODevice::ReadOnly));
        QVERIFY2(!content.readAll().contains(token), qPrintable(file.filePath()));
    }
}

void tst_Pwctl::allowedExitCodesAloneMayFail()
{
    const QString path = m_dir.filePath(QStringLiteral("codes/.gitlab-ci.yml"));
    QDir().mkpath(QFileInfo(path).path());
    writeFile(path, "allowed:\n  allow_failure: {exit_codes: [3]}\n  script: [exit 3]\n"
                    "refused:\n  allow_failure: {exit_codes: [3]}\n  script: [exit 4]\n");
    const PwctlResult result =
        runPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json"),
                             QStringLiteral("--jobs"), QStringLiteral("2")}
                 + db());

    QCOMPARE(result.exitCode, 1);
    QMap<QString, bool> allowed;
    for (const QJsonValue &stage : result.json().value(QStringLiteral("stages")).toArray()) {
        for (const QJsonValue &job : stage.toObject().value(QStringLiteral("jobs")).toArray()) {
            allowed.insert(job.toObject().value(QStringLiteral("name")).toString(),
                           job.toObject().value(QStringLiteral("allowFailure")).toBool());
        }
    }
    QCOMPARE(allowed, (QMap<QString, bool>{{"allowed", true}, {"refused", false}}));
}

void tst_Pwctl::largeOutputDoesNotGrowPwctl()
{
    // 200 MB of output is streamed to the store in batches, never held whole: the peak
    // resident size of pwctl stays far below the size of the log.
    const qint64 size = 200 * 1000 * 1000;
    const QString path = m_dir.filePath(QStringLiteral("chatty.yml"));
    writeFile(path, "name: chatty\nstages:\n  - name: one\n    jobs:\n"
                    "      - {name: chatty, commands: ['"
                        + testJob().toUtf8() + " bytes " + QByteArray::number(size) + "']}\n");
    const PwctlResult result =
        runPwctl(QStringList{QStringLiteral("run"), path, QStringLiteral("--json")} + db());
    QCOMPARE(result.exitCode, 0);

    rusage usage = {};
    QCOMPARE(::getrusage(RUSAGE_CHILDREN, &usage), 0);
    const qint64 peakBytes = qint64(usage.ru_maxrss) * 1024;
    qInfo() << "peak resident size of pwctl and its jobs:" << peakBytes / (1024 * 1024) << "MiB";
    // Under a sanitizer, its shadow memory and quarantine make the peak size mean nothing.
    if (!test::underSanitizer())
        QVERIFY2(peakBytes < 120 * 1024 * 1024, qPrintable(QString::number(peakBytes)));

    // And the whole of it is in the store, in order.
    const QString id = QString::number(result.json().value(QStringLiteral("id")).toInteger());
    const PwctlResult logs =
        runPwctl(QStringList{QStringLiteral("logs"), id, QStringLiteral("chatty")} + db());
    QCOMPARE(logs.exitCode, 0);
    const QByteArray echo = "$ " + testJob().toUtf8() + " bytes " + QByteArray::number(size) + '\n';
    QCOMPARE(qint64(logs.out.size()), size + echo.size());
    QVERIFY(logs.out.startsWith(echo));
    QCOMPARE(logs.out.count('\n'), size / 100 + 1);
}

void tst_Pwctl::everyExampleRuns_data()
{
    QTest::addColumn<QString>("file");
    QDirIterator it(sourceDir() + QStringLiteral("/examples"), {QStringLiteral("pipewright.yml")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        QTest::newRow(qPrintable(QDir(sourceDir()).relativeFilePath(file))) << file;
    }
}

void tst_Pwctl::everyExampleRuns()
{
    QFETCH(QString, file);
    const PwctlResult validated = runPwctl({QStringLiteral("validate"), file});
    QCOMPARE(validated.exitCode, 0);
    const PwctlResult ran =
        runPwctl(QStringList{QStringLiteral("run"), file, QStringLiteral("--json"),
                             QStringLiteral("--branch"), QStringLiteral("main")}
                 + db());
    QVERIFY2(ran.exitCode == 0, ran.err.constData());
    QCOMPARE(ran.json().value(QStringLiteral("status")).toString(), QStringLiteral("success"));
}

QTEST_GUILESS_MAIN(tst_Pwctl)
#include "tst_pwctl.moc"
