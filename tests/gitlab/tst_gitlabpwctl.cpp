// GitLab runs through pwctl beyond the shared fixtures: how dotenv reports fail, what a job
// receives when several sources and the run set the same name, and matrix needs that cannot
// be resolved.

#include "pwctlprocess.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw::test;

class tst_GitLabPwctl : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void runs_data();
    void runs();
};

void tst_GitLabPwctl::runs_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("absent");

    QTest::newRow("a malformed dotenv report fails its job, naming the file and line")
        << QByteArray("build:\n  stage: build\n  script: printf 'A=1\\nMY VAR=2\\n' > b.env\n"
                      "  artifacts: {reports: {dotenv: b.env}}\n"
                      "deploy: {stage: deploy, script: echo deployed}\n")
        << QStringList() << 1
        << QStringList{"[build] [pipewright] dotenv report: error: b.env:2: 'MY VAR' is not a "
                       "variable name",
                       "dotenv report b.env:2: 'MY VAR' is not a variable name"}
        << QStringList{"[deploy] deployed"};
    QTest::newRow("a dotenv report outside the job's folder is refused")
        << QByteArray("build:\n  script: echo A=1 > ../x.env\n"
                      "  artifacts: {reports: {dotenv: ../x.env}}\n")
        << QStringList() << 1 << QStringList{"dotenv report '../x.env': error: not read, the path"}
        << QStringList();
    QTest::newRow("later sources win, the run's variables beat every dotenv")
        << QByteArray("one: {stage: build, script: 'printf \"A=one\\nB=one\\n\" > r.env', "
                      "artifacts: {reports: {dotenv: r.env}}}\n"
                      "two: {stage: build, script: 'printf \"B=two\\nC=two\\n\" > r.env', "
                      "artifacts: {reports: {dotenv: r.env}}}\n"
                      "use:\n  needs: [one, two]\n  variables: {A: job, ALL: $A-$B-$C}\n"
                      "  script: echo \"$ALL\"\n")
        << QStringList{"--var", "C=run"} << 0 << QStringList{"[use] one-two-run"} << QStringList();
    QTest::newRow("needs with artifacts false receive no dotenv variables")
        << QByteArray("one: {stage: build, script: echo A=1 > r.env, "
                      "artifacts: {reports: {dotenv: r.env}}}\n"
                      "use: {needs: [{job: one, artifacts: false}], script: 'echo \"A=[$A]\"'}\n")
        << QStringList() << 0 << QStringList{"[use] A=[]"} << QStringList();
    QTest::newRow("dependencies narrow which earlier jobs pass dotenv variables")
        << QByteArray("one: {stage: build, script: echo A=1 > r.env, "
                      "artifacts: {reports: {dotenv: r.env}}}\n"
                      "two: {stage: build, script: echo B=2 > r.env, "
                      "artifacts: {reports: {dotenv: r.env}}}\n"
                      "use: {dependencies: [two], script: 'echo \"A=[$A] B=[$B]\"'}\n")
        << QStringList() << 0 << QStringList{"[use] A=[] B=[2]"} << QStringList();
    QTest::newRow("a matrix need on a name the job has no value for stops the run")
        << QByteArray("build: {stage: build, script: x, parallel: {matrix: [{P: [a, b]}]}}\n"
                      "test:\n  script: x\n"
                      "  needs: [{job: build, parallel: {matrix: [{P: '$[[ matrix.Q ]]'}]}}]\n")
        << QStringList() << 2
        << QStringList{".gitlab-ci.yml:4:11: '$[[ matrix.Q ]]' in the need's matrix: job 'test' "
                       "has no matrix value 'Q'"}
        << QStringList();
}

void tst_GitLabPwctl::runs()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, absent);

    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString project = work.filePath(QStringLiteral("project"));
    QVERIFY(QDir().mkpath(project));
    QFile file(project + QStringLiteral("/.gitlab-ci.yml"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(yaml);
    file.close();

    qputenv("XDG_DATA_HOME", work.filePath(QStringLiteral("data")).toLocal8Bit());
    const PwctlResult result = runPwctl(
        QStringList{"run", ".gitlab-ci.yml", "--db", work.filePath("history.sqlite"), "--logs"}
            + arguments,
        project);
    const QString err = QString::fromUtf8(result.err);
    QVERIFY2(result.exitCode == exitCode,
             qPrintable(QStringLiteral("exit code %1\n%2").arg(result.exitCode).arg(err)));
    for (const QString &text : contains)
        QVERIFY2(err.contains(text), qPrintable(QStringLiteral("no '%1' in\n%2").arg(text, err)));
    for (const QString &text : absent)
        QVERIFY2(!err.contains(text), qPrintable(QStringLiteral("'%1' in\n%2").arg(text, err)));
}

QTEST_GUILESS_MAIN(tst_GitLabPwctl)
#include "tst_gitlabpwctl.moc"
