// Reading native pipeline files: the model a good file yields, field by field, and the
// diagnostics a bad one yields, with their positions.

#include "core/expr/expression.h"
#include "core/loader/pipelineloader.h"
#include "loadertestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;

namespace {

QString dataFile(const char *name)
{
    return test::sourceDir() + QStringLiteral("/tests/loader/data/") + QLatin1String(name);
}

// A pipeline of one stage "s" with one job "a" running "x"; `extra` adds lines to the
// job, each indented to the job's keys, starting on line 7 (keys in column 9).
QByteArray oneJob(const QByteArray &extra = QByteArray())
{
    QByteArray yaml = "name: p\n"
                      "stages:\n"
                      "  - name: s\n"
                      "    jobs:\n"
                      "      - name: a\n"
                      "        commands: [x]\n";
    QList<QByteArray> lines = extra.split('\n');
    if (lines.last().isEmpty())
        lines.removeLast();
    for (const QByteArray &line : std::as_const(lines))
        yaml += "        " + line + '\n';
    return yaml;
}

// Two stages: "build" with jobs a and b, "test" with job c; `extraA` and `extraC` add lines
// to jobs a (from line 7) and c (after the lines of a), indented to the job's keys.
QByteArray twoStages(const QByteArray &extraA, const QByteArray &extraC = QByteArray())
{
    QByteArray yaml = "name: p\n"
                      "stages:\n"
                      "  - name: build\n"
                      "    jobs:\n"
                      "      - name: a\n"
                      "        commands: [x]\n";
    for (const QByteArray &line : extraA.split('\n')) {
        if (!line.isEmpty())
            yaml += "        " + line + '\n';
    }
    yaml += "      - name: b\n"
            "        commands: [x]\n"
            "  - name: test\n"
            "    jobs:\n"
            "      - name: c\n"
            "        commands: [x]\n";
    for (const QByteArray &line : extraC.split('\n')) {
        if (!line.isEmpty())
            yaml += "        " + line + '\n';
    }
    return yaml;
}

} // namespace

class TestLoader : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void loadsTheExampleFieldByField();
    void readsBlockStyleWithAnchorsAndMergeKeys();
    void setsPathsAndFormat();
    void readsValues_data();
    void readsValues();
    void reportsProblems_data();
    void reportsProblems();
    void reportsSeveralErrorsAtOnceInFileOrder();
    void reportsConditionErrorsWhereTheParserStopped_data();
    void reportsConditionErrorsWhereTheParserStopped();
};

void TestLoader::loadsTheExampleFieldByField()
{
    const LoadResult result = loadPipelineFile(dataFile("webapp.yml"));
    QVERIFY2(result.ok(), qPrintable(test::describeDiagnostics(result.diagnostics).join('\n')));
    QVERIFY(result.diagnostics.isEmpty());
    const Pipeline &pipeline = *result.pipeline;

    QCOMPARE(pipeline.name, QStringLiteral("webapp"));
    QCOMPARE(pipeline.format, Pipeline::Format::Native);
    QVERIFY(pipeline.on.given);
    QCOMPARE(pipeline.on.branches, QStringList({"main", "release/*"}));
    QCOMPARE(pipeline.on.events, QStringList({"push", "merge_request"}));
    QCOMPARE(pipeline.variables.size(), 1);
    QCOMPARE(pipeline.variables[0].name, QStringLiteral("NODE_ENV"));
    QCOMPARE(pipeline.variables[0].value, QStringLiteral("production"));
    QCOMPARE(pipeline.stages.size(), 3);

    const Stage &verify = pipeline.stages[0];
    QCOMPARE(verify.name, QStringLiteral("verify"));
    QCOMPARE(verify.location.line, 6);
    QCOMPARE(verify.location.column, 5);
    QVERIFY(!verify.condition);
    QVERIFY(!verify.gate);
    QCOMPARE(verify.jobs.size(), 2);

    const Job &lint = verify.jobs[0];
    QCOMPARE(lint.name, QStringLiteral("lint"));
    QCOMPARE(lint.location.file, dataFile("webapp.yml"));
    QCOMPARE(lint.location.line, 8);
    QCOMPARE(lint.location.column, 9);
    QCOMPARE(lint.commands, QStringList({"npm ci", "npm run lint"}));
    QCOMPARE(lint.shell, QStringLiteral("sh"));
    QCOMPARE(lint.timeout, std::optional<Milliseconds>(std::chrono::minutes(30)));
    QCOMPARE(lint.retry, 0);
    QCOMPARE(lint.isolated, false);
    QCOMPARE(lint.allowFailure, false);
    QCOMPARE(lint.when, When::OnSuccess);
    QVERIFY(!lint.condition);
    QVERIFY(!lint.needsGiven);
    QVERIFY(lint.needs.isEmpty());
    QVERIFY(lint.env.isEmpty());
    QVERIFY(lint.matrix.isEmpty());
    QVERIFY(lint.caches.isEmpty());
    QVERIFY(!lint.artifacts);
    QVERIFY(lint.secrets.isEmpty());
    QVERIFY(lint.resource.isEmpty());

    const Job &unit = verify.jobs[1];
    QCOMPARE(unit.commands, QStringList({"npm test"}));
    QCOMPARE(unit.timeout, std::optional<Milliseconds>(std::chrono::minutes(10)));
    QCOMPARE(unit.retry, 1);
    QCOMPARE(unit.env.size(), 1);
    QCOMPARE(unit.env[0].name, QStringLiteral("CI"));
    QCOMPARE(unit.env[0].value, QStringLiteral("true"));

    const Stage &integration = pipeline.stages[1];
    QVERIFY(integration.condition);
    QCOMPARE(integration.condition->text, QStringLiteral("branch == \"main\""));
    QCOMPARE(integration.condition->location.line, 16);
    QCOMPARE(integration.condition->location.column, 9);
    QVERIFY(integration.condition->expression);
    const Job &e2e = integration.jobs[0];
    QVERIFY(e2e.needsGiven);
    QCOMPARE(e2e.needs.size(), 1);
    QCOMPARE(e2e.needs[0].job, QStringLiteral("unit"));
    QCOMPARE(e2e.needs[0].artifacts, true);
    QCOMPARE(e2e.needs[0].location.line, 19);
    QCOMPARE(e2e.needs[0].location.column, 17);
    QCOMPARE(e2e.allowFailure, true);
    QCOMPARE(e2e.matrix.size(), 1);
    QCOMPARE(e2e.matrix[0].size(), 2);
    QCOMPARE(e2e.matrix[0][0].name, QStringLiteral("browser"));
    QCOMPARE(e2e.matrix[0][0].values, QStringList({"chrome", "firefox"}));
    QCOMPARE(e2e.matrix[0][1].name, QStringLiteral("os"));
    QCOMPARE(e2e.matrix[0][1].values, QStringList({"linux", "mac"}));

    const Stage &deploy = pipeline.stages[2];
    QVERIFY(deploy.gate);
    QCOMPARE(deploy.gate->approvers, QStringList({"anna", "lead"}));
    QCOMPARE(deploy.gate->required, 1);
    QCOMPARE(deploy.gate->timeout, std::optional<Milliseconds>(std::chrono::hours(4)));
    QCOMPARE(deploy.gate->onTimeout, GateSpec::OnTimeout::Reject);
    QCOMPARE(deploy.gate->allowSelfApproval, false);
    QCOMPARE(deploy.gate->location.line, 24);
    QCOMPARE(deploy.resource, QStringLiteral("staging"));

    const Job &ship = deploy.jobs[0];
    QCOMPARE(ship.commands, QStringList({"./deploy.sh"}));
    QCOMPARE(ship.secrets, QStringList({"DEPLOY_TOKEN"}));
    QCOMPARE(ship.needs.size(), 2);
    QCOMPARE(ship.needs[0].job, QStringLiteral("e2e"));
    QCOMPARE(ship.needs[0].matrix, (QMap<QString, QString>{{"browser", "chrome"}}));
    QCOMPARE(ship.needs[0].artifacts, true);
    QCOMPARE(ship.needs[1].job, QStringLiteral("lint"));
    QCOMPARE(ship.needs[1].artifacts, false);
    QVERIFY(ship.needs[1].matrix.isEmpty());
    QCOMPARE(ship.caches.size(), 1);
    const CacheSpec &cache = ship.caches[0];
    QCOMPARE(cache.key, QStringLiteral("deps"));
    QVERIFY(cache.keyGiven);
    QCOMPARE(cache.files, QStringList({"package-lock.json"}));
    QCOMPARE(cache.paths, QStringList({"node_modules"}));
    QCOMPARE(cache.policy, CacheSpec::Policy::PullPush);
    QCOMPARE(cache.fallbackKeys, QStringList({"deps-main"}));
    QCOMPARE(cache.skipOnHit, false);
    QCOMPARE(cache.when, When::OnSuccess);
    QCOMPARE(cache.location.line, 31);
    QVERIFY(ship.artifacts);
    QCOMPARE(ship.artifacts->paths, QStringList({"dist/", "reports/**/*.xml"}));
    QCOMPARE(ship.artifacts->exclude, QStringList({"**/*.tmp"}));
    QCOMPARE(ship.artifacts->expireIn, std::optional<Milliseconds>(std::chrono::hours(7 * 24)));
    QCOMPARE(ship.artifacts->when, When::OnSuccess);
    QCOMPARE(ship.resource, QStringLiteral("staging"));
    QCOMPARE(ship.isolated, true);
    QCOMPARE(ship.shell, QStringLiteral("bash"));
    QCOMPARE(ship.timeout, std::optional<Milliseconds>(std::chrono::minutes(30)));

    const Job &notify = deploy.jobs[1];
    QCOMPARE(notify.when, When::Always);
    QCOMPARE(notify.commands, QStringList({"./notify.sh"}));
}

void TestLoader::readsBlockStyleWithAnchorsAndMergeKeys()
{
    const LoadResult result = loadPipelineFile(dataFile("block-style.yml"));
    QVERIFY2(result.ok(), qPrintable(test::describeDiagnostics(result.diagnostics).join('\n')));

    const QStringList expected = {
        "name: block style",
        "on: branches=main events=push|tag",
        "variables: GREETING=hello world, COUNT=3, EMPTY=",
        "stage build jobs: compile|compile-debug",
        "job compile commands: cmake -S . -B build | cmake --build build",
        "job compile shell: bash",
        "job compile timeout: 1h30m",
        "job compile caches: 2",
        "job compile cache: key=ccache files= paths=.ccache policy=pull fallback_keys= "
        "skip_on_hit=false when=on_success",
        "job compile cache: key=(derived) files=CMakeLists.txt paths=build/_deps policy=push "
        "fallback_keys= skip_on_hit=false when=always",
        "job compile if: none",
        // The merge key copies every key of the anchored job that the job does not set.
        "job compile-debug commands: cmake -S . -B build | cmake --build build",
        "job compile-debug caches: 2",
        "job compile-debug if: branch == \"main\"\n",
        "job compile-debug retry: 2",
        "job compile retry: 0",
        "stage check if: branch:main",
        "job test needs: [compile]",
        "job test commands: ctest --test-dir build",
        "job test artifacts: paths=build/Testing exclude= expire_in=never when=on_failure",
        "job test env: CTEST_OUTPUT_ON_FAILURE=1",
        "job test allow_failure: true",
        "job test isolated: true",
    };
    const QStringList actual = test::describePipeline(*result.pipeline);
    for (const QString &line : expected)
        QVERIFY2(actual.contains(line), qPrintable(line + "\nnot in:\n" + actual.join('\n')));
}

void TestLoader::setsPathsAndFormat()
{
    const LoadResult fromText = loadPipelineText(oneJob(), QStringLiteral("ci/pipewright.yml"),
                                                 QStringLiteral("/work/project"));
    QVERIFY(fromText.ok());
    QCOMPARE(fromText.pipeline->filePath, QStringLiteral("/work/project/ci/pipewright.yml"));
    QCOMPARE(fromText.pipeline->directory, QStringLiteral("/work/project"));
    QCOMPARE(fromText.pipeline->format, Pipeline::Format::Native);
    QCOMPARE(fromText.pipeline->stages[0].jobs[0].location.file,
             QStringLiteral("ci/pipewright.yml"));

    const LoadResult fromFile = loadPipelineFile(dataFile("webapp.yml"));
    QVERIFY(fromFile.ok());
    QCOMPARE(fromFile.pipeline->filePath, dataFile("webapp.yml"));
    QCOMPARE(fromFile.pipeline->directory,
             test::sourceDir() + QStringLiteral("/tests/loader/data"));
}

void TestLoader::readsValues_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("a single command may be written as one text")
        << oneJob("shell: bash\nenv: {A: 1}").replace("commands: [x]", "commands: make all")
        << QStringList{"job a commands: make all", "job a shell: bash", "job a env: A=1"};
    QTest::newRow("jobs without their own values take timeout, retry, isolation and shell "
                  "from the defaults")
        << QByteArray("defaults: {timeout: 5m, retry: 2, isolated: true, shell: zsh}\n" + oneJob())
        << QStringList{"job a timeout: 5m", "job a retry: 2", "job a isolated: true",
                       "job a shell: zsh"};
    QTest::newRow("a job's own values override the defaults")
        << QByteArray("defaults: {timeout: 5m, retry: 2, isolated: true, shell: zsh}\n"
                      + oneJob("timeout: 90s\nretry: 0\nisolated: false\nshell: sh"))
        << QStringList{"job a timeout: 1m30s", "job a retry: 0", "job a isolated: false",
                       "job a shell: sh"};
    QTest::newRow("defaults written after the stages still apply")
        << QByteArray(oneJob() + "defaults:\n  timeout: 2h\n") << QStringList{"job a timeout: 2h"};
    QTest::newRow("without defaults a job has no timeout, no retries and runs in sh")
        << oneJob() << QStringList{"job a timeout: none",    "job a retry: 0",
                                   "job a shell: sh",        "job a isolated: false",
                                   "job a when: on_success", "job a allow_failure: false",
                                   "job a needs: not given", "on: not given",
                                   "variables: none",        "job a artifacts: none",
                                   "job a caches: 0"};
    QTest::newRow("a bare number of seconds is a duration")
        << oneJob("timeout: 3600") << QStringList{"job a timeout: 1h"};
    QTest::newRow("numbers and booleans in a matrix are read as texts")
        << oneJob("matrix: {N: [1, 2.5], FLAG: [true, no], ONE: solo}")
        << QStringList{"job a matrix: N=1|2.5; FLAG=true|no; ONE=solo"};
    QTest::newRow("a single text stands for a list in needs, secrets, branches and events")
        << QByteArray("on: {branches: main, events: tag}\n"
                      + twoStages("", "needs: a\nsecrets: TOKEN"))
        << QStringList{"on: branches=main events=tag", "job c needs: [a]", "job c secrets: TOKEN"};
    QTest::newRow("an empty needs list is given and needs nothing")
        << twoStages("", "needs: []") << QStringList{"job c needs: []", "job a needs: not given"};
    QTest::newRow("a job may need jobs of its own and of earlier stages")
        << twoStages("needs: [b]", "needs: [a, {job: b, artifacts: false}]")
        << QStringList{"job a needs: [b]", "job c needs: [a, b without artifacts]"};
    QTest::newRow("a cache may be a list of maps, each with its own policy")
        << oneJob("cache:\n  - {key: one, paths: [a], policy: pull}\n"
                  "  - {paths: b, policy: push, skip_on_hit: true, when: always}")
        << QStringList{"job a caches: 2",
                       "job a cache: key=one files= paths=a policy=pull fallback_keys= "
                       "skip_on_hit=false when=on_success",
                       "job a cache: key=(derived) files= paths=b policy=push fallback_keys= "
                       "skip_on_hit=true when=always"};
    QTest::newRow("artifacts default to being kept after success, without expiry")
        << oneJob("artifacts: {paths: [out/, ./logs/../logs]}")
        << QStringList{"job a artifacts: paths=out/|./logs/../logs exclude= expire_in=never "
                       "when=on_success"};
    QTest::newRow("booleans may be written yes, no, on and off in any case")
        << oneJob("allow_failure: Yes\nisolated: ON")
        << QStringList{"job a allow_failure: true", "job a isolated: true"};
    QTest::newRow("when may be always or on_failure")
        << twoStages("when: on_failure", "when: always")
        << QStringList{"job a when: on_failure", "job c when: always"};
    QTest::newRow("variables keep numbers as written and a missing value as empty")
        << QByteArray("variables: {A: 1.50, B: , C: \"x y\", D: true}\n" + oneJob())
        << QStringList{"variables: A=1.50, B=, C=x y, D=true"};
    QTest::newRow("variables and env given no map are empty")
        << QByteArray("variables:\n  # NODE_ENV: production\n" + oneJob("env:"))
        << QStringList{"variables: none", "job a env: none"};
    QTest::newRow("env holds only the job's own variables")
        << QByteArray("variables: {A: 1}\n" + oneJob("env: {B: 2}"))
        << QStringList{"variables: A=1", "job a env: B=2"};
    QTest::newRow("conditions may use the short forms")
        << oneJob("if: branch:main") << QStringList{"job a if: branch:main"};
    QTest::newRow("a gate needs only approvers; it then requires one approval and rejects on "
                  "timeout")
        << oneJob().replace("    jobs:", "    gate: {approvers: anna}\n    jobs:")
        << QStringList{"stage s gate: approvers=anna required=1 timeout=none on_timeout=reject "
                       "allow_self_approval=false"};
    QTest::newRow("a gate may approve on timeout and let the author approve")
        << oneJob().replace("    jobs:", "    gate: {approvers: [a, b], required: 2, timeout: 1d, "
                                         "on_timeout: approve, allow_self_approval: true}\n"
                                         "    jobs:")
        << QStringList{"stage s gate: approvers=a|b required=2 timeout=1d on_timeout=approve "
                       "allow_self_approval=true"};
    QTest::newRow("a UTF-8 byte order mark and Windows line ends are accepted")
        << QByteArray("\xEF\xBB\xBF" + oneJob("retry: 3")).replace("\n", "\r\n")
        << QStringList{"name: p", "job a retry: 3", "job a commands: x"};
    QTest::newRow("names may hold any characters but tabs and line breaks")
        << QByteArray(oneJob()).replace("name: a", "name: \"build (ünï) [1/2]\"")
        << QStringList{"job build (ünï) [1/2] commands: x"};
    QTest::newRow("document markers around the one document are allowed")
        << QByteArray("%YAML 1.2\n---\n" + oneJob() + "...\n# the end\n")
        << QStringList{"name: p", "job a commands: x"};
    QTest::newRow("top-level keys starting with a dot hold what anchors share")
        << QByteArray(
               ".shared: &shared {retry: 2, shell: bash}\n"
               + oneJob().replace("      - name: a\n", "      - <<: *shared\n        name: a\n"))
        << QStringList{"job a retry: 2", "job a shell: bash"};
    QTest::newRow("an expression may be quoted")
        << oneJob("if: 'branch == \"main\" || tag != \"\"'")
        << QStringList{"job a if: branch == \"main\" || tag != \"\""};
}

void TestLoader::readsValues()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const LoadResult result = test::loadYaml(yaml);
    QVERIFY2(result.ok(), qPrintable(test::describeDiagnostics(result.diagnostics).join('\n')));
    QVERIFY2(result.diagnostics.isEmpty(),
             qPrintable(test::describeDiagnostics(result.diagnostics).join('\n')));

    const QStringList actual = test::describePipeline(*result.pipeline);
    for (const QString &line : expected)
        QVERIFY2(actual.contains(line), qPrintable(line + "\nnot in:\n" + actual.join('\n')));
}

void TestLoader::reportsProblems_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    // Keys
    QTest::newRow("an unknown top-level key suggests the closest allowed key")
        << QByteArray("name: p\nstagse: []\n")
        << QStringList{"1:1: missing key 'stages' in the top level",
                       "2:1: unknown key 'stagse' in the top level; did you mean 'stages'?"};
    QTest::newRow("an unknown key like no allowed one lists the allowed keys")
        << QByteArray("colour: red\n" + oneJob())
        << QStringList{"1:1: unknown key 'colour' in the top level; expected one of: name, on, "
                       "variables, defaults, stages"};
    QTest::newRow("an unknown job key suggests the closest job key")
        << oneJob("neds: [b]")
        << QStringList{"7:9: unknown key 'neds' in job 'a'; did you mean 'needs'?"};
    QTest::newRow("an unknown stage key suggests the closest stage key")
        << oneJob().replace("    jobs:", "    gates: {}\n    jobs:")
        << QStringList{"4:5: unknown key 'gates' in stage 's'; did you mean 'gate'?"};
    QTest::newRow("an unknown gate key is reported with the missing approvers")
        << oneJob().replace("    jobs:", "    gate: {aprovers: [anna]}\n    jobs:")
        << QStringList{"4:11: missing key 'approvers' in the gate of stage 's'",
                       "4:12: unknown key 'aprovers' in the gate of stage 's'; did you mean "
                       "'approvers'?"};
    QTest::newRow("an approver that is not a login name is refused")
        << oneJob().replace("    jobs:", "    gate: {approvers: [anna, 'release team']}\n    jobs:")
        << QStringList{"4:30: approver 'release team' is not a login name: no spaces, commas or "
                       "control characters"};
    QTest::newRow("an unknown cache key suggests the closest cache key")
        << oneJob("cache: {paths: [a], polcy: pull}")
        << QStringList{"7:29: unknown key 'polcy' in the cache of job 'a'; did you mean "
                       "'policy'?"};
    QTest::newRow("an unknown artifacts key suggests the closest artifacts key")
        << oneJob("artifacts: {paths: [a], exclud: [b]}")
        << QStringList{"7:33: unknown key 'exclud' in the artifacts of job 'a'; did you mean "
                       "'exclude'?"};
    QTest::newRow("an unknown key in a need suggests the closest need key")
        << twoStages("", "needs: [{job: a, artifact: false}]")
        << QStringList{"13:26: unknown key 'artifact' in a need of job 'c'; did you mean "
                       "'artifacts'?"};
    QTest::newRow("an unknown defaults key suggests the closest defaults key")
        << QByteArray("defaults: {timout: 2m}\n" + oneJob())
        << QStringList{"1:12: unknown key 'timout' in 'defaults'; did you mean 'timeout'?"};
    QTest::newRow("an unknown key of 'on' suggests the closest")
        << QByteArray("on: {branch: main}\n" + oneJob())
        << QStringList{"1:6: unknown key 'branch' in 'on'; did you mean 'branches'?"};
    QTest::newRow("a key given twice points at the second and names the first's line")
        << oneJob("retry: 1\nretry: 2")
        << QStringList{"8:9: the key 'retry' is given twice; the first is on line 7"};
    QTest::newRow("a top-level key given twice is reported too")
        << QByteArray(oneJob() + "name: q\n")
        << QStringList{"7:1: the key 'name' is given twice; the first is on line 1"};
    QTest::newRow("a key that is not a name is reported")
        << QByteArray(oneJob() + "[a]: b\n") << QStringList{"7:1: keys must be names, got a list"};
    QTest::newRow("a merge key must merge maps")
        << QByteArray(oneJob("<<: text")) << QStringList{"7:13: '<<' merges maps, got 'text'"};

    // Missing and empty parts
    QTest::newRow("a file without a name is reported at its start")
        << QByteArray(oneJob()).replace("name: p\n", "")
        << QStringList{"1:1: missing key 'name' in the top level"};
    QTest::newRow("a job without a name is reported at the job")
        << QByteArray(oneJob()).replace("      - name: a\n        commands", "      - commands")
        << QStringList{"5:9: missing key 'name' in this job"};
    QTest::newRow("a job without commands is reported at the job")
        << QByteArray(oneJob()).replace("        commands: [x]\n", "        retry: 1\n")
        << QStringList{"5:9: missing key 'commands' in job 'a'"};
    QTest::newRow("a stage without jobs is reported at the stage")
        << QByteArray("name: p\nstages:\n  - name: s\n")
        << QStringList{"3:5: missing key 'jobs' in stage 's'"};
    QTest::newRow("an empty list of stages is reported")
        << QByteArray("name: p\nstages: []\n")
        << QStringList{"2:9: 'stages' must list at least one stage"};
    QTest::newRow("an empty list of jobs is reported")
        << QByteArray("name: p\nstages:\n  - {name: s, jobs: []}\n")
        << QStringList{"3:21: stage 's' must have at least one job"};
    QTest::newRow("an empty list of commands is reported")
        << QByteArray(oneJob()).replace("commands: [x]", "commands: []")
        << QStringList{"6:19: 'commands' must list at least one command"};
    QTest::newRow("a name of two lines is reported")
        << QByteArray(oneJob()).replace("name: a", "name: \"a\\nb\"")
        << QStringList{"5:15: 'name' must be one line without tabs or control characters"};
    QTest::newRow("an empty name is reported")
        << QByteArray(oneJob()).replace("name: a", "name: \"\"")
        << QStringList{"5:15: 'name' must not be empty"};

    // Types
    QTest::newRow("retry given as a word is not a whole number")
        << oneJob("retry: lots")
        << QStringList{"7:16: 'retry' must be a whole number from 0 to 10, got 'lots'"};
    QTest::newRow("retry above ten is out of range")
        << oneJob("retry: 11")
        << QStringList{"7:16: 'retry' must be a whole number from 0 to 10, got '11'"};
    QTest::newRow("retry below zero is out of range")
        << oneJob("retry: -1")
        << QStringList{"7:16: 'retry' must be a whole number from 0 to 10, got '-1'"};
    QTest::newRow("a malformed duration gives the duration parser's message")
        << oneJob("timeout: soon")
        << QStringList{"7:18: invalid 'timeout': expected a duration such as \"90s\""};
    QTest::newRow("a duration with an unknown unit names the unit")
        << oneJob("timeout: 10 parsecs")
        << QStringList{"7:18: invalid 'timeout': unknown time unit \"parsecs\""};
    QTest::newRow("a timeout of zero is refused")
        << oneJob("timeout: 0s") << QStringList{"7:18: 'timeout' must be longer than zero"};
    QTest::newRow("a boolean must be true or false")
        << oneJob("allow_failure: maybe")
        << QStringList{"7:24: 'allow_failure' must be true or false, got 'maybe'"};
    QTest::newRow("an invalid when lists the allowed values")
        << oneJob("when: sometimes")
        << QStringList{"7:15: 'when' must be one of on_success, on_failure, always, got "
                       "'sometimes'"};
    QTest::newRow("a misspelt when suggests the closest value")
        << oneJob("when: alway")
        << QStringList{"7:15: 'when' must be one of on_success, on_failure, always, got "
                       "'alway'; did you mean 'always'?"};
    QTest::newRow("commands given as a map are reported")
        << QByteArray(oneJob()).replace("commands: [x]", "commands: {a: b}")
        << QStringList{"6:19: 'commands' must be a list of texts, got a map"};
    QTest::newRow("a command that is a map is reported at the item")
        << QByteArray(oneJob()).replace("commands: [x]", "commands: [x, {a: b}]")
        << QStringList{"6:23: the items of 'commands' must be texts, got a map"};
    QTest::newRow("stages given as a map are reported")
        << QByteArray("name: p\nstages: {a: b}\n")
        << QStringList{"2:9: 'stages' must be a list of stages, got a map"};
    QTest::newRow("a stage given as a name is reported")
        << QByteArray("name: p\nstages: [build]\n")
        << QStringList{"2:10: each stage must be a map with 'name' and 'jobs', got 'build'"};
    QTest::newRow("jobs given as a map are reported")
        << QByteArray("name: p\nstages:\n  - name: s\n    jobs: {a: b}\n")
        << QStringList{"4:11: 'jobs' must be a list of jobs, got a map"};
    QTest::newRow("a name given as a list is reported")
        << QByteArray(oneJob()).replace("name: p", "name: [p]")
        << QStringList{"1:7: 'name' must be a text, got a list"};
    QTest::newRow("a missing value is reported at its key")
        << QByteArray(oneJob("shell:")) << QStringList{"7:9: 'shell' must be a text, got nothing"};
    QTest::newRow("'on' given as a list is reported")
        << QByteArray("on: [push]\n" + oneJob())
        << QStringList{"1:5: 'on' must be a map with 'branches' and 'events', got a list"};
    QTest::newRow("'defaults' given as a text is reported")
        << QByteArray("defaults: fast\n" + oneJob())
        << QStringList{"1:11: 'defaults' must be a map, got 'fast'"};
    QTest::newRow("a condition that is not a text is reported")
        << oneJob("if: {branch: main}") << QStringList{"7:13: 'if' must be a text, got a map"};
    QTest::newRow("an unknown event suggests the closest event")
        << QByteArray("on: {events: [push, merge-request]}\n" + oneJob())
        << QStringList{"1:21: unknown event 'merge-request'; did you mean 'merge_request'?"};
    QTest::newRow("an unknown event unlike any lists the events")
        << QByteArray("on: {events: nightly}\n" + oneJob())
        << QStringList{"1:14: unknown event 'nightly'; expected one of: push, merge_request, "
                       "tag, schedule, manual"};

    // Names of variables and secrets
    QTest::newRow("secrets must be environment variable names")
        << oneJob("secrets: [GOOD, 1TOKEN, MY-TOKEN]")
        << QStringList{"7:25: secret '1TOKEN' is not a valid environment variable name",
                       "7:33: secret 'MY-TOKEN' is not a valid environment variable name"};
    QTest::newRow("variable names must be environment variable names")
        << QByteArray("variables: {\"A B\": 1}\n" + oneJob())
        << QStringList{"1:13: 'A B' is not a valid variable name; use letters, digits and '_'"};
    QTest::newRow("a variable's value must be a text")
        << oneJob("env: {A: [1, 2]}") << QStringList{"7:18: 'A' must be a text, got a list"};

    // Names and needs across the pipeline
    QTest::newRow("a duplicate job name points at the second and names the first's line")
        << QByteArray(twoStages("")).replace("name: c", "name: a")
        << QStringList{"11:9: duplicate job name 'a'; the first job 'a' is on line 5"};
    QTest::newRow("a duplicate stage name points at the second and names the first's line")
        << QByteArray(twoStages("")).replace("name: test", "name: build")
        << QStringList{"9:5: duplicate stage name 'build'; the first stage 'build' is on line 3"};
    QTest::newRow("a need of an unknown job suggests the closest job")
        << twoStages("", "needs: [b, aa]")
        << QStringList{"13:20: job 'c' needs 'aa', which is not a job of this pipeline; did "
                       "you mean 'a'?"};
    QTest::newRow("a need of a job of a later stage is refused")
        << twoStages("needs: [c]")
        << QStringList{"7:17: job 'a' in stage 'build' cannot need 'c' of the later stage "
                       "'test'"};
    QTest::newRow("a job cannot need itself")
        << twoStages("needs: a") << QStringList{"7:16: job 'a' cannot need itself"};
    QTest::newRow("a need that is a list is reported")
        << twoStages("", "needs: [[a]]")
        << QStringList{"13:17: the items of 'needs' must be job names or maps with 'job', got "
                       "a list"};
    QTest::newRow("a need map without a job is reported")
        << twoStages("", "needs: [{artifacts: false}]")
        << QStringList{"13:17: missing key 'job' in a need of job 'c'"};
    QTest::newRow("needs that form a cycle name its jobs in order from the first written")
        << QByteArray("name: p\nstages:\n  - name: s\n    jobs:\n"
                      "      - {name: a, needs: [b], commands: [x]}\n"
                      "      - {name: b, needs: [c], commands: [x]}\n"
                      "      - {name: c, needs: [a], commands: [x]}\n")
        << QStringList{"5:9: needs form a cycle: a -> b -> c -> a"};
    QTest::newRow("a cycle found from a later job still starts at the first written")
        << QByteArray("name: p\nstages:\n  - name: s\n    jobs:\n"
                      "      - {name: x, commands: [x]}\n"
                      "      - {name: y, needs: [z], commands: [x]}\n"
                      "      - {name: z, needs: [y, x], commands: [x]}\n")
        << QStringList{"6:9: needs form a cycle: y -> z -> y"};
    QTest::newRow("the same need twice is a warning")
        << twoStages("", "needs: [a, b, a]")
        << QStringList{"13:23: warning: job 'c' needs 'a' twice"};

    // Matrices
    QTest::newRow("an empty matrix is refused")
        << oneJob("matrix: {}") << QStringList{"7:17: the matrix of job 'a' is empty"};
    QTest::newRow("a matrix dimension without values is refused")
        << oneJob("matrix: {OS: []}") << QStringList{"7:22: matrix dimension 'OS' has no values"};
    QTest::newRow("a matrix of more than 256 instances is refused")
        << oneJob("matrix: {A: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17],"
                  " B: [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16]}")
        << QStringList{"7:17: the matrix of job 'a' expands to 272 instances; at most 256 are "
                       "allowed"};
    QTest::newRow("a matrix dimension must be an environment variable name")
        << oneJob("matrix: {os-name: [linux]}")
        << QStringList{"7:18: 'os-name' is not a valid matrix dimension name"};
    QTest::newRow("a matrix given as a list is refused")
        << oneJob("matrix: [a, b]")
        << QStringList{"7:17: 'matrix' must be a map of names to lists of values, got a list"};
    QTest::newRow("a matrix value listed twice is a warning")
        << oneJob("matrix: {OS: [linux, mac, linux]}")
        << QStringList{"7:35: warning: 'linux' is listed twice in matrix dimension 'OS'"};
    QTest::newRow("a need may not select a matrix dimension the job lacks")
        << twoStages("matrix: {browser: [chrome, firefox]}",
                     "needs: [{job: a, matrix: {brwser: chrome}}]")
        << QStringList{"14:17: job 'a' has no matrix dimension 'brwser'; did you mean "
                       "'browser'?"};
    QTest::newRow("a need may not select a matrix value the job lacks")
        << twoStages("matrix: {browser: [chrome, firefox]}",
                     "needs: [{job: a, matrix: {browser: safari}}]")
        << QStringList{"14:17: matrix dimension 'browser' of job 'a' has no value 'safari'; its "
                       "values are chrome, firefox"};
    QTest::newRow("a need may not select matrix values of a job without a matrix")
        << twoStages("", "needs: [{job: a, matrix: {browser: chrome}}]")
        << QStringList{"13:17: job 'c' selects matrix values of 'a', which has no matrix"};

    // Caches, artifacts, gates
    QTest::newRow("an invalid cache policy lists the policies")
        << oneJob("cache: {paths: [a], policy: sometimes}")
        << QStringList{"7:37: 'policy' must be one of pull-push, pull, push, got 'sometimes'"};
    QTest::newRow("a cache without paths is refused")
        << oneJob("cache: {key: deps}")
        << QStringList{"7:16: missing key 'paths' in the cache of job 'a'"};
    QTest::newRow("a cache of a list without paths is named by its number")
        << oneJob("cache: [{paths: [a]}, {key: deps}]")
        << QStringList{"7:31: missing key 'paths' in cache 2 of job 'a'"};
    QTest::newRow("a cache key may not hold a slash")
        << oneJob("cache: {key: a/b, paths: [a]}")
        << QStringList{"7:22: cache key 'a/b' must not contain '/' or '\\'"};
    QTest::newRow("artifact paths must stay inside the pipeline's folder")
        << oneJob("artifacts: {paths: [/etc/passwd, ../secrets, ok/../../x]}")
        << QStringList{"7:29: path '/etc/passwd' in 'paths' is absolute",
                       "7:42: path '../secrets' in 'paths' leaves the pipeline's folder",
                       "7:54: path 'ok/../../x' in 'paths' leaves the pipeline's folder"};
    QTest::newRow("artifacts without paths are refused")
        << oneJob("artifacts: {when: always}")
        << QStringList{"7:20: missing key 'paths' in the artifacts of job 'a'"};
    QTest::newRow("a gate may not require more approvals than it has approvers")
        << oneJob().replace("    jobs:", "    gate: {approvers: [anna, lead], required: 3}\n"
                                         "    jobs:")
        << QStringList{"4:47: the gate of stage 's' requires 3 approvals but lists only 2 "
                       "approvers"};
    QTest::newRow("a gate without approvers is refused")
        << oneJob().replace("    jobs:", "    gate: {required: 1}\n    jobs:")
        << QStringList{"4:11: missing key 'approvers' in the gate of stage 's'"};
    QTest::newRow("a gate with an empty list of approvers is refused")
        << oneJob().replace("    jobs:", "    gate: {approvers: []}\n    jobs:")
        << QStringList{"4:23: 'approvers' must name at least one person"};
    QTest::newRow("an approver listed twice is a warning")
        << oneJob().replace("    jobs:", "    gate: {approvers: [anna, anna]}\n    jobs:")
        << QStringList{"4:30: warning: approver 'anna' is listed twice"};
    QTest::newRow("an invalid on_timeout lists the choices")
        << oneJob().replace("    jobs:", "    gate: {approvers: a, on_timeout: wait}\n    jobs:")
        << QStringList{"4:38: 'on_timeout' must be one of reject, approve, got 'wait'"};
    QTest::newRow("a secret listed twice is a warning")
        << oneJob("secrets: [A, A]") << QStringList{"7:22: warning: secret 'A' is listed twice"};

    // The file as a whole
    QTest::newRow("an empty file is reported")
        << QByteArray() << QStringList{"0:0: the file is empty"};
    QTest::newRow("a file of comments only is empty")
        << QByteArray("# nothing yet\n\n") << QStringList{"0:0: the file is empty"};
    QTest::newRow("a top level that is a list is refused")
        << QByteArray("- name: p\n")
        << QStringList{"1:1: the top level of a pipeline file must be a map with keys such as "
                       "'name' and 'stages', got a list"};
    QTest::newRow("a top level that is a text is refused")
        << QByteArray("hello\n")
        << QStringList{"1:1: the top level of a pipeline file must be a map with keys such as "
                       "'name' and 'stages', got 'hello'"};
    QTest::newRow("a second YAML document is refused")
        << QByteArray(oneJob() + "---\nname: q\n")
        << QStringList{"8:1: the file holds more than one YAML document"};
    QTest::newRow("invalid YAML gives the parser's message and position")
        << QByteArray("name: p\nstages: [a, b\n")
        << QStringList{"3:1: invalid YAML: end of sequence flow not found"};
    QTest::newRow("a tab in the indentation is invalid YAML")
        << QByteArray("name: p\nstages:\n\t- name: s\n")
        << QStringList{"3:2: invalid YAML: illegal block entry; YAML does not allow tabs in "
                       "indentation"};
    QTest::newRow("a NUL byte marks binary data") << QByteArray("name: p\nst\0ages: []\n", 20)
                                                  << QStringList{"2:3: the file holds binary data"};
    QTest::newRow("a control character is refused")
        << QByteArray("name: p\x01\n")
        << QStringList{"1:8: the file holds the control character 0x01"};
    QTest::newRow("bytes that are not UTF-8 are refused at the first of them")
        << QByteArray("name: caf\xe9\n")
        << QStringList{"1:10: the file is not UTF-8 text (byte 0xe9 is not valid here)"};
    QTest::newRow("columns count characters, not bytes")
        << QByteArray("name: \"ünï\"\nstagse: []\nstages: [{name: ä, jobs: ö}]\n")
        << QStringList{"2:1: unknown key 'stagse'",
                       QStringLiteral("3:26: 'jobs' must be a list of jobs, got '%1'").arg("ö")};
    QTest::newRow("content after a document end marker is a second document")
        << QByteArray(oneJob() + "...\nname: q\n")
        << QStringList{"8:1: the file holds more than one YAML document"};
    QTest::newRow("a stray comma at the start is invalid YAML")
        << QByteArray("# ok\n  , name: p\n") << QStringList{"2:3: invalid YAML: unexpected ','"};
    QTest::newRow("a document of nothing but null is not a map")
        << QByteArray("--- ~\n")
        << QStringList{"1:5: the top level of a pipeline file must be a map with keys such as "
                       "'name' and 'stages', got nothing"};
}

void TestLoader::reportsProblems()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);

    const LoadResult result = test::loadYaml(yaml);
    QString explanation;
    QVERIFY2(test::diagnosticsMatch(result.diagnostics, expected, &explanation),
             qPrintable(explanation));
    QCOMPARE(result.ok(), !hasErrors(result.diagnostics));
    for (const Diagnostic &diagnostic : result.diagnostics)
        QCOMPARE(diagnostic.location.file, QStringLiteral("pipeline.yml"));
}

void TestLoader::reportsSeveralErrorsAtOnceInFileOrder()
{
    const LoadResult result = loadPipelineFile(dataFile("several-errors.yml"));
    QVERIFY(!result.ok());

    const QStringList expected = {
        "2:21: invalid 'timeout': expected a duration such as",
        "8:16: 'retry' must be a whole number from 0 to 10, got 'lots'",
        "9:9: unknown key 'neds' in job 'compile'; did you mean 'needs'?",
        "10:9: duplicate job name 'compile'; the first job 'compile' is on line 6",
        "12:15: 'when' must be one of on_success, on_failure, always, got 'sometimes'",
        "16:26: job 'unit' needs 'integraton', which is not a job of this pipeline",
        "18:19: secret 'DEPLOY-TOKEN' is not a valid environment variable name",
    };
    QString explanation;
    QVERIFY2(test::diagnosticsMatch(result.diagnostics, expected, &explanation),
             qPrintable(explanation));
    QCOMPARE(result.diagnostics[0].toString(), dataFile("several-errors.yml")
                                                   + QStringLiteral(":2:21: error: ")
                                                   + result.diagnostics[0].message);
}

void TestLoader::reportsConditionErrorsWhereTheParserStopped_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QString>("condition");
    // Where the condition's first character is in the file; the lines of a block text
    // all start in that column. The error's place follows from the parser's offset.
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    // Where the error is when the offset alone cannot tell: folded lines are joined.
    QTest::addColumn<QString>("place");

    QTest::newRow("a plain condition of a job")
        << oneJob("if: branch == \"main\" &&") << "branch == \"main\" &&" << 7 << 13 << QString();
    QTest::newRow("a plain condition with an unknown word")
        << oneJob("if: branch == main || frobnicate") << "branch == main || frobnicate" << 7 << 13
        << QString();
    QTest::newRow("a double-quoted condition")
        << oneJob("if: \"tag == 'v1' || (branch == 'main'\"") << "tag == 'v1' || (branch == 'main'"
        << 7 << 14 << QString();
    QTest::newRow("a single-quoted condition of a stage")
        << QByteArray(oneJob()).replace("    jobs:", "    if: 'event === \"push\"'\n    jobs:")
        << "event === \"push\"" << 4 << 10 << QString();
    QTest::newRow("a literal block condition stopping on its second line")
        << oneJob("if: |\n  branch == \"main\" &&\n  && tag == \"v1\"")
        << "branch == \"main\" &&\n&& tag == \"v1\"\n"
        << 8 << 11 << QString();
    QTest::newRow("a stripped block condition stopping at its end")
        << oneJob("if: |-\n  branch == \"main\" &&\n\n  (tag == \"v1\"")
        << "branch == \"main\" &&\n\n(tag == \"v1\"" << 8 << 11 << QString();
    QTest::newRow("a folded block condition stopping at the end of its second line")
        << oneJob("if: >-\n  branch == \"main\"\n  && tag ==")
        << "branch == \"main\" && tag ==" << 8 << 11 << "9:20";
}

void TestLoader::reportsConditionErrorsWhereTheParserStopped()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QString, condition);
    QFETCH(int, line);
    QFETCH(int, column);
    QFETCH(QString, place);

    const auto parsed = expr::parseCondition(condition);
    QVERIFY2(!parsed.ok(), "the row's condition must be invalid");
    const int textColumn = column;
    for (int i = 0; i < parsed.error().offset; ++i) {
        if (condition[i] == QLatin1Char('\n')) {
            ++line;
            column = textColumn;
        } else {
            ++column;
        }
    }

    const LoadResult result = test::loadYaml(yaml);
    if (place.isEmpty())
        place = QStringLiteral("%1:%2").arg(line).arg(column);
    const QString expected =
        place + QStringLiteral(": invalid 'if' condition: ") + parsed.error().message;
    QString explanation;
    QVERIFY2(test::diagnosticsMatch(result.diagnostics, {expected}, &explanation),
             qPrintable(explanation));
}

QTEST_GUILESS_MAIN(TestLoader)

#include "tst_loader.moc"
