#include "core/plan/planner.h"
#include "plansketch.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

using namespace pw;
using namespace pw::test;

namespace {

// A matrix from "browser=chrome,firefox os=linux + os=mac": groups separated by " + ".
Matrix matrixOf(const QString &text)
{
    Matrix matrix;
    for (const QString &groupText : text.split(QStringLiteral(" + "))) {
        MatrixGroup group;
        for (const QString &dimension : groupText.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            group.append({dimension.section(QLatin1Char('='), 0, 0),
                          dimension.section(QLatin1Char('='), 1).split(QLatin1Char(','))});
        }
        matrix.append(group);
    }
    return matrix;
}

// "a=10 b=5" as durations by name.
QHash<QString, qint64> durationsOf(const QString &text)
{
    QHash<QString, qint64> durations;
    for (const QString &entry : text.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        durations.insert(entry.section(QLatin1Char('='), 0, 0),
                         entry.section(QLatin1Char('='), 1).toLongLong());
    return durations;
}

// A condition through the real parser, for the few tests that check the two work together.
Condition parsedCondition(const QString &text)
{
    const auto parsed = expr::parseCondition(text);
    if (!parsed)
        qFatal("cannot parse %s: %s", qPrintable(text), qPrintable(parsed.error().message));
    return condition(parsed.value(), text);
}

Job &jobNamed(Pipeline &pipeline, const QString &name)
{
    for (Stage &stage : pipeline.stages) {
        for (Job &job : stage.jobs) {
            if (job.name == name)
                return job;
        }
    }
    qFatal("no job %s in the sketch", qPrintable(name));
}

Plan planOf(const std::shared_ptr<Pipeline> &pipeline, const RunContext &context = {},
            const PlanOptions &options = {})
{
    Result<Plan> plan = makePlan(pipeline, context, options);
    if (!plan)
        qFatal("planning failed: %s", qPrintable(plan.error().message));
    return std::move(plan).value();
}

QString errorOf(const std::shared_ptr<Pipeline> &pipeline, const RunContext &context = {})
{
    const Result<Plan> plan = makePlan(pipeline, context);
    return plan ? QStringLiteral("(no error)") : plan.error().message;
}

} // namespace

class tst_Planner : public QObject
{
    Q_OBJECT

private slots:
    void init() { failOnWarnings(); }

    void waits_data();
    void waits();
    void dependentsAreTheReverseEdges();
    void optionalNeedOfMissingJobIsDropped();

    void matrixInstances_data();
    void matrixInstances();
    void matrixValuesAreVariables();
    void needWithMatrixFilter_data();
    void needWithMatrixFilter();
    void parallelCopies();

    void variablePrecedence_data();
    void variablePrecedence();
    void runValuesAreSetLast();

    void conditions_data();
    void conditions();
    void conditionContexts();
    void jobConditionPerMatrixInstance();

    void parsedConditions_data();
    void parsedConditions();
    void skips_data();
    void skips();
    void whenAndAllowFailureComeFromTheFile();

    void triggers_data();
    void triggers();
    void invalidBranchPattern();

    void priorities_data();
    void priorities();
    void priorityFallsBackToTheJobName();

    void largePipeline();

    void inconsistentPipelines_data();
    void inconsistentPipelines();
    void badMatrices_data();
    void badMatrices();
    void noPipeline();

    void describe();
    void findJob();
};

void tst_Planner::waits_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("waits");

    QTest::newRow("a job without needs waits for the earlier stages")
        << "build: compile; docs | test: unit"
        << "compile: stages | docs: stages | unit: stages";
    QTest::newRow("a job with needs waits only for them")
        << "build: compile; docs | test: unit < compile"
        << "compile: stages | docs: stages | unit: compile";
    QTest::newRow("an empty list of needs starts at once") << "build: compile | test: lint <"
                                                           << "compile: stages | lint: -";
    QTest::newRow("a job may need one of its own stage") << "build: compile; package < compile"
                                                         << "compile: stages | package: compile";
    QTest::newRow("needs may reach back over stages")
        << "a: one | b: two | c: three < one, two"
        << "one: stages | two: stages | three: one, two";
    QTest::newRow("a need named twice is one edge")
        << "build: compile | test: unit < compile, compile"
        << "compile: stages | unit: compile";
}

void tst_Planner::waits()
{
    QFETCH(QString, sketch);
    QFETCH(QString, waits);

    const Plan plan = planOf(sketchPipeline(sketch));

    QCOMPARE(waitsOf(plan), waits);
}

void tst_Planner::dependentsAreTheReverseEdges()
{
    auto pipeline = sketchPipeline("build: compile; docs | test: unit < compile; it < compile");
    jobNamed(*pipeline, "it").needs[0].artifacts = false;

    const Plan plan = planOf(pipeline);

    const PlannedJob &compile = plan.jobs[plan.findJob("compile")];
    QCOMPARE(compile.dependents, (QList<int>{plan.findJob("unit"), plan.findJob("it")}));
    QVERIFY(plan.jobs[plan.findJob("docs")].dependents.isEmpty());
    QVERIFY(plan.jobs[plan.findJob("unit")].needs[0].artifacts);
    QVERIFY(!plan.jobs[plan.findJob("it")].needs[0].artifacts);
    QCOMPARE(plan.stages[1].jobs, (QList<int>{2, 3}));
    QCOMPARE(plan.jobs[3].stage, 1);
    QCOMPARE(plan.jobs[3].spec, &pipeline->stages[1].jobs[1]);
}

void tst_Planner::optionalNeedOfMissingJobIsDropped()
{
    auto pipeline = sketchPipeline("build: compile | test: unit < compile, coverage");
    jobNamed(*pipeline, "unit").needs[1].optional = true;

    const Plan plan = planOf(pipeline);

    QCOMPARE(waitsOf(plan), "compile: stages | unit: compile");
}

void tst_Planner::matrixInstances_data()
{
    QTest::addColumn<QString>("matrix");
    QTest::addColumn<QString>("names");

    QTest::newRow("one dimension gives one instance per value") << "browser=chrome,firefox"
                                                                << "e2e: [chrome] | e2e: [firefox]";
    QTest::newRow("the first dimension varies slowest")
        << "browser=chrome,firefox os=linux,mac"
        << "e2e: [chrome, linux] | e2e: [chrome, mac] | e2e: [firefox, linux] | "
           "e2e: [firefox, mac]";
    QTest::newRow("groups add their products one after the other")
        << "browser=chrome os=linux,mac + browser=safari os=mac"
        << "e2e: [chrome, linux] | e2e: [chrome, mac] | e2e: [safari, mac]";
    QTest::newRow("three dimensions multiply")
        << "a=1,2 b=x,y c=p,q"
        << "e2e: [1, x, p] | e2e: [1, x, q] | e2e: [1, y, p] | e2e: [1, y, q] | "
           "e2e: [2, x, p] | e2e: [2, x, q] | e2e: [2, y, p] | e2e: [2, y, q]";
}

void tst_Planner::matrixInstances()
{
    QFETCH(QString, matrix);
    QFETCH(QString, names);
    auto pipeline = sketchPipeline("test: e2e");
    jobNamed(*pipeline, "e2e").matrix = matrixOf(matrix);

    const Plan plan = planOf(pipeline);

    QCOMPARE(namesOf(plan), names);
    QCOMPARE(plan.stages[0].jobs.size(), names.count(" | ") + 1);
    for (const PlannedJob &job : plan.jobs)
        QCOMPARE(job.spec, &pipeline->stages[0].jobs[0]);
}

void tst_Planner::matrixValuesAreVariables()
{
    auto pipeline = sketchPipeline("test: e2e");
    jobNamed(*pipeline, "e2e").matrix = matrixOf("browser=chrome,firefox os=linux");

    const Plan plan = planOf(pipeline);

    const PlannedJob &job = plan.jobs[plan.findJob("e2e: [firefox, linux]")];
    const QList<QPair<QString, QString>> values{{"browser", "firefox"}, {"os", "linux"}};
    QCOMPARE(job.matrixValues, values);
    QCOMPARE(variableValue(job.variables, "browser"), "firefox");
    QCOMPARE(variableValue(job.variables, "os"), "linux");
    QCOMPARE(variableValue(job.variables, "PIPEWRIGHT_JOB_NAME"), "e2e: [firefox, linux]");
}

void tst_Planner::needWithMatrixFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("needs");

    QTest::newRow("a need without a filter names every instance")
        << ""
        << "e2e: [chrome, linux], e2e: [chrome, mac], e2e: [firefox, linux]";
    QTest::newRow("a filter on one dimension keeps the matching instances")
        << "os=linux"
        << "e2e: [chrome, linux], e2e: [firefox, linux]";
    QTest::newRow("a filter on every dimension keeps one instance") << "browser=chrome os=mac"
                                                                    << "e2e: [chrome, mac]";
}

void tst_Planner::needWithMatrixFilter()
{
    QFETCH(QString, filter);
    QFETCH(QString, needs);
    auto pipeline = sketchPipeline("test: e2e | report: summary < e2e");
    // Leave out firefox on mac, so that "every instance" is not simply the product.
    jobNamed(*pipeline, "e2e").matrix = matrixOf("browser=chrome os=linux,mac + "
                                                 "browser=firefox os=linux");
    for (const QString &entry : filter.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        jobNamed(*pipeline, "summary")
            .needs[0]
            .matrix.insert(entry.section('=', 0, 0), entry.section('=', 1));
    }

    const Plan plan = planOf(pipeline);

    QCOMPARE(waitsOf(plan).section(" | summary: ", 1), needs);
}

void tst_Planner::parallelCopies()
{
    auto pipeline = sketchPipeline("test: shard | report: summary < shard");
    jobNamed(*pipeline, "shard").parallel = 3;

    const Plan plan = planOf(pipeline);

    QCOMPARE(namesOf(plan), "shard 1/3 | shard 2/3 | shard 3/3 | summary");
    const PlannedJob &second = plan.jobs[1];
    QCOMPARE(variableValue(second.variables, "CI_NODE_INDEX"), "2");
    QCOMPARE(variableValue(second.variables, "CI_NODE_TOTAL"), "3");
    QVERIFY(second.matrixValues.isEmpty());
    QCOMPARE(waitsOf(plan).section(" | summary: ", 1), "shard 1/3, shard 2/3, shard 3/3");
}

void tst_Planner::variablePrecedence_data()
{
    QTest::addColumn<bool>("inPipeline");
    QTest::addColumn<bool>("inEnv");
    QTest::addColumn<bool>("inMatrix");
    QTest::addColumn<bool>("inRun");
    QTest::addColumn<QString>("value");

    QTest::newRow("a pipeline variable reaches the job")
        << true << false << false << false << "pipeline";
    QTest::newRow("the job's env overrides the pipeline")
        << true << true << false << false << "env";
    QTest::newRow("a matrix value overrides the env") << true << true << true << false << "matrix";
    QTest::newRow("a run value overrides everything") << true << true << true << true << "run";
    QTest::newRow("a run value overrides the pipeline") << true << false << false << true << "run";
    QTest::newRow("the env alone is enough") << false << true << false << false << "env";
}

void tst_Planner::variablePrecedence()
{
    QFETCH(bool, inPipeline);
    QFETCH(bool, inEnv);
    QFETCH(bool, inMatrix);
    QFETCH(bool, inRun);
    QFETCH(QString, value);
    auto pipeline = sketchPipeline("test: unit");
    Job &unit = jobNamed(*pipeline, "unit");
    RunContext context;
    if (inPipeline)
        setVariable(pipeline->variables, "LEVEL", "pipeline");
    if (inEnv)
        setVariable(unit.env, "LEVEL", "env");
    if (inMatrix)
        unit.matrix = matrixOf("LEVEL=matrix");
    if (inRun)
        setVariable(context.variables, "LEVEL", "run");

    const Plan plan = planOf(pipeline, context);

    QCOMPARE(variableValue(plan.jobs[0].variables, "LEVEL"), value);
}

void tst_Planner::runValuesAreSetLast()
{
    auto pipeline = sketchPipeline("test: unit");
    setVariable(pipeline->variables, "FIRST", "1");
    setVariable(jobNamed(*pipeline, "unit").env, "SECOND", "2");
    RunContext context;
    context.branch = "main";
    context.commit = "abc123";
    context.event = "push";
    setVariable(context.variables, "PIPEWRIGHT_BRANCH", "forged");

    const Plan plan = planOf(pipeline, context);

    QStringList names;
    for (const Variable &variable : plan.jobs[0].variables)
        names.append(variable.name + '=' + variable.value);
    QCOMPARE(names, (QStringList{"FIRST=1", "SECOND=2", "PIPEWRIGHT_BRANCH=main",
                                 "PIPEWRIGHT_COMMIT=abc123", "PIPEWRIGHT_EVENT=push",
                                 "PIPEWRIGHT_JOB_NAME=unit"}));
    QVERIFY(variableValue(plan.jobs[0].variables, "PIPEWRIGHT_RUN_ID").isNull());
}

enum Outcome { None, True, False, Fails, Unparsed };

static std::optional<Condition> conditionFor(int outcome, int line)
{
    switch (outcome) {
    case True:
        return fixedCondition(true, line);
    case False:
        return fixedCondition(false, line);
    case Fails:
        return condition(std::make_shared<FixedExpression>(Error{"no such variable 'X'"}),
                         "vars.X == '1'", line);
    case Unparsed:
        return condition(nullptr, "vars.X ==", line);
    }
    return std::nullopt;
}

void tst_Planner::conditions_data()
{
    QTest::addColumn<int>("stageCondition");
    QTest::addColumn<int>("jobCondition");
    QTest::addColumn<QString>("stageSkip");
    QTest::addColumn<QString>("jobSkips");
    QTest::addColumn<QString>("error");

    QTest::newRow("true conditions skip nothing") << int(True) << int(True) << ""
                                                  << ""
                                                  << "";
    QTest::newRow("a false stage condition skips the stage and all its jobs")
        << int(False) << int(None) << "condition false"
        << "target: condition false | other: condition false"
        << "";
    QTest::newRow("a false job condition skips that job only") << int(None) << int(False) << ""
                                                               << "target: condition false"
                                                               << "";
    QTest::newRow("a job condition is not evaluated in a skipped stage")
        << int(False) << int(Fails) << "condition false"
        << "target: condition false | other: condition false"
        << "";
    QTest::newRow("a job condition that fails names the job and its place")
        << int(True) << int(Fails) << ""
        << ""
        << "pipeline.yml:7:9: job 'target': cannot evaluate the condition 'vars.X == '1'': "
           "no such variable 'X'";
    QTest::newRow("a stage condition that fails names the stage and its place")
        << int(Fails) << int(None) << ""
        << ""
        << "pipeline.yml:5:9: stage 'deploy': cannot evaluate the condition 'vars.X == '1'': "
           "no such variable 'X'";
    QTest::newRow("a condition that was never parsed is an error, not a guess")
        << int(None) << int(Unparsed) << ""
        << ""
        << "pipeline.yml:7:9: job 'target': the condition 'vars.X ==' was not parsed";
}

void tst_Planner::conditions()
{
    QFETCH(int, stageCondition);
    QFETCH(int, jobCondition);
    QFETCH(QString, stageSkip);
    QFETCH(QString, jobSkips);
    QFETCH(QString, error);
    auto pipeline = sketchPipeline("build: compile | deploy: target; other");
    pipeline->stages[1].condition = conditionFor(stageCondition, 5);
    jobNamed(*pipeline, "target").condition = conditionFor(jobCondition, 7);

    const Result<Plan> plan = makePlan(pipeline, RunContext());

    QCOMPARE(plan ? QString() : plan.error().message, error);
    if (!plan)
        return;
    QCOMPARE(plan->stages[1].skipReason, stageSkip);
    QCOMPARE(plan->stages[1].skipped, !stageSkip.isEmpty());
    QCOMPARE(skipsOf(*plan), jobSkips);
    QVERIFY(!plan->stages[0].skipped);
}

void tst_Planner::conditionContexts()
{
    auto pipeline = sketchPipeline("deploy: ship");
    setVariable(pipeline->variables, "TARGET", "staging");
    setVariable(pipeline->variables, "REGION", "eu");
    Job &ship = jobNamed(*pipeline, "ship");
    setVariable(ship.env, "SECRET_NAME", "token");
    ship.matrix = matrixOf("os=linux");
    auto stageExpression = std::make_shared<FixedExpression>(true);
    auto jobExpression = std::make_shared<FixedExpression>(true);
    pipeline->stages[0].condition = condition(stageExpression);
    ship.condition = condition(jobExpression);
    RunContext context;
    context.branch = "main";
    context.commit = "abc123";
    context.tag = "v1.0";
    context.event = "push";
    setVariable(context.variables, "TARGET", "production");

    QVERIFY(makePlan(pipeline, context).ok());

    const expr::EvalContext &seenByStage = stageExpression->lastContext();
    QCOMPARE(seenByStage.branch, "main");
    QCOMPARE(seenByStage.commit, "abc123");
    QCOMPARE(seenByStage.tag, "v1.0");
    QCOMPARE(seenByStage.event, "push");
    QCOMPARE(seenByStage.variables,
             (QHash<QString, QString>{{"TARGET", "production"}, {"REGION", "eu"}}));
    const expr::EvalContext &seenByJob = jobExpression->lastContext();
    QCOMPARE(seenByJob.branch, "main");
    QCOMPARE(seenByJob.variables, (QHash<QString, QString>{{"TARGET", "production"},
                                                           {"REGION", "eu"},
                                                           {"SECRET_NAME", "token"},
                                                           {"os", "linux"}}));
}

void tst_Planner::jobConditionPerMatrixInstance()
{
    auto pipeline = sketchPipeline("test: e2e | report: summary < e2e");
    Job &e2e = jobNamed(*pipeline, "e2e");
    e2e.matrix = matrixOf("os=linux,mac");
    e2e.condition = condition(std::make_shared<VariableIs>("os", "linux"), "vars.os == 'linux'");

    const Plan plan = planOf(pipeline);

    QCOMPARE(skipsOf(plan), "e2e: [mac]: condition false | summary: needs skipped job e2e: [mac]");
    QVERIFY(!plan.stages[0].skipped);
}

void tst_Planner::parsedConditions_data()
{
    QTest::addColumn<QString>("stageIf");
    QTest::addColumn<QString>("jobIf");
    QTest::addColumn<QString>("jobSkips");

    QTest::newRow("a stage for another branch is skipped") << "branch == 'release'"
                                                           << ""
                                                           << "e2e: [linux]: condition false | "
                                                              "e2e: [mac]: condition false";
    QTest::newRow("a stage for this branch runs") << "branch == 'main'"
                                                  << ""
                                                  << "";
    QTest::newRow("a job condition sees its matrix values") << ""
                                                            << "vars.os == 'linux'"
                                                            << "e2e: [mac]: condition false";
    QTest::newRow("a job condition sees the run's values over the pipeline's")
        << ""
        << "vars.TARGET == 'production' && event == 'push'"
        << "";
    QTest::newRow("a stage condition sees the run's values over the pipeline's")
        << "vars.TARGET == 'staging'"
        << ""
        << "e2e: [linux]: condition false | e2e: [mac]: condition false";
}

void tst_Planner::parsedConditions()
{
    QFETCH(QString, stageIf);
    QFETCH(QString, jobIf);
    QFETCH(QString, jobSkips);
    auto pipeline = sketchPipeline("test: e2e");
    setVariable(pipeline->variables, "TARGET", "staging");
    Job &e2e = jobNamed(*pipeline, "e2e");
    e2e.matrix = matrixOf("os=linux,mac");
    if (!stageIf.isEmpty())
        pipeline->stages[0].condition = parsedCondition(stageIf);
    if (!jobIf.isEmpty())
        e2e.condition = parsedCondition(jobIf);
    RunContext context;
    context.branch = "main";
    context.event = "push";
    setVariable(context.variables, "TARGET", "production");

    const Plan plan = planOf(pipeline, context);

    QCOMPARE(skipsOf(plan), jobSkips);
}

void tst_Planner::skips_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("jobSkips");
    QTest::addColumn<QString>("stageSkips");

    QTest::newRow("a job that needs a skipped job is skipped")
        << "build: !compile | test: unit < compile; lint"
        << "compile: condition false | unit: needs skipped job compile"
        << "build: all jobs skipped";
    QTest::newRow("skips pass down a chain of needs")
        << "build: !compile | test: unit < compile | deploy: ship < unit; docs"
        << "compile: condition false | unit: needs skipped job compile | "
           "ship: needs skipped job unit"
        << "build: all jobs skipped | test: all jobs skipped";
    QTest::newRow("skips pass down the needs within a stage in need order")
        << "build: c < b; b < a; !a; d"
        << "c: needs skipped job b | b: needs skipped job a | a: condition false"
        << "";
    QTest::newRow("a job with when never is skipped")
        << "build: ~compile; lint | test: unit < compile"
        << "compile: when: never | unit: needs skipped job compile"
        << "test: all jobs skipped";
    QTest::newRow("a job without needs runs after skipped stages")
        << "!build: compile | !lint: style | test: unit"
        << "compile: condition false | style: condition false"
        << "build: condition false | lint: condition false";
    QTest::newRow("a job that needs a job of a skipped stage is skipped")
        << "!build: compile | test: unit < compile; lint <"
        << "compile: condition false | unit: needs skipped job compile"
        << "build: condition false";
    QTest::newRow("a stage without jobs is not skipped")
        << "build: compile | approve: | deploy: ship"
        << ""
        << "";
}

void tst_Planner::skips()
{
    QFETCH(QString, sketch);
    QFETCH(QString, jobSkips);
    QFETCH(QString, stageSkips);

    const Plan plan = planOf(sketchPipeline(sketch));

    QCOMPARE(skipsOf(plan), jobSkips);
    QStringList stages;
    for (const PlannedStage &stage : plan.stages) {
        QCOMPARE(stage.skipped, !stage.skipReason.isEmpty());
        if (stage.skipped)
            stages.append(stage.name + ": " + stage.skipReason);
    }
    QCOMPARE(stages.join(" | "), stageSkips);
}

void tst_Planner::whenAndAllowFailureComeFromTheFile()
{
    auto pipeline = sketchPipeline("deploy: ship; notify");
    jobNamed(*pipeline, "ship").when = When::Manual;
    jobNamed(*pipeline, "notify").when = When::Always;
    jobNamed(*pipeline, "notify").allowFailure = true;

    const Plan plan = planOf(pipeline);

    QCOMPARE(keyword(plan.jobs[0].when), "manual");
    QVERIFY(!plan.jobs[0].allowFailure);
    QCOMPARE(keyword(plan.jobs[1].when), "always");
    QVERIFY(plan.jobs[1].allowFailure);
    QCOMPARE(skipsOf(plan), "");
}

void tst_Planner::triggers_data()
{
    QTest::addColumn<bool>("respect");
    QTest::addColumn<QStringList>("branches");
    QTest::addColumn<QStringList>("events");
    QTest::addColumn<QString>("branch");
    QTest::addColumn<QString>("event");
    QTest::addColumn<QString>("reason");

    const QStringList mainAndRelease{"main", "release/*"};
    QTest::newRow("a matching branch triggers") << true << mainAndRelease << QStringList() << "main"
                                                << "push"
                                                << "";
    QTest::newRow("a single star matches within one level")
        << true << mainAndRelease << QStringList() << "release/1.0"
        << "push"
        << "";
    QTest::newRow("a single star does not cross a slash")
        << true << mainAndRelease << QStringList() << "release/1.0/fix"
        << "push"
        << "branch 'release/1.0/fix' does not match on.branches [main, release/*]";
    QTest::newRow("a double star crosses slashes")
        << true << QStringList{"feature/**"} << QStringList() << "feature/ui/menu"
        << "push"
        << "";
    QTest::newRow("another branch does not trigger")
        << true << mainAndRelease << QStringList() << "dev"
        << "push"
        << "branch 'dev' does not match on.branches [main, release/*]";
    QTest::newRow("a listed event triggers")
        << true << QStringList() << QStringList{"push", "schedule"} << "dev"
        << "schedule"
        << "";
    QTest::newRow("another event does not trigger")
        << true << mainAndRelease << QStringList{"schedule"} << "main"
        << "push"
        << "event 'push' is not in on.events [schedule]";
    QTest::newRow("a double star and slash also match no folder at all")
        << true << QStringList{"team/**/main"} << QStringList() << "team/main"
        << "push"
        << "";
    QTest::newRow("a run that does not respect triggers ignores them")
        << false << mainAndRelease << QStringList{"schedule"} << "dev"
        << "manual"
        << "";
}

void tst_Planner::triggers()
{
    QFETCH(bool, respect);
    QFETCH(QStringList, branches);
    QFETCH(QStringList, events);
    QFETCH(QString, branch);
    QFETCH(QString, event);
    QFETCH(QString, reason);
    auto pipeline = sketchPipeline("build: compile");
    pipeline->on = Trigger{true, branches, events};
    RunContext context;
    context.branch = branch;
    context.event = event;
    context.respectTriggers = respect;

    const Plan plan = planOf(pipeline, context);

    QCOMPARE(plan.notTriggeredReason, reason);
    QCOMPARE(plan.triggered, reason.isEmpty());
    QCOMPARE(plan.jobs.size(), 1);
}

void tst_Planner::invalidBranchPattern()
{
    auto pipeline = sketchPipeline("build: compile");
    pipeline->on = Trigger{true, {"main", "release/[0-9"}, {}};
    RunContext context;
    context.branch = "dev";
    context.respectTriggers = true;

    const QString error = errorOf(pipeline, context);

    QVERIFY2(error.startsWith("on.branches: "), qPrintable(error));
    QVERIFY2(error.contains("'release/[0-9'"), qPrintable(error));
}

void tst_Planner::priorities_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("durations");
    QTest::addColumn<QString>("priorities");

    const QString dag = "build: compile | test: unit < compile; lint <; e2e | deploy: ship";
    QTest::newRow("without history every job weighs one millisecond")
        << dag << ""
        << "compile=3 unit=2 lint=2 e2e=2 ship=1";
    QTest::newRow("recorded durations weigh the paths")
        << dag << "compile=10 unit=5 lint=7 e2e=3 ship=100"
        << "compile=115 unit=105 lint=107 e2e=103 ship=100";
    QTest::newRow("a job's needs outweigh a short stage")
        << dag << "compile=10 unit=500 ship=100"
        << "compile=610 unit=600 lint=101 e2e=101 ship=100";
    QTest::newRow("a chain within one stage adds up") << "build: a; b < a; c < b"
                                                      << "a=1 b=2 c=3"
                                                      << "a=6 b=5 c=3";
    QTest::newRow("a job without needs follows every job of the earlier stages")
        << "build: a; b | test: c | deploy: d"
        << "b=4"
        << "a=3 b=6 c=2 d=1";
    QTest::newRow("a job that starts at once is not followed by the earlier stages")
        << "build: a | test: b < | deploy: c"
        << "a=1 b=5 c=2"
        << "a=3 b=7 c=2";
    QTest::newRow("skipped jobs weigh nothing") << "build: compile | test: !unit < compile; e2e"
                                                << "compile=10 unit=50 e2e=3"
                                                << "compile=13 unit=0 e2e=3";
}

void tst_Planner::priorities()
{
    QFETCH(QString, sketch);
    QFETCH(QString, durations);
    QFETCH(QString, priorities);
    PlanOptions options;
    options.lastDurationsMs = durationsOf(durations);

    const Plan plan = planOf(sketchPipeline(sketch), {}, options);

    QCOMPARE(prioritiesOf(plan), priorities);
}

void tst_Planner::priorityFallsBackToTheJobName()
{
    auto pipeline = sketchPipeline("test: e2e | report: summary < e2e");
    jobNamed(*pipeline, "e2e").matrix = matrixOf("os=linux,mac");
    PlanOptions options;
    options.lastDurationsMs = durationsOf("e2e=20 summary=5");
    options.lastDurationsMs.insert("e2e: [mac]", 50);

    const Plan plan = planOf(pipeline, {}, options);

    QCOMPARE(prioritiesOf(plan), "e2e: [linux]=25 e2e: [mac]=55 summary=5");
}

void tst_Planner::largePipeline()
{
    // 100 stages of 100 jobs; every other job needs its neighbour of the stage before.
    auto pipeline = std::make_shared<Pipeline>();
    for (int s = 0; s < 100; ++s) {
        Stage stage;
        stage.name = QStringLiteral("stage%1").arg(s);
        for (int j = 0; j < 100; ++j) {
            Job job;
            job.name = QStringLiteral("s%1-j%2").arg(s).arg(j);
            if (s > 0 && j % 2 == 1) {
                job.needsGiven = true;
                JobNeed need;
                need.job = QStringLiteral("s%1-j%2").arg(s - 1).arg(j);
                job.needs.append(need);
            }
            stage.jobs.append(job);
        }
        pipeline->stages.append(stage);
    }

    QElapsedTimer timer;
    timer.start();
    const Plan plan = planOf(pipeline);
    const qint64 planned = timer.restart();
    const QString text = describePlan(plan);
    qInfo("planned 10,000 jobs in %lld ms, described them in %lld ms", planned, timer.elapsed());

    QCOMPARE(plan.jobs.size(), 10000);
    QCOMPARE(plan.jobs[0].priority, 100);
    QCOMPARE(plan.jobs.last().priority, 1);
    QCOMPARE(plan.jobs[plan.findJob("s50-j1")].needs.size(), 1);
    QVERIFY(plan.jobs[plan.findJob("s50-j2")].needs.isEmpty());
    QVERIFY(text.contains("\n  s99-j99: needs s98-j99; priority 1\n"));
}

void tst_Planner::inconsistentPipelines_data()
{
    QTest::addColumn<QString>("sketch");
    QTest::addColumn<QString>("error");

    QTest::newRow("a need on a missing job")
        << "build: compile | test: unit < compil"
        << "pipeline.yml:2:12: job 'unit' needs 'compil', which is not in the pipeline";
    QTest::newRow("a need on a job of a later stage")
        << "build: compile < unit | test: unit"
        << "pipeline.yml:1:12: job 'compile' needs 'unit' of the later stage 'test'";
    QTest::newRow("a job that needs itself") << "build: a; b < a, b"
                                             << "pipeline.yml:2:16: job 'b' needs itself";
    QTest::newRow("a cycle of needs")
        << "build: x; a < c; b < a; c < b; d < a"
        << "pipeline.yml:2:3: the needs of stage 'build' form a cycle among a, b, c, d";
    QTest::newRow("a job declared twice") << "build: a | test: a"
                                          << "pipeline.yml:2:3: job 'a' is declared more than once";
}

void tst_Planner::inconsistentPipelines()
{
    QFETCH(QString, sketch);
    QFETCH(QString, error);

    QCOMPARE(errorOf(sketchPipeline(sketch)), error);
}

void tst_Planner::badMatrices_data()
{
    QTest::addColumn<QString>("matrix");
    QTest::addColumn<int>("parallel");
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QString>("error");

    QTest::newRow("a dimension without values")
        << "os=linux browser=" << 0 << ""
        << "pipeline.yml:1:3: job 'e2e': matrix variable 'browser' has no values";
    QTest::newRow("a matrix of more than a thousand instances")
        << "a=0,1,2,3,4,5,6,7,8,9 b=0,1,2,3,4,5,6,7,8,9 c=0,1,2,3,4,5,6,7,8,9 + d=x" << 0 << ""
        << "pipeline.yml:1:3: job 'e2e': the matrix gives more than 1000 instances";
    QTest::newRow("a product too large to count")
        << QString("a=0,1,2,3,4,5,6,7,8,9 ").repeated(30) << 0 << ""
        << "pipeline.yml:1:3: job 'e2e': the matrix gives more than 1000 instances";
    QTest::newRow("too many parallel copies")
        << "" << 5000 << ""
        << "pipeline.yml:1:3: job 'e2e': parallel: 5000 is more than 1000";
    QTest::newRow("a filter that matches no instance")
        << "os=linux,mac" << 0 << "os=windows"
        << "pipeline.yml:2:12: job 'summary' needs 'e2e' with matrix {os: windows}, which "
           "matches no instance of it";
    QTest::newRow("a filter on a job without a matrix")
        << "" << 0 << "os=linux"
        << "pipeline.yml:2:12: job 'summary' needs 'e2e' with matrix {os: linux}, which "
           "matches no instance of it";
}

void tst_Planner::badMatrices()
{
    QFETCH(QString, matrix);
    QFETCH(int, parallel);
    QFETCH(QString, filter);
    QFETCH(QString, error);
    auto pipeline = sketchPipeline("test: e2e | report: summary < e2e");
    Job &e2e = jobNamed(*pipeline, "e2e");
    if (!matrix.isEmpty())
        e2e.matrix = matrixOf(matrix);
    for (MatrixGroup &group : e2e.matrix) {
        for (MatrixDimension &dimension : group)
            dimension.values.removeAll(QString());
    }
    e2e.parallel = parallel;
    if (!filter.isEmpty())
        jobNamed(*pipeline, "summary")
            .needs[0]
            .matrix.insert(filter.section('=', 0, 0), filter.section('=', 1));

    QCOMPARE(errorOf(pipeline), error);
}

void tst_Planner::noPipeline()
{
    const Result<Plan> plan = makePlan(nullptr, RunContext());

    QVERIFY(!plan);
    QCOMPARE(plan.error().message, "there is no pipeline to plan");
}

void tst_Planner::describe()
{
    auto pipeline = sketchPipeline("build: compile; lint | test: unit < compile; it <; e2e | "
                                   "deploy: ship | !docs: publish");
    pipeline->name = "demo";
    pipeline->on = Trigger{true, {"main"}, {}};
    GateSpec gate;
    gate.approvers = {"alice", "bob"};
    gate.required = 2;
    pipeline->stages[2].gate = gate;
    pipeline->stages[2].resource = "production";
    jobNamed(*pipeline, "ship").when = When::Manual;
    jobNamed(*pipeline, "e2e").allowFailure = true;
    jobNamed(*pipeline, "unit").needs[0].artifacts = false;
    RunContext context;
    context.branch = "dev";
    context.respectTriggers = true;

    const QString text = describePlan(planOf(pipeline, context));

    QCOMPARE(text, "Pipeline 'demo': 4 stages, 7 jobs\n"
                   "Not triggered: branch 'dev' does not match on.branches [main]\n"
                   "Stage build\n"
                   "  compile: starts at once; priority 3\n"
                   "  lint: starts at once; priority 3\n"
                   "Stage test\n"
                   "  unit: needs compile (no artifacts); priority 2\n"
                   "  it: starts at once; priority 2\n"
                   "  e2e: after stage build; may fail; priority 2\n"
                   "Stage deploy (gate: 2 of alice, bob; resource: production)\n"
                   "  ship: after stage test; when: manual; priority 1\n"
                   "Stage docs: skipped (condition false)\n"
                   "  publish: skipped (condition false)\n");
}

void tst_Planner::findJob()
{
    auto pipeline = sketchPipeline("test: e2e; unit");
    jobNamed(*pipeline, "e2e").matrix = matrixOf("os=linux,mac");

    const Plan plan = planOf(pipeline);

    QCOMPARE(plan.findJob("e2e: [mac]"), 1);
    QCOMPARE(plan.findJob("unit"), 2);
    QCOMPARE(plan.findJob("e2e"), -1);
    QCOMPARE(plan.findJob("nothing"), -1);
}

QTEST_GUILESS_MAIN(tst_Planner)
#include "tst_planner.moc"
