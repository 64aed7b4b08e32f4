#include "core/gitlab/gitlabloader.h"
#include "core/gitlab/variables.h"
#include "core/plan/planner.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

QString needsText(const QList<JobNeed> &needs)
{
    QStringList parts;
    for (const JobNeed &need : needs) {
        QString part = need.job;
        if (!need.artifacts)
            part += QStringLiteral(" no-artifacts");
        if (need.optional)
            part += QStringLiteral(" optional");
        for (auto it = need.matrix.cbegin(); it != need.matrix.cend(); ++it)
            part += QStringLiteral(" %1=%2").arg(it.key(), it.value());
        parts.append(part);
    }
    return parts.join(QStringLiteral(", "));
}

QString variablesText(const Variables &variables)
{
    QStringList parts;
    for (const Variable &variable : variables)
        parts.append(variable.name + QLatin1Char('=') + variable.value
                     + (variable.expand ? QString() : QStringLiteral(" raw")));
    return parts.join(QStringLiteral(", "));
}

QString rulesText(const QList<Rule> &rules)
{
    QStringList parts;
    for (const Rule &rule : rules) {
        QStringList rulePart;
        if (rule.condition)
            rulePart.append(QStringLiteral("if ") + rule.condition->text);
        if (!rule.changes.isEmpty())
            rulePart.append(QStringLiteral("changes ") + rule.changes.join(QLatin1Char(' ')));
        if (!rule.exists.isEmpty())
            rulePart.append(QStringLiteral("exists ") + rule.exists.join(QLatin1Char(' ')));
        if (rule.when)
            rulePart.append(QStringLiteral("when ") + keyword(*rule.when));
        if (rule.allowFailure)
            rulePart.append(*rule.allowFailure ? "allow" : "no-allow");
        if (!rule.variables.isEmpty())
            rulePart.append(variablesText(rule.variables));
        if (rule.needs)
            rulePart.append(QStringLiteral("needs ") + needsText(*rule.needs));
        parts.append(rulePart.join(QStringLiteral("; ")));
    }
    return parts.join(QStringLiteral(" | "));
}

// One field of one job, as text, for compact expectations.
QString field(const Pipeline &pipeline, const QString &jobName, const QString &name)
{
    if (name == QLatin1String("stages")) {
        QStringList stages;
        for (const Stage &stage : pipeline.stages) {
            QStringList jobs;
            for (const Job &job : stage.jobs)
                jobs.append(job.name);
            stages.append(stage.name + QStringLiteral(": ") + jobs.join(QStringLiteral(", ")));
        }
        return stages.join(QStringLiteral(" | "));
    }
    if (name == QLatin1String("variables"))
        return variablesText(pipeline.variables);
    if (name == QLatin1String("workflow"))
        return rulesText(pipeline.workflowRules);

    const Job *job = pipeline.findJob(jobName);
    if (!job)
        return QStringLiteral("no job ") + jobName;
    if (name == QLatin1String("commands"))
        return job->commands.join(QStringLiteral(" | "));
    if (name == QLatin1String("before"))
        return job->beforeCommands.join(QStringLiteral(" | "));
    if (name == QLatin1String("after"))
        return job->afterCommands.join(QStringLiteral(" | "));
    if (name == QLatin1String("needs"))
        return (job->needsGiven ? QString() : QStringLiteral("(stage order) "))
               + needsText(job->needs);
    if (name == QLatin1String("when"))
        return keyword(job->when) + (job->allowFailure ? QStringLiteral(" allow") : QString());
    if (name == QLatin1String("exit_codes")) {
        QStringList codes;
        for (int code : job->allowFailureExitCodes)
            codes.append(QString::number(code));
        return codes.join(QLatin1Char(','));
    }
    if (name == QLatin1String("env"))
        return variablesText(job->env);
    if (name == QLatin1String("rules"))
        return rulesText(job->rules);
    if (name == QLatin1String("dependencies"))
        return job->artifactsFrom ? job->artifactsFrom->join(QLatin1Char(','))
                                  : QStringLiteral("unset");
    if (name == QLatin1String("cache")) {
        QStringList caches;
        for (const CacheSpec &cache : job->caches)
            caches.append(QStringLiteral("%1 files[%2] paths[%3] policy%4 %5")
                              .arg(cache.key, cache.files.join(QLatin1Char(',')),
                                   cache.paths.join(QLatin1Char(',')))
                              .arg(int(cache.policy))
                              .arg(keyword(cache.when)));
        return caches.join(QStringLiteral(" | "));
    }
    if (name == QLatin1String("artifacts")) {
        if (!job->artifacts)
            return QStringLiteral("none");
        const ArtifactSpec &a = *job->artifacts;
        return QStringLiteral("paths[%1] exclude[%2] %3 dotenv[%4] expire %5")
            .arg(a.paths.join(QLatin1Char(',')), a.exclude.join(QLatin1Char(',')), keyword(a.when),
                 a.dotenvReports.join(QLatin1Char(',')))
            .arg(a.expireIn ? QString::number(a.expireIn->count() / 1000) : QStringLiteral("-"));
    }
    if (name == QLatin1String("misc")) {
        return QStringLiteral("timeout %1 retry %2 interruptible %3 resource %4 shell-session %5")
            .arg(job->timeout ? QString::number(job->timeout->count() / 1000) : QStringLiteral("-"))
            .arg(job->retry)
            .arg(job->interruptible ? "yes" : "no", job->resource.isEmpty() ? "-" : job->resource,
                 job->singleSession ? "yes" : "no");
    }
    return QStringLiteral("unknown field ") + name;
}

QString diagnosticsText(const Diagnostics &diagnostics)
{
    QStringList lines;
    for (const Diagnostic &diagnostic : diagnostics)
        lines.append(diagnostic.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class tst_GitLabLoader : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void constructs_data();
    void constructs();
    void includeLocal();
    void problems_data();
    void problems();
    void expansion_data();
    void expansion();
    void instanceNames_data();
    void instanceNames();
    void ruleDecisions_data();
    void ruleDecisions();
    void recognisesFilesByName_data();
    void recognisesFilesByName();
};

void tst_GitLabLoader::constructs_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("expected");

    QTest::newRow("default stages hold .pre first and .post last, empty ones dropped")
        << QByteArray("a: {stage: .post, script: x}\nb: {script: x}\nc: {stage: .pre, script: x}\n")
        << ""
        << "stages"
        << ".pre: c | test: b | .post: a";
    QTest::newRow("declared stages keep their order") << QByteArray(
        "stages: [one, two]\nb: {stage: two, script: x}\na: {stage: one, script: x}\n")
                                                      << ""
                                                      << "stages"
                                                      << "one: a | two: b";
    QTest::newRow("scripts as strings and nested lists are flattened")
        << QByteArray("j:\n  script: [a, [b, [c]], d]\n") << "j"
        << "commands"
        << "a | b | c | d";
    QTest::newRow("before_script and after_script come from default")
        << QByteArray("default: {before_script: [b], after_script: [a]}\nj: {script: s}\n") << "j"
        << "before"
        << "b";
    QTest::newRow("a job's own after_script replaces the default")
        << QByteArray("default: {after_script: [d]}\nj: {script: s, after_script: [own]}\n") << "j"
        << "after"
        << "own";
    QTest::newRow("inherit default false keeps default away")
        << QByteArray("default: {before_script: [b]}\nj: {script: s, inherit: {default: false}}\n")
        << "j"
        << "before"
        << "";
    QTest::newRow("extends merges parents in order, the job's own keys last")
        << QByteArray(".a: {script: [a], variables: {X: '1', Y: '1'}}\n"
                      ".b: {extends: .a, variables: {Y: '2'}}\n"
                      "j: {extends: [.b], variables: {Z: '3'}}\n")
        << "j"
        << "env"
        << "X=1, Y=2, Z=3";
    QTest::newRow("extends replaces arrays whole")
        << QByteArray(".a: {script: [a, b]}\nj: {extends: .a, script: [c]}\n") << "j"
        << "commands"
        << "c";
    QTest::newRow("anchors and merge keys") << QByteArray(
        ".t: &t {script: [from-anchor], stage: build}\nj:\n  <<: *t\n  stage: deploy\n")
                                            << ""
                                            << "stages"
                                            << "deploy: j";
    QTest::newRow("!reference copies another job's key") << QByteArray(
        ".setup: {script: [one, two]}\nj:\n  script: [!reference [.setup, script], three]\n")
                                                         << "j"
                                                         << "commands"
                                                         << "one | two | three";
    QTest::newRow("!reference inside needs is flattened")
        << QByteArray("a: {script: x}\nb: {script: x}\n.h: {needs: [b]}\n"
                      "j: {script: x, needs: [a, !reference [.h, needs]]}\n")
        << "j"
        << "needs"
        << "a, b";
    QTest::newRow("needs with artifacts false, optional and a matrix filter")
        << QByteArray("a: {script: x, parallel: {matrix: [{P: [x, y]}]}}\n"
                      "j: {script: x, needs: [{job: a, artifacts: false, parallel: {matrix: "
                      "[{P: x}]}}, {job: gone, optional: true}]}\n")
        << "j"
        << "needs"
        << "a no-artifacts P=x";
    QTest::newRow("needs: [] ignores stage order")
        << QByteArray("j: {script: x, needs: []}\n") << "j"
        << "needs"
        << "";
    QTest::newRow("dependencies name the artifact sources")
        << QByteArray("a: {stage: build, script: x}\nj: {script: x, dependencies: [a]}\n") << "j"
        << "dependencies"
        << "a";
    QTest::newRow("a manual job may fail unless it says otherwise")
        << QByteArray("j: {script: x, when: manual}\n") << "j"
        << "when"
        << "manual allow";
    QTest::newRow("allow_failure exit_codes")
        << QByteArray("j: {script: x, allow_failure: {exit_codes: [1, 3]}}\n") << "j"
        << "exit_codes"
        << "1,3";
    QTest::newRow("rules keep if, changes, exists, when, variables, allow_failure and needs")
        << QByteArray(
               "a: {script: x}\nj:\n  script: x\n  rules:\n"
               "    - if: $CI_COMMIT_BRANCH == \"main\"\n      when: manual\n"
               "      allow_failure: false\n      variables: {V: '1'}\n"
               "    - changes: [src/*]\n      exists: {paths: [Makefile]}\n      needs: [a]\n")
        << "j"
        << "rules"
        << "if $CI_COMMIT_BRANCH == \"main\"; when manual; no-allow; V=1 | changes src/*; "
           "exists Makefile; needs a";
    QTest::newRow("workflow rules")
        << QByteArray("workflow: {rules: [{if: $CI_COMMIT_TAG, when: never}, {when: always}]}\n"
                      "j: {script: x}\n")
        << ""
        << "workflow"
        << "if $CI_COMMIT_TAG; when never | when always";
    QTest::newRow("variables with value, expand and description")
        << QByteArray("variables:\n  A: 1\n  B: {value: $A, expand: false, description: d}\n"
                      "  C: {description: only}\nj: {script: x}\n")
        << ""
        << "variables"
        << "A=1, B=$A raw, C=";
    QTest::newRow("one cache with a files key, another with a key text")
        << QByteArray("j:\n  script: x\n  cache:\n    - {key: {files: [a.lock], prefix: p}, "
                      "paths: [d], policy: pull}\n    - {key: k, paths: [e], when: always}\n")
        << "j"
        << "cache"
        << "p files[a.lock] paths[d] policy1 on_success | k files[] paths[e] "
           "policy0 always";
    QTest::newRow("a cache key from files alone has no prefix")
        << QByteArray("j: {script: x, cache: {key: {files: [$LOCK]}, paths: [d]}}\n") << "j"
        << "cache"
        << " files[$LOCK] paths[d] policy0 on_success";
    QTest::newRow("a cache without a key uses the default key")
        << QByteArray("j: {script: x, cache: {paths: [c]}}\n") << "j"
        << "cache"
        << "default files[] paths[c] policy0 on_success";
    QTest::newRow("artifacts with exclude, when, expire_in and a dotenv report")
        << QByteArray("j:\n  script: x\n  artifacts:\n    paths: [out/]\n    exclude: [out/*.tmp]\n"
                      "    when: always\n    expire_in: 1 hour\n    reports: {dotenv: b.env}\n")
        << "j"
        << "artifacts"
        << "paths[out/] exclude[out/*.tmp] always dotenv[b.env] expire 3600";
    QTest::newRow("timeout, retry, interruptible and resource_group")
        << QByteArray("j: {script: x, timeout: 1h 30m, retry: {max: 2}, interruptible: true, "
                      "resource_group: prod}\n")
        << "j"
        << "misc"
        << "timeout 5400 retry 2 interruptible yes resource prod shell-session yes";
}

void tst_GitLabLoader::constructs()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, job);
    QFETCH(QString, field);
    QFETCH(QString, expected);

    const LoadResult result = loadGitLabText(yaml, ".gitlab-ci.yml", QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
    QCOMPARE(::field(*result.pipeline, job, field), expected);
}

void tst_GitLabLoader::includeLocal()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QDir().mkpath(dir.filePath("ci"));
    QFile part(dir.filePath("ci/build.yml"));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(
        "include: [{local: ci/more.yml}]\n.base: {script: [included]}\nbuild: {script: x}\n");
    part.close();
    QFile more(dir.filePath("ci/more.yml"));
    QVERIFY(more.open(QIODevice::WriteOnly));
    more.write("extra: {script: [nested include]}\n");
    more.close();

    const QByteArray main = "include:\n  - local: /ci/build.yml\n  - remote: https://x/y.yml\n"
                            "build: {script: [main wins]}\nj: {extends: .base}\n";
    const LoadResult result = loadGitLabText(main, ".gitlab-ci.yml", dir.path());
    QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
    QCOMPARE(field(*result.pipeline, "build", "commands"), "main wins");
    QCOMPARE(field(*result.pipeline, "j", "commands"), "included");
    QCOMPARE(field(*result.pipeline, "extra", "commands"), "nested include");
    QCOMPARE(diagnosticsText(result.diagnostics),
             ".gitlab-ci.yml:3:5: warning: include of kind 'remote' is not supported: Pipewright "
             "includes local files only; it is left out");
}

void tst_GitLabLoader::problems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("an unknown job key is a warning with a suggestion")
        << QByteArray("j:\n  script: x\n  neds: [a]\n")
        << ".gitlab-ci.yml:3:3: warning: unknown key 'neds' in job 'j' is ignored; did you "
           "mean 'needs'?";
    QTest::newRow("image is ignored with a warning")
        << QByteArray("j:\n  image: alpine\n  script: x\n")
        << ".gitlab-ci.yml:2:3: warning: 'image' of job 'j' is ignored: Pipewright runs jobs "
           "on this machine";
    QTest::newRow("a stage that is not declared")
        << QByteArray("stages: [build]\nj:\n  stage: buld\n  script: x\n")
        << ".gitlab-ci.yml:3:10: error: job 'j' is in stage 'buld', which is not in 'stages'; "
           "did you mean 'build'?";
    QTest::newRow("a job without script") << QByteArray("j:\n  stage: test\n")
                                          << ".gitlab-ci.yml:1:1: error: job 'j' has no 'script'";
    QTest::newRow("extends of a template that is not there")
        << QByteArray("j:\n  extends: .bse\n  script: x\n.base: {}\n")
        << ".gitlab-ci.yml:2:12: error: 'j' extends '.bse', which is not defined; did you mean "
           "'.base'?";
    QTest::newRow("extends in a cycle")
        << QByteArray(".a: {extends: .b}\n.b: {extends: .a}\nj: {extends: .a, script: x}\n")
        << ".gitlab-ci.yml:2:15: error: '.b' extends '.a', which extends it in turn: extends "
           "may not form a cycle";
    QTest::newRow("a !reference to nothing")
        << QByteArray("j:\n  script: !reference [.none, script]\n")
        << ".gitlab-ci.yml:2:11: error: !reference [.none, script]: '.none' is not defined\n"
           ".gitlab-ci.yml:2:11: error: 'script' must be a text or a list of texts, got nothing";
    QTest::newRow("an invalid rules if points into the expression")
        << QByteArray("j:\n  script: x\n  rules:\n    - if: $A == \n")
        << ".gitlab-ci.yml:4:16: error: invalid 'if' condition: ";
    QTest::newRow("a need of a later stage")
        << QByteArray(
               "a: {stage: deploy, script: x}\nb:\n  stage: build\n  needs: [a]\n  script: x\n")
        << ".gitlab-ci.yml:4:11: error: job 'b' in stage 'build' cannot need 'a' of the later "
           "stage 'deploy'";
    QTest::newRow("a need's matrix filter selecting too many combinations")
        << QByteArray("b: {script: x}\nj:\n  script: x\n  needs:\n    - job: b\n"
                      "      parallel: {matrix: [{A: ["
                      + QByteArray("1, ").repeated(40) + "1], B: [" + QByteArray("2, ").repeated(40)
                      + "2]}]}\n")
        << ".gitlab-ci.yml:6:17: error: the matrix of a need selects more than 1000 "
           "combinations";
    QTest::newRow("a bad when")
        << QByteArray("j: {script: x, when: sometimes}\n")
        << ".gitlab-ci.yml:1:22: error: 'when' must be one of on_success, on_failure, always, "
           "manual, never, delayed, got 'sometimes'";
    QTest::newRow("a file without visible jobs")
        << QByteArray(".t: {script: x}\n")
        << ".gitlab-ci.yml: error: the file has no jobs to run (jobs whose names start with '.' "
           "are templates)";
    QTest::newRow("invalid YAML") << QByteArray("j: [a\n")
                                  << ".gitlab-ci.yml:2:1: error: invalid YAML: ";
}

void tst_GitLabLoader::problems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);

    const LoadResult result = loadGitLabText(yaml, ".gitlab-ci.yml", QDir::tempPath());
    const QString text = diagnosticsText(result.diagnostics);
    QVERIFY2(text.startsWith(expected), qPrintable(text));
}

void tst_GitLabLoader::expansion_data()
{
    QTest::addColumn<QString>("declared");
    QTest::addColumn<QString>("expected");

    QTest::newRow("$NAME and ${NAME} expand") << "A=1;B=$A-${A}"
                                              << "A=1, B=1-1";
    QTest::newRow("$$ is one literal $") << "A=1;B=$$A"
                                         << "A=1, B=$A";
    QTest::newRow("an unknown name stays as written") << "B=$NOPE/${NOPE}"
                                                      << "B=$NOPE/${NOPE}";
    QTest::newRow("expand false keeps the value as written") << "A=1;B=!$A;C=$B"
                                                             << "A=1, B=$A raw, C=$A";
    QTest::newRow("a later declaration wins") << "A=1;A=2;B=$A"
                                              << "A=2, B=2";
    QTest::newRow("nested names expand from the inside") << "ENV=DEV;URL_DEV=u;U=${URL_${ENV}}"
                                                         << "ENV=DEV, URL_DEV=u, U=u";
    QTest::newRow("a loop ends as written") << "A=$B;B=$A"
                                            << "A=$B, B=$B";
}

void tst_GitLabLoader::expansion()
{
    QFETCH(QString, declared);
    QFETCH(QString, expected);

    Variables variables;
    for (const QString &item : declared.split(QLatin1Char(';'))) {
        const qsizetype equals = item.indexOf(QLatin1Char('='));
        QString value = item.mid(equals + 1);
        const bool raw = value.startsWith(QLatin1Char('!'));
        setVariable(variables, item.left(equals), raw ? value.mid(1) : value, !raw);
    }
    QCOMPARE(variablesText(gitlab::expandVariables(variables)), expected);
}

void tst_GitLabLoader::instanceNames_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("expected");

    QTest::newRow("parallel: N gives job i/N with CI_NODE_INDEX")
        << QByteArray("j: {script: x, parallel: 2}\n") << "j 1/2 (1/2), j 2/2 (2/2)";
    QTest::newRow("parallel matrix gives job: [a, b] numbered across entries")
        << QByteArray("j: {script: x, parallel: {matrix: [{A: [a1, a2], B: b}, {A: c}]}}\n")
        << "j: [a1, b] (1/3), j: [a2, b] (2/3), j: [c] (3/3)";
}

void tst_GitLabLoader::instanceNames()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, expected);

    const LoadResult result = loadGitLabText(yaml, ".gitlab-ci.yml", QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
    const Result<Plan> plan = makePlan(result.pipeline, RunContext{});
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    QStringList names;
    for (const PlannedJob &job : plan->jobs) {
        names.append(QStringLiteral("%1 (%2/%3)")
                         .arg(job.name, variableValue(job.variables, "CI_NODE_INDEX"),
                              variableValue(job.variables, "CI_NODE_TOTAL")));
    }
    QCOMPARE(names.join(QStringLiteral(", ")), expected);
}

void tst_GitLabLoader::ruleDecisions_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("expected");

    const QByteArray rules = "j:\n  script: x\n  variables: {V: job}\n  rules:\n"
                             "    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n"
                             "      variables: {V: rule}\n"
                             "    - if: $CI_COMMIT_BRANCH =~ /^feature/\n      when: manual\n";
    QTest::newRow("the first matching rule adds its variables") << rules << "main"
                                                                << "on_success V=rule";
    QTest::newRow("a rule that makes a job manual leaves it out")
        << rules << "feature/x"
        << "manual skipped: manual job, not started V=job";
    QTest::newRow("no rule matching keeps the job out") << rules << "dev"
                                                        << "never skipped: no rule matched V=job";
    QTest::newRow("global variables expand with predefined ones") << QByteArray(
        "variables: {REF: ref-$CI_COMMIT_REF_SLUG}\nj: {script: x, variables: {V: $REF}}\n")
                                                                  << "Feature/X"
                                                                  << "on_success V=ref-feature-x";
}

void tst_GitLabLoader::ruleDecisions()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, branch);
    QFETCH(QString, expected);

    const LoadResult result = loadGitLabText(yaml, ".gitlab-ci.yml", QDir::tempPath());
    QVERIFY2(result.ok(), qPrintable(diagnosticsText(result.diagnostics)));
    RunContext context;
    context.branch = branch;
    const Result<Plan> plan = makePlan(result.pipeline, context);
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.error().message));
    const PlannedJob &job = plan->jobs.first();
    const QString skipped = job.skipped ? QStringLiteral(" skipped: ") + job.skipReason : QString();
    QCOMPARE(keyword(job.when) + skipped + " V=" + variableValue(job.variables, "V"), expected);
}

void tst_GitLabLoader::recognisesFilesByName_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("gitlab");

    QTest::newRow(".gitlab-ci.yml") << "/a/.gitlab-ci.yml" << true;
    QTest::newRow("NAME.gitlab-ci.yml") << "deploy.gitlab-ci.yml" << true;
    QTest::newRow("a .gitlab-ci-NAME.yml variant") << ".gitlab-ci-2.yml" << true;
    QTest::newRow("a native pipeline file") << "pipewright.yml" << false;
    QTest::newRow("a file merely mentioning gitlab") << "gitlab.yml" << false;
}

void tst_GitLabLoader::recognisesFilesByName()
{
    QFETCH(QString, path);
    QFETCH(bool, gitlab);
    QCOMPARE(isGitLabFile(path), gitlab);
}

QTEST_GUILESS_MAIN(tst_GitLabLoader)
#include "tst_gitlabloader.moc"
