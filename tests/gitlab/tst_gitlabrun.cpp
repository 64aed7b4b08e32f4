// The parts of a GitLab run decided around the planner and the file work: cache keys from
// files, matrix needs by `$[[ matrix.NAME ]]`, `rules: changes` against a run's changed
// files, dotenv variables and their precedence, `$NAME` in artifact paths, the change set
// git gives, and the failure policy the GitLab mapping chooses.

#include "core/files/cachekey.h"
#include "core/files/pathvariables.h"
#include "core/gitlab/dotenvvariables.h"
#include "core/gitlab/gitlabloader.h"
#include "core/gitlab/matrixneeds.h"
#include "core/plan/planner.h"
#include "core/vcs/gitrepository.h"
#include "gitfolder.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(QLatin1Char('\n'));
}

std::shared_ptr<const Pipeline> load(const QByteArray &yaml, const QString &directory)
{
    const LoadResult result = loadGitLabText(yaml, QStringLiteral(".gitlab-ci.yml"), directory);
    if (!result.ok())
        qInfo().noquote() << diagnosticsText(result.diagnostics);
    return result.ok() ? result.pipeline : nullptr;
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
}

// "name: skipped (reason)" or "name: runs" for each planned job.
QString decisions(const Plan &plan)
{
    QStringList parts;
    for (const PlannedJob &job : plan.jobs)
        parts.append(job.name + (job.skipped ? QStringLiteral(": out") : QStringLiteral(": in")));
    return parts.join(QStringLiteral(", "));
}

} // namespace

class tst_GitLabRun : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void cacheKeysFromFiles_data();
    void cacheKeysFromFiles();
    void matrixFilters_data();
    void matrixFilters();
    void matrixNeedsPerInstance();
    void matrixNeedOfAValueTheJobLacks();
    void changes_data();
    void changes();
    void dotenvPrecedence_data();
    void dotenvPrecedence();
    void artifactPathsExpand_data();
    void artifactPathsExpand();
    void changedFilesFromGit();
    void failurePolicy();
};

void tst_GitLabRun::cacheKeysFromFiles_data()
{
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("shared");

    QTest::newRow("the same files through a variable and other commands share the key")
        << QByteArray("{key: {files: [$PACKAGE, b.lock]}, paths: [d]}") << true;
    QTest::newRow("the same files in another order share the key")
        << QByteArray("{key: {files: [b.lock, a.lock]}, paths: [d]}") << true;
    QTest::newRow("a prefix makes another key")
        << QByteArray("{key: {files: [a.lock, b.lock], prefix: p}, paths: [d]}") << false;
    QTest::newRow("another file makes another key")
        << QByteArray("{key: {files: [a.lock]}, paths: [d]}") << false;
}

void tst_GitLabRun::cacheKeysFromFiles()
{
    QFETCH(QByteArray, second);
    QFETCH(bool, shared);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    writeFile(dir.filePath("a.lock"), "a1");
    writeFile(dir.filePath("b.lock"), "b1");

    const auto pipeline =
        load("variables: {PACKAGE: a.lock}\n"
             "one: {script: [make one], cache: {key: {files: [a.lock, b.lock]}, paths: [d]}}\n"
             "two: {script: [make two], cache: "
                 + second + "}\n",
             dir.path());
    QVERIFY(pipeline);
    const Result<Plan> plan = makePlan(pipeline, RunContext{});
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));

    QStringList keys;
    for (const PlannedJob &job : plan->jobs) {
        files::JobFilesInput input;
        input.pipeline = plan->pipeline;
        input.spec = job.spec;
        input.pathVariables = {{"PACKAGE", "a.lock"}};
        const CacheSpec cache = files::expandedCache(job.spec->caches.first(), input);
        keys.append(files::cacheKeyFor(cache, *job.spec, dir.path()).key);
    }
    QCOMPARE(keys[0] == keys[1], shared);
    QVERIFY2(keys[0].startsWith(QStringLiteral("default-")), qPrintable(keys[0]));
    if (second.contains("prefix"))
        QVERIFY2(keys[1].startsWith(QStringLiteral("p-")), qPrintable(keys[1]));

    // The key follows the files' contents and nothing else.
    const Job &first = *plan->jobs[0].spec;
    const QString before = files::cacheKeyFor(first.caches.first(), first, dir.path()).key;
    writeFile(dir.filePath("b.lock"), "b2");
    QVERIFY(files::cacheKeyFor(first.caches.first(), first, dir.path()).key != before);
}

void tst_GitLabRun::matrixFilters_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a value of the instance") << "$[[ matrix.OS ]]"
                                             << "linux";
    QTest::newRow("no spaces inside the brackets") << "$[[matrix.OS]]"
                                                   << "linux";
    QTest::newRow("text around and two expressions")
        << "build-$[[ matrix.OS ]]-$[[ matrix.ARCH-NAME ]]"
        << "build-linux-arm64";
    QTest::newRow("a literal value stays") << "mac"
                                           << "mac";
    QTest::newRow("a name the instance lacks")
        << "$[[ matrix.CPU ]]"
        << "error: '$[[ matrix.CPU ]]' in the need's matrix: job 'test: [linux, arm64]' has no "
           "matrix value 'CPU'";
}

void tst_GitLabRun::matrixFilters()
{
    QFETCH(QString, written);
    QFETCH(QString, expected);

    const QList<QPair<QString, QString>> values = {{"OS", "linux"}, {"ARCH-NAME", "arm64"}};
    const QMap<QString, QString> filter{{QStringLiteral("V"), written}};
    QCOMPARE(gitlab::refersToMatrix(filter), written.contains(QLatin1String("$[[")));
    const auto resolved = gitlab::resolveMatrixFilter(filter, values, "test: [linux, arm64]");
    QCOMPARE(resolved.ok() ? resolved->value(QStringLiteral("V"))
                           : QStringLiteral("error: ") + resolved.error().message,
             expected);
}

void tst_GitLabRun::matrixNeedsPerInstance()
{
    const auto pipeline =
        load("build: {stage: build, script: x, parallel: {matrix: [{P: [aws, gcp]}]}}\n"
             "test:\n  script: x\n  parallel: {matrix: [{P: [aws, gcp]}]}\n"
             "  needs: [{job: build, parallel: {matrix: [{P: '$[[ matrix.P ]]'}]}}]\n",
             QDir::tempPath());
    QVERIFY(pipeline);
    const Result<Plan> plan = makePlan(pipeline, RunContext{});
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));

    QStringList edges;
    for (const PlannedJob &job : plan->jobs) {
        for (const PlannedNeed &need : job.needs)
            edges.append(plan->jobs[need.job].name + QStringLiteral(" -> ") + job.name);
    }
    QCOMPARE(edges.join(QStringLiteral("; ")),
             QStringLiteral("build: [aws] -> test: [aws]; build: [gcp] -> test: [gcp]"));
}

void tst_GitLabRun::matrixNeedOfAValueTheJobLacks()
{
    const auto pipeline =
        load("build: {stage: build, script: x, parallel: {matrix: [{P: [aws, gcp]}]}}\n"
             "test:\n  script: x\n"
             "  needs: [{job: build, parallel: {matrix: [{P: '$[[ matrix.P ]]'}]}}]\n",
             QDir::tempPath());
    QVERIFY(pipeline);
    const Result<Plan> plan = makePlan(pipeline, RunContext{});
    QVERIFY(!plan.ok());
    QCOMPARE(plan.error().message,
             QStringLiteral(".gitlab-ci.yml:4:11: '$[[ matrix.P ]]' in the need's matrix: job "
                            "'test' has no matrix value 'P'"));
}

void tst_GitLabRun::changes_data()
{
    QTest::addColumn<QStringList>("changed");
    QTest::addColumn<bool>("known");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no set of changed files: changes hold")
        << QStringList() << false << "manual"
        << "plain: in, glob: in, matrix: [src]: in";
    QTest::newRow("an empty set: nothing changed") << QStringList() << true << "manual"
                                                   << "plain: out, glob: out, matrix: [src]: out";
    QTest::newRow("a listed file changed") << QStringList{"foo"} << true << "push"
                                           << "plain: in, glob: out, matrix: [src]: out";
    QTest::newRow("a file deep under a ** pattern")
        << QStringList{"src/a/b/c.cpp"} << true << "push"
        << "plain: out, glob: in, matrix: [src]: in";
    QTest::newRow("a file that * does not reach across a slash")
        << QStringList{"srcx/c.cpp", "docs/foo"} << true << "push"
        << "plain: out, glob: out, matrix: [src]: out";
    QTest::newRow("a tag run holds whatever changed") << QStringList{"bar"} << true << "tag"
                                                      << "plain: in, glob: in, matrix: [src]: in";
    QTest::newRow("a scheduled run holds whatever changed")
        << QStringList{"bar"} << true << "schedule"
        << "plain: in, glob: in, matrix: [src]: in";
}

void tst_GitLabRun::changes()
{
    QFETCH(QStringList, changed);
    QFETCH(bool, known);
    QFETCH(QString, event);
    QFETCH(QString, expected);

    const auto pipeline = load("plain: {script: x, rules: [{changes: [/foo]}]}\n"
                               "glob: {script: x, rules: [{changes: {paths: ['src/**/*.cpp']}}]}\n"
                               "matrix:\n  script: x\n  parallel: {matrix: [{DIR: src}]}\n"
                               "  rules: [{changes: ['${DIR}/*/*/*']}]\n",
                               QDir::tempPath());
    QVERIFY(pipeline);
    RunContext context;
    context.event = event;
    context.tag = event == QLatin1String("tag") ? QStringLiteral("v1") : QString();
    if (known)
        context.changedFiles = changed;
    const Result<Plan> plan = makePlan(pipeline, context);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(decisions(*plan), expected);
}

void tst_GitLabRun::dotenvPrecedence_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a job variable expands with a dotenv variable") << "REF"
                                                                   << "ref-latest";
    QTest::newRow("a dotenv variable beats a job variable") << "SAME"
                                                            << "from-dotenv";
    QTest::newRow("a dotenv variable beats a global variable") << "GLOBAL"
                                                               << "from-dotenv";
    QTest::newRow("a run variable beats a dotenv variable") << "RUN"
                                                            << "from-run";
    QTest::newRow("a dotenv value is never expanded") << "RAW"
                                                      << "$HOME";
    QTest::newRow("predefined and own values stay") << "PIPEWRIGHT_JOB_NAME"
                                                    << "job2";
    QTest::newRow("a variable the dotenv does not set is as planned") << "OTHER"
                                                                      << "plain";
}

void tst_GitLabRun::dotenvPrecedence()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);

    const auto pipeline = load("variables: {GLOBAL: from-file}\n"
                               "job2:\n  script: x\n"
                               "  variables: {REF: ref-$BUILD_REF, SAME: from-job, OTHER: plain}\n",
                               QDir::tempPath());
    QVERIFY(pipeline);
    RunContext context;
    setVariable(context.variables, QStringLiteral("RUN"), QStringLiteral("from-run"));
    const Result<Plan> plan = makePlan(pipeline, context);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QCOMPARE(variableValue(plan->jobs[0].variables, "REF"), QStringLiteral("ref-$BUILD_REF"));

    Variables dotenv;
    for (const char *assignment :
         {"BUILD_REF=latest", "SAME=from-dotenv", "GLOBAL=from-dotenv", "RUN=from-dotenv",
          "RAW=$HOME", "PIPEWRIGHT_JOB_NAME=from-dotenv"}) {
        const QStringList parts = QString::fromLatin1(assignment).split(QLatin1Char('='));
        setVariable(dotenv, parts[0], parts[1], false);
    }
    const Variables variables = gitlab::variablesWithDotenv(*plan, 0, dotenv);
    QCOMPARE(variableValue(variables, name), expected);
}

void tst_GitLabRun::artifactPathsExpand_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("expected");

    QTest::newRow("$NAME and ${NAME}") << "out/$NAME-${NAME}.txt"
                                       << "out/file3-file3.txt";
    QTest::newRow("the project folder becomes relative") << "$CI_PROJECT_DIR/dist/"
                                                         << "dist/";
    QTest::newRow("an unknown name stays as written") << "$NOPE/x"
                                                      << "$NOPE/x";
    QTest::newRow("$$ is one literal $") << "a$$NAME"
                                         << "a$NAME";
}

void tst_GitLabRun::artifactPathsExpand()
{
    QFETCH(QString, written);
    QFETCH(QString, expected);

    auto pipeline = std::make_shared<Pipeline>();
    pipeline->directory = QStringLiteral("/work/project");
    files::JobFilesInput input;
    input.pipeline = pipeline;
    input.pathVariables = {{"NAME", "file3"}, {"CI_PROJECT_DIR", "/work/project"}};
    QCOMPARE(files::expandedPaths({written}, input), QStringList{expected});

    // A native pipeline gives no variables: its paths stay as written.
    input.pathVariables.clear();
    QCOMPARE(files::expandedPaths({written}, input), QStringList{written});
}

void tst_GitLabRun::changedFilesFromGit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString root = dir.path();
    QVERIFY(test::git(root, {"init", "-q", "-b", "main"}));

    // No commit, then a first commit: there is nothing to compare with.
    auto changes = readChangedFiles(root, QString());
    QVERIFY(changes.ok());
    QVERIFY(!changes->has_value());
    writeFile(root + "/app/main.c", "1");
    writeFile(root + "/README", "1");
    writeFile(root + "/.gitignore", "*.o\n");
    QVERIFY(test::git(root, {"add", "-A"}));
    QVERIFY(test::git(root, {"commit", "-q", "-m", "first"}));
    changes = readChangedFiles(root, QString());
    QVERIFY(changes.ok());
    QVERIFY(!changes->has_value());

    // A second commit, a change not committed, a renamed file, an untracked and an ignored one.
    writeFile(root + "/app/main.c", "2");
    QVERIFY(test::git(root, {"commit", "-q", "-am", "second"}));
    writeFile(root + "/README", "2");
    QVERIFY(test::git(root, {"mv", "app/main.c", "app/start.c"}));
    writeFile(root + "/app/new file.c", "n");
    writeFile(root + "/app/main.o", "o");
    changes = readChangedFiles(root, QString());
    QVERIFY2(changes.ok(), changes.ok() ? "" : qPrintable(changes.error().message));
    QVERIFY(changes->has_value());
    QStringList files = **changes;
    files.sort();
    QCOMPARE(files, (QStringList{"README", "app/main.c", "app/new file.c", "app/start.c"}));

    // From a subfolder only its files count, relative to it; a base may be named.
    changes = readChangedFiles(root + "/app", QStringLiteral("HEAD"));
    QVERIFY(changes.ok());
    files = **changes;
    files.sort();
    QCOMPARE(files, (QStringList{"main.c", "new file.c", "start.c"}));

    const auto bad = readChangedFiles(root, QStringLiteral("no-such-ref"));
    QVERIFY(!bad.ok());
    QCOMPARE(
        bad.error().message,
        QStringLiteral("'no-such-ref' is not a commit of the repository holding %1").arg(root));
}

void tst_GitLabRun::failurePolicy()
{
    const auto pipeline = load("j: {script: x}\n", QDir::tempPath());
    QVERIFY(pipeline);
    QCOMPARE(int(pipeline->afterFailure), int(Pipeline::AfterFailure::SkipLaterStages));
    QCOMPARE(int(Pipeline().afterFailure), int(Pipeline::AfterFailure::SkipUnstarted));
}

QTEST_GUILESS_MAIN(tst_GitLabRun)
#include "tst_gitlabrun.moc"
