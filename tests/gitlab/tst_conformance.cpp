// Runs the gitlab-ci-local fixtures (shared/conformance/gitlab-ci-local) with the built pwctl
// and checks what their expected.md says that a run can show: which jobs ran, lines of their
// output, the exit status and the order of lines. pwctl runs whole pipelines, so each
// scenario here is the full-pipeline form of a case; a case that only makes sense with one
// job selected is checked through what the full pipeline implies.
//
// Where GitLab and gitlab-ci-local differ, these expectations follow GitLab:
// - matrix instance names are "job: [a, b]", with a space after the comma, as GitLab shows
//   them (gitlab-ci-local writes "job: [a,b]");
// - an `allow_failure: exit_codes` job that exits with another code fails the pipeline;
// - manual jobs that are not started are left out of the run (gitlab-ci-local's model; GitLab
//   would keep the pipeline waiting), and a job that needs one is skipped rather than the
//   configuration being rejected.

#include "pwctlprocess.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace pw::test;

namespace {

using ExtraCheck = std::function<QString(const QJsonObject &run)>;

struct Scenario
{
    QString name;
    QString folder;
    QString file; // empty: .gitlab-ci.yml
    QStringList arguments;
    int exitCode = 0;
    // Whole lines of stderr (job output is "[job] text").
    QStringList lines;
    // Texts stderr must contain, and must not contain.
    QStringList contains;
    QStringList absent;
    // Lines that must appear in this order.
    QStringList order;
    ExtraCheck extra;
    // Why this scenario does not pass yet; empty when it must pass.
    QString knownFailure;
    // Files a second commit changes after the fixture's, so that the run has them as its
    // changed files (the default compares HEAD with its first parent).
    QStringList changedFiles;
};

QJsonObject findJob(const QJsonObject &run, const QString &name)
{
    for (const QJsonValue &stage : run.value("stages").toArray()) {
        for (const QJsonValue &job : stage.toObject().value("jobs").toArray()) {
            if (job.toObject().value("name").toString() == name)
                return job.toObject();
        }
    }
    return {};
}

ExtraCheck needsOf(const QString &job, const QStringList &needs)
{
    return [=](const QJsonObject &run) {
        QStringList actual;
        for (const QJsonValue &need : findJob(run, job).value("needs").toArray())
            actual.append(need.toString());
        return actual == needs ? QString()
                               : QStringLiteral("%1 needs [%2], expected [%3]")
                                     .arg(job, actual.join(", "), needs.join(", "));
    };
}

ExtraCheck allowedToFail(const QString &job, bool allowed)
{
    return [=](const QJsonObject &run) {
        const bool actual = findJob(run, job).value("allowFailure").toBool();
        return actual == allowed
                   ? QString()
                   : QStringLiteral("%1: allowFailure is %2").arg(job, actual ? "true" : "false");
    };
}

ExtraCheck overlap(bool expected)
{
    return [=](const QJsonObject &run) {
        const QJsonObject one = findJob(run, "one");
        const QJsonObject two = findJob(run, "two");
        const bool overlapping =
            one.value("startedAt").toString() < two.value("finishedAt").toString()
            && two.value("startedAt").toString() < one.value("finishedAt").toString();
        return overlapping == expected
                   ? QString()
                   : QStringLiteral("the jobs %1 overlap").arg(expected ? "do not" : "do");
    };
}

// The table leaves the trailing fields of most scenarios at their defaults.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
QList<Scenario> scenarios()
{
    QList<Scenario> list;
    const auto add = [&](Scenario scenario) { list.append(std::move(scenario)); };

    add({"after_script runs, the default one and a job's own",
         "after-script",
         {},
         {},
         1,
         {"[test-job] Cleanup after test", "[build-job] Cleanup after test",
          "[deploy-job] running"}});
    add({"after_script sees the job's status",
         "after-script",
         {},
         {},
         1,
         {"[deploy-job] success", "[post-job] failed"}});
    add({"a dotenv report reaches the jobs that need its producer",
         "artifacts-reports-dotenv",
         {},
         {},
         0,
         {},
         {"dotenv variables of build-shell-iso: BUILD_VERSION"},
         {"FAIL"}});
    add({"several dotenv reports, one missing",
         "artifacts-reports-dotenv",
         ".gitlab-ci-issue-1160.yml",
         {},
         1,
         {"[test-multi-dotenv] true", "[test-multi-dotenv-with-missing-file] 123"},
         {"TEST_MULTI_2: unbound variable",
          "dotenv report 'multi4.env': warning: the artifact report could not be found"}});
    add({"artifacts of an earlier stage reach a later one", "artifacts-sequence"});
    add({"artifacts of every matrix instance reach a later stage",
         "artifacts-sequence",
         ".gitlab-ci-parallel.yml",
         {},
         0,
         {},
         {"artifacts: kept 1 files"}});
    add({"artifacts honour exclude and a CI_PROJECT_DIR prefix", "artifacts-shell"});
    add({"a producer removed by rules is not expected",
         "artifacts-shell",
         ".gitlab-ci-when-never.yml",
         {},
         0,
         {"[deploy] Getting artifacts from all producers"},
         {},
         {"[build] "}});
    add({"a when: always job runs after a failure with missing artifacts",
         "artifacts-shell-fail",
         {},
         {},
         1,
         {"[deploy] Deploy something"}});
    add({"a cache policy set by a rule variable is accepted",
         "cache-conditional-policy",
         {},
         {},
         0,
         {"[test-job] Build something"}});
    add({"caches keyed by the same files are shared", "cache-key-files", {}, {}, 0, {}, {": hit"}});
    add({"a key file pattern with '*' does not crash", "cache-key-files", ".gitlab-ci-1.yml"});
    add({"a key file pattern with a quote does not crash", "cache-key-files", ".gitlab-ci-2.yml"});
    add({"a cache from !reference is restored by key", "cache-shell"});
    add({"jobs that fail fail the run, whatever their cache", "cache-when", {}, {}, 1});
    add({"one job at a time with --jobs 1",
         "concurrency",
         {},
         {"--jobs", "1"},
         0,
         {},
         {},
         {},
         {},
         overlap(false)});
    add({"jobs overlap with two workers",
         "concurrency",
         {},
         {"--jobs", "2"},
         0,
         {},
         {},
         {},
         {},
         overlap(true)});
    add({"extends merges several parents over several levels",
         "extends",
         {},
         {},
         0,
         {"[test-job] Test something (before_script)", "[test-job] Test something",
          "[test-job] Test something (after_script)"},
         {},
         {"[test-job] Should not be printed"}});
    add({"manual jobs not started are left out",
         "manual",
         {},
         {},
         0,
         {"[deploy-job] Deploy something"},
         {},
         {"[build-job] Hello", "[pre-job] Hello", "[test-job] Test something"}});
    add({"needs with artifacts false fetches no artifacts",
         "needs-artifacts",
         {},
         {},
         0,
         {},
         {},
         {},
         {},
         {}});
    add({"needs: [] fetches no artifacts even with dependencies", "needs-empty"});
    add({"a need of a later stage is an error",
         "needs-invalid-stage",
         {},
         {},
         2,
         {},
         {"cannot need 'test-job' of the later stage 'test'"}});
    add({"needs fan in and !reference in needs",
         "needs-parallel",
         {},
         {},
         0,
         {"[pre-job] Pre something", "[build-job] Build something", "[test-job] Test something",
          "[deploy-job] Deploy something"},
         {},
         {},
         {"[pre-job] Pre something", "[build-job] Build something", "[test-job] Test something",
          "[deploy-job] Deploy something"}});
    add({"a matrix need selects the matching instance",
         "needs-parallel-matrix-artifacts",
         {},
         {},
         0,
         {"[test: [aws]] aws-data", "[test: [gcp]] gcp-data"},
         {},
         {"[test: [aws]] gcp-data", "[test: [gcp]] aws-data"},
         {},
         [](const QJsonObject &run) {
             const QString aws = needsOf("test: [aws]", {"build: [aws]"})(run);
             return aws.isEmpty() ? needsOf("test: [gcp]", {"build: [gcp]"})(run) : aws;
         }});
    add({"a need in the same stage orders the jobs",
         "needs-same-stage",
         {},
         {},
         0,
         {},
         {},
         {},
         {"[build-job] Build something", "[test-job] Test something"}});
    add({"needs form a chain across stages",
         "needs-sequence",
         {},
         {},
         0,
         {"[no-needs-job] NoNeeds something", "[premium-job] I'm utilizing premium feature"},
         {"a need on another project or pipeline is ignored"},
         {},
         {"[pre-job] Pre something", "[build-job] Build something", "[test-job] Test something",
          "[deploy-job] Deploy something"}});
    add({"parallel matrix instances with their index and total",
         "parallel-matrix",
         {},
         {},
         0,
         {"[build-job: [foo]] NAME:'foo' 1/3", "[build-job: [bar]] NAME:'bar' 2/3",
          "[build-job: [beb]] NAME:'beb' 3/3", "[test-job: [foo, dev]] NAME:'foo' TIER:'dev' 1/7",
          "[test-job: [bar, pro]] NAME:'bar' TIER:'pro' 6/7",
          "[test-job: [beb]] NAME:'beb' TIER:'' 7/7"}});
    add({"changes hold when there is nothing to compare with",
         "rules-changes",
         {},
         {},
         0,
         {"[alpine] Job is running", "[matrix: [foo]] Job is running"}});
    add({"changes with paths hold when there is nothing to compare with",
         "rules-changes",
         ".gitlab-ci-2.yml",
         {},
         0,
         {"[alpine] Job is running", "[matrix: [foo]] Job is running"}});
    add({"changes of other files keep the jobs out",
         "rules-changes",
         {},
         {},
         0,
         {},
         {},
         {"Job is running"},
         {},
         {},
         {},
         {"bar"}});
    add({"changes with paths of other files keep the jobs out",
         "rules-changes",
         ".gitlab-ci-2.yml",
         {},
         0,
         {},
         {},
         {"Job is running"},
         {},
         {},
         {},
         {"bar"}});
    add({"changes of a listed file let the jobs in",
         "rules-changes",
         {},
         {},
         0,
         {"[alpine] Job is running", "[matrix: [foo]] Job is running"},
         {},
         {},
         {},
         {},
         {},
         {"foo", "bar"}});
    add({"changes since a given commit count only what differs from it",
         "rules-changes",
         ".gitlab-ci-2.yml",
         {"--changes-since", "HEAD"},
         0,
         {},
         {},
         {"Job is running"},
         {},
         {},
         {},
         {"foo"}});
    add({"changes on a tag hold whatever changed",
         "rules-changes",
         {},
         {"--event", "tag", "--tag", "v1"},
         0,
         {"[alpine] Job is running", "[matrix: [foo]] Job is running"},
         {},
         {},
         {},
         {},
         {},
         {"bar"}});
    add({"rules needs replace the job's needs when the rule matches",
         "rules-needs",
         {},
         {"--var", "CI_COMMIT_BRANCH=main"},
         0,
         {"[test-job] test-job"},
         {},
         {},
         {},
         needsOf("test-job", {"build-production"})});
    add({"the job's needs stay when the rule does not match",
         "rules-needs",
         {},
         {},
         0,
         {"[test-job] test-job"},
         {},
         {},
         {},
         needsOf("test-job", {"build-dev"})});
    add({"a job needing a failed job does not start",
         "script-failures",
         {},
         {},
         1,
         {},
         {},
         {"[deploy-job] "},
         {},
         allowedToFail("rules:allow_failure precedence", false)});
    add({"allow_failure without a rule value is kept",
         "script-failures",
         {},
         {},
         1,
         {},
         {},
         {},
         {},
         allowedToFail("rules:without allow_failure", true)});
    add({"an exit code not in exit_codes fails the job",
         "script-failures",
         {},
         {},
         1,
         {},
         {},
         {},
         {},
         allowedToFail("exit_code[number] not allowed", false)});
    add({"jobs of a failed job's stage still run, with one worker",
         "script-failures",
         {},
         {"--jobs", "1"},
         1,
         {"[allow-failure-job] This is printed right before the failure"},
         {"[test-job] Test something"},
         {"[deploy-job] "}});
    add({"scripts written as strings",
         "scripts-as-string",
         {},
         {},
         0,
         {},
         {},
         {},
         {"[test-job] Before test", "[test-job] Test something", "[test-job] After test"}});
    add({"a job needing itself is an error",
         "self-dependency",
         {},
         {},
         2,
         {},
         {"cannot need itself"}});
    add({"$$ in a variable is a literal $",
         "variable-escaping",
         {},
         {},
         0,
         {"[test $ character in CI/CD variable] ls \"-al\" $TMP_DIR"}});
    add({"variables expand nested references",
         "variable-expansion",
         {},
         {},
         0,
         {"[test ${URL_${ENV}}] url-dev", "[test ${${ENV}_URL}] dev-url",
          "[docker-executor variables with '] docker-executor variables with '"}});
    add({"variables expand after dotenv variables arrive",
         "variable-expansion",
         ".gitlab-ci-3.yml",
         {},
         0,
         {"[job2] latest"}});
    add({"expand: false keeps references as written",
         "variable-expansion",
         ".gitlab-ci-4.yml",
         {},
         0,
         {},
         {},
         {},
         {"[job] 1", "[job] 2 $DEFAULT_VAR_1", "[job] 3 1", "[job] 4 1", "[job] 1",
          "[job] 2 $JOB_VAR_1", "[job] 3 1", "[job] 4 1"}});
    add({"a when: always job runs after a failure",
         "when-always",
         {},
         {},
         1,
         {"[test-job] Test something"}});
    add({"workflow rule variables are global variables",
         "workflow-rules-variables",
         {},
         {},
         0,
         {"[test-job] WORKFLOW_VAR=from-workflow-rules"}});
    add({"variables of a workflow rule that does not match are not set",
         "workflow-rules-variables",
         ".gitlab-ci-no-match.yml",
         {},
         0,
         {},
         {},
         {"from-workflow-rules"}});
    add({"job variables beat workflow rule variables",
         "workflow-rules-variables",
         ".gitlab-ci-job-override.yml",
         {},
         0,
         {"[test-job] WORKFLOW_VAR=from-job"}});
    return list;
}
#pragma GCC diagnostic pop

// Cases whose expectations cannot be shown by a run of pwctl.
const QHash<QString, QString> &unmechanical()
{
    static const QHash<QString, QString> reasons = {
        {"artifacts-after-afterscript", "checks the contents of stored artifacts"},
    };
    return reasons;
}

QString conformanceDir()
{
    const QString shared = sharedDir();
    return shared.isEmpty() ? QString() : shared + QStringLiteral("/conformance/gitlab-ci-local/");
}

bool copyFolder(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(source);
        QDir().mkpath(QFileInfo(target).path());
        if (!QFile::copy(source, target))
            return false;
        QFile::setPermissions(target, QFile::permissions(target) | QFile::WriteOwner);
    }
    return true;
}

bool runGit(const QString &folder, const QList<QStringList> &commands)
{
    for (const QStringList &arguments : commands) {
        QProcess git;
        git.setWorkingDirectory(folder);
        git.start("git", arguments);
        if (!git.waitForFinished(30000) || git.exitCode() != 0)
            return false;
    }
    return true;
}

const QStringList commitAs = {"-c", "user.name=Testersen", "-c", "user.email=test@test.com"};

// The reference runs every case on branch master of a git repository.
bool gitInit(const QString &folder)
{
    return runGit(folder, {{"init", "-q", "-b", "master"},
                           commitAs + QStringList{"add", "-A"},
                           commitAs + QStringList{"commit", "-q", "-m", "fixture"}});
}

// A second commit that changes (or adds) `files`.
bool commitChanges(const QString &folder, const QStringList &files)
{
    for (const QString &name : files) {
        QFile file(folder + QLatin1Char('/') + name);
        if (!file.open(QIODevice::Append) || file.write("changed\n") < 0)
            return false;
    }
    return runGit(folder, {commitAs + QStringList{"add", "-A"},
                           commitAs + QStringList{"commit", "-q", "-m", "change"}});
}

QStringList problems(const Scenario &scenario, const PwctlResult &result)
{
    QStringList found;
    const QString err = QString::fromUtf8(result.err);
    const QStringList lines = err.split(QLatin1Char('\n'));
    if (result.exitCode != scenario.exitCode)
        found.append(QStringLiteral("exit code %1, expected %2")
                         .arg(result.exitCode)
                         .arg(scenario.exitCode));
    for (const QString &line : scenario.lines) {
        if (!lines.contains(line))
            found.append(QStringLiteral("no line '%1'").arg(line));
    }
    for (const QString &text : scenario.contains) {
        if (!err.contains(text))
            found.append(QStringLiteral("no text '%1'").arg(text));
    }
    for (const QString &text : scenario.absent) {
        if (err.contains(text))
            found.append(QStringLiteral("unexpected text '%1'").arg(text));
    }
    qsizetype from = 0;
    for (const QString &line : scenario.order) {
        const qsizetype at = lines.indexOf(line, from);
        if (at < 0) {
            found.append(QStringLiteral("line '%1' missing or out of order").arg(line));
            break;
        }
        from = at + 1;
    }
    if (scenario.extra) {
        const QString problem = scenario.extra(result.json());
        if (!problem.isEmpty())
            found.append(problem);
    }
    return found;
}

} // namespace

class tst_Conformance : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }
    void cleanupTestCase();

    void gitlabCiLocal_data();
    void gitlabCiLocal();

private:
    int m_passed = 0;
    int m_failed = 0;
    int m_skipped = 0;
};

void tst_Conformance::gitlabCiLocal_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QString>("skipReason");
    const QString dir = conformanceDir();
    if (dir.isEmpty()) {
        QTest::newRow("the shared conformance corpus") << -1 << QStringLiteral("no shared folder");
        return;
    }

    const QList<Scenario> all = scenarios();
    QStringList covered;
    for (int i = 0; i < all.size(); ++i) {
        covered.append(all[i].folder);
        const QByteArray row = (all[i].folder + QStringLiteral(": ") + all[i].name).toUtf8();
        QTest::newRow(row.constData()) << i << QString();
    }
    // Every case folder is a row, so that a new case is seen even before it has scenarios.
    for (const QString &folder : QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (covered.contains(folder))
            continue;
        const QString reason =
            folder.startsWith(QLatin1Char('_'))
                ? QStringLiteral("not a pipeline: a table for unit tests")
                : unmechanical().value(folder, QStringLiteral("no scenario yet"));
        const QByteArray row = (folder + QStringLiteral(": skipped")).toUtf8();
        QTest::newRow(row.constData()) << -1 << reason;
    }
}

void tst_Conformance::gitlabCiLocal()
{
    QFETCH(int, index);
    QFETCH(QString, skipReason);
    if (conformanceDir().isEmpty()) {
        ++m_skipped;
        QSKIP("the shared folder with the gitlab-ci-local fixtures is not beside the source");
    }
    if (index < 0) {
        ++m_skipped;
        QSKIP(qPrintable(skipReason));
    }

    const Scenario scenario = scenarios().at(index);
    QTemporaryDir work;
    QVERIFY(work.isValid());
    const QString project = work.filePath(QStringLiteral("project"));
    QVERIFY(copyFolder(conformanceDir() + scenario.folder, project));
    QVERIFY2(gitInit(project), "git init of the case copy failed");
    if (!scenario.changedFiles.isEmpty())
        QVERIFY2(commitChanges(project, scenario.changedFiles), "the second commit failed");

    const QStringList arguments =
        QStringList{
            "run",    scenario.file.isEmpty() ? QStringLiteral(".gitlab-ci.yml") : scenario.file,
            "--db",   work.filePath("history.sqlite"),
            "--logs", "--json"}
        + scenario.arguments;
    // Workspaces, artifacts and caches go to the data folder: one per scenario keeps them
    // from leaking between cases and out of the user's own.
    qputenv("XDG_DATA_HOME", work.filePath(QStringLiteral("data")).toLocal8Bit());
    const PwctlResult result = runPwctl(arguments, project, 120000);
    const QStringList found = problems(scenario, result);

    if (!scenario.knownFailure.isEmpty()) {
        // A known failure that passes must leave the list, so that the list stays honest.
        ++m_failed;
        QVERIFY2(!found.isEmpty(), "this known failure passes now: remove it from the list");
        QSKIP(qPrintable(QStringLiteral("known failure: ") + scenario.knownFailure));
    }
    if (!found.isEmpty()) {
        ++m_failed;
        QFAIL(qPrintable(found.join(QStringLiteral("; ")) + QStringLiteral("\nstderr:\n")
                         + QString::fromUtf8(result.err.right(3000))));
    }
    ++m_passed;
}

void tst_Conformance::cleanupTestCase()
{
    qInfo("conformance: %d passed, %d failed, %d skipped", m_passed, m_failed, m_skipped);
}

QTEST_GUILESS_MAIN(tst_Conformance)
#include "tst_conformance.moc"
