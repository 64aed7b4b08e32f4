// Moves and removals in lists written in brackets: jobs and stages moved into, out of and
// within flow lists, needs dropped from them, compact (unindented) lists; the exact lines
// each edit changes, what the edited file means, and the undo back to the same bytes.

#include "editoperation.h"
#include "edittestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;
using namespace pw::edit;

namespace {

// Build's jobs in brackets, test's in block style, and ship in brackets on one line.
const QByteArray mixed = "name: p\n"
                         "stages:\n"
                         "  - name: build\n"
                         "    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: "
                         "['make b']}]\n"
                         "  - name: test\n"
                         "    jobs:\n"
                         "      - name: c\n"
                         "        needs: [a, b]\n"
                         "        commands:\n"
                         "          - make test\n"
                         "      - name: d\n"
                         "        commands: |\n"
                         "          check\n"
                         "      - name: e # commented\n"
                         "        commands: [x]\n";

// The stages themselves in brackets, over several lines.
const QByteArray flowStages = "name: p\n"
                              "stages: [\n"
                              "  {name: build, jobs: [{name: a, commands: [make]}, {name: b, "
                              "commands: [b]}]},\n"
                              "  {name: test, jobs: [{name: c, commands: [t]}]},\n"
                              "  {name: ship, jobs: [{name: s, commands: [s]}]}\n"
                              "]\n";

// Lists not indented under their keys, and jobs that need several jobs of one stage.
const QByteArray compact =
    "name: p\n"
    "stages:\n"
    "- name: build\n"
    "  jobs:\n"
    "  - name: a\n"
    "    commands: [make]\n"
    "  - name: b\n"
    "    commands: [make b]\n"
    "- name: lint\n"
    "  jobs:\n"
    "  - name: l\n"
    "    commands: [lint]\n"
    "- name: test\n"
    "  jobs:\n"
    "  - name: c\n"
    "    needs: [a, l, b]\n"
    "    commands: [t]\n"
    "  - name: f\n"
    "    needs: [l, a, b]\n"
    "    commands: [t]\n"
    "  - name: g\n"
    "    needs: [a, b, l]\n"
    "    commands: [t]\n"
    "  - {name: h, needs: [{job: a, artifacts: false}, l, b], commands: [t]}\n"
    "  - name: i\n"
    "    needs:\n"
    "    - a\n"
    "    - l\n"
    "    - b\n"
    "    commands: [t]\n";

// A job written once, under a hidden key, and listed in brackets through an alias.
const QByteArray aliased = "name: p\n"
                           ".job: &shared {name: s, commands: [x]}\n"
                           "stages:\n"
                           "  - name: build\n"
                           "    jobs: [*shared, {name: a, commands: [make]}]\n"
                           "  - name: test\n"
                           "    jobs:\n"
                           "      - name: c\n"
                           "        commands: [t]\n";

QByteArray textNamed(const QString &name)
{
    if (name == "aliased")
        return aliased;
    if (name == "mixed")
        return mixed;
    if (name == "flowStages")
        return flowStages;
    return compact;
}

// "stage: job,job | stage: job" for the edited pipeline.
QString orderOf(const Pipeline &pipeline)
{
    QStringList stages;
    for (const Stage &stage : pipeline.stages) {
        QStringList jobs;
        for (const Job &job : stage.jobs)
            jobs.append(job.name);
        stages.append(stage.name + ": " + jobs.join(QLatin1Char(',')));
    }
    return stages.join(QStringLiteral(" | "));
}

QString needsOf(const Pipeline &pipeline, const QString &job)
{
    QStringList names;
    for (const JobNeed &need : pipeline.findJob(job)->needs)
        names.append(need.job);
    return names.join(QLatin1Char(','));
}

} // namespace

class TestEditFlow : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void movesKeepEachListsStyle_data();
    void movesKeepEachListsStyle();
    void movedJobsMeanWhatTheyMeantBefore();
    void movesThatWouldLoseACommentAreRefused_data();
    void movesThatWouldLoseACommentAreRefused();
    void removingAStageDropsSeveralNeedsOfOneList_data();
    void removingAStageDropsSeveralNeedsOfOneList();
};

void TestEditFlow::movesKeepEachListsStyle_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("diff");
    QTest::addColumn<QString>("order");

    QTest::newRow("a job leaves brackets as a flow map line of a block list")
        << "mixed"
        << "moveJob" << QStringList{"b", "test", "1"}
        << "-    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: ['make b']}]\n"
           "+    jobs: [{name: a, commands: [make]}]\n"
           "+      - {name: b, needs: [a], commands: ['make b']}"
        << "build: a | test: c,b,d,e";
    QTest::newRow("a block job goes into brackets in flow style, before the given job")
        << "mixed"
        << "moveJob" << QStringList{"c", "build", "1"}
        << "-    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: ['make b']}]\n"
           "+    jobs: [{name: a, commands: [make]}, {name: c, needs: [a, b], commands: [make "
           "test]}, {name: b, needs: [a], commands: ['make b']}]\n"
           "-      - name: c\n-        needs: [a, b]\n-        commands:\n-          - make test"
        << "build: a,c,b | test: d,e";
    QTest::newRow("a block text goes into brackets as a quoted text")
        << "mixed"
        << "moveJob" << QStringList{"d", "build"}
        << "-    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: ['make b']}]\n"
           "+    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: ['make b']}, "
           "{name: d, commands: \"check\\n\"}]\n"
           "-      - name: d\n-        commands: |\n-          check"
        << "build: a,b,d | test: c,e";
    QTest::newRow("a job moves within its brackets, its comma with it")
        << "mixed"
        << "moveJob" << QStringList{"a", "build"}
        << "-    jobs: [{name: a, commands: [make]}, {name: b, needs: [a], commands: ['make b']}]\n"
           "+    jobs: [{name: b, needs: [a], commands: ['make b']}, {name: a, commands: [make]}]"
        << "build: b,a | test: c,d,e";
    QTest::newRow("a stage moves to the front of stages in brackets, one a line")
        << "flowStages"
        << "moveStage" << QStringList{"ship", "0"}
        << "+  {name: ship, jobs: [{name: s, commands: [s]}]},\n"
           "-  {name: test, jobs: [{name: c, commands: [t]}]},\n"
           "-  {name: ship, jobs: [{name: s, commands: [s]}]}\n"
           "+  {name: test, jobs: [{name: c, commands: [t]}]}"
        << "ship: s | build: a,b | test: c";
    QTest::newRow("a stage moves to the end of stages in brackets")
        << "flowStages"
        << "moveStage" << QStringList{"build", "-1"}
        << "-  {name: build, jobs: [{name: a, commands: [make]}, {name: b, commands: [b]}]},\n"
           "-  {name: ship, jobs: [{name: s, commands: [s]}]}\n"
           "+  {name: ship, jobs: [{name: s, commands: [s]}]},\n"
           "+  {name: build, jobs: [{name: a, commands: [make]}, {name: b, commands: [b]}]}"
        << "test: c | ship: s | build: a,b";
    QTest::newRow("a job moves between the bracketed lists of two bracketed stages")
        << "flowStages"
        << "moveJob" << QStringList{"a", "test", "0"}
        << "-  {name: build, jobs: [{name: a, commands: [make]}, {name: b, commands: [b]}]},\n"
           "-  {name: test, jobs: [{name: c, commands: [t]}]},\n"
           "+  {name: build, jobs: [{name: b, commands: [b]}]},\n"
           "+  {name: test, jobs: [{name: a, commands: [make]}, {name: c, commands: [t]}]},"
        << "build: b | test: a,c | ship: s";
    QTest::newRow("a job that is an alias moves as the alias")
        << "aliased"
        << "moveJob" << QStringList{"s", "test"}
        << "-    jobs: [*shared, {name: a, commands: [make]}]\n"
           "+    jobs: [{name: a, commands: [make]}]\n"
           "+      - *shared"
        << "build: a | test: c,s";
    // The lines of b go below lint's first lines; the diff tells it as lint's going up.
    QTest::newRow("a job moves between unindented lists, lined up with their dashes")
        << "compact"
        << "moveJob" << QStringList{"b", "lint", "0"}
        << "+- name: lint\n+  jobs:\n-- name: lint\n-  jobs:"
        << "build: a | lint: b,l | test: c,f,g,h,i";
    QTest::newRow("an unindented stage moves before another")
        << "compact"
        << "moveStage" << QStringList{"lint", "0"}
        << "+- name: lint\n+  jobs:\n+  - name: l\n+    commands: [lint]\n"
           "-- name: lint\n-  jobs:\n-  - name: l\n-    commands: [lint]"
        << "lint: l | build: a,b | test: c,f,g,h,i";
}

void TestEditFlow::movesKeepEachListsStyle()
{
    QFETCH(QString, text);
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, diff);
    QFETCH(QString, order);
    const QByteArray before = textNamed(text);
    const PipelineDocument document = test::documentOf(before);
    QVERIFY2(document.isValid(), qPrintable(document.diagnostics().value(0).toString()));

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QCOMPARE(test::changedLines(before, changed.text()), diff);
    QCOMPARE(orderOf(*changed.pipeline()), order);
}

void TestEditFlow::movedJobsMeanWhatTheyMeantBefore()
{
    const PipelineDocument document = test::documentOf(mixed);

    // Out of brackets and back in: the commands, needs and quoting survive both ways.
    const Result<TextEdit> out = test::runOperation(document, "moveJob", {"b", "test"});
    QVERIFY2(out, test::why(out).constData());
    bool ok = false;
    const PipelineDocument moved = test::appliedAndUndone(document, *out, &ok);
    QVERIFY(ok);
    const Result<TextEdit> back = test::runOperation(moved, "moveJob", {"b", "build"});
    QVERIFY2(back, test::why(back).constData());
    const PipelineDocument returned = test::appliedAndUndone(moved, *back, &ok);
    QVERIFY(ok);

    QCOMPARE(returned.text(), mixed);
    QCOMPARE(returned.pipeline()->findJob("b")->commands, QStringList{"make b"});
    QCOMPARE(needsOf(*returned.pipeline(), "b"), QStringLiteral("a"));
    QCOMPARE(moved.pipeline()->findJob("d")->commands, QStringList{"check\n"});
}

void TestEditFlow::movesThatWouldLoseACommentAreRefused_data()
{
    QTest::addColumn<QString>("job");
    QTest::addColumn<QString>("message");

    QTest::newRow("a job with a comment after its name stays out of brackets")
        << "e"
        << "job 'e' holds comments (from line 14), which cannot stay with it in or out of "
           "brackets; move it by hand";
}

void TestEditFlow::movesThatWouldLoseACommentAreRefused()
{
    QFETCH(QString, job);
    QFETCH(QString, message);
    const PipelineDocument document = test::documentOf(mixed);

    const Result<TextEdit> edit = test::runOperation(document, "moveJob", {job, "build"});

    QVERIFY(!edit);
    QCOMPARE(edit.error().message, message);
}

void TestEditFlow::removingAStageDropsSeveralNeedsOfOneList_data()
{
    QTest::addColumn<QString>("diff");

    QTest::newRow("needs of the removed stage at both ends of a list, in several lists")
        << "-- name: build\n-  jobs:\n-  - name: a\n-    commands: [make]\n"
           "-  - name: b\n-    commands: [make b]\n"
           "-    needs: [a, l, b]\n+    needs: [l]\n"
           "-    needs: [l, a, b]\n+    needs: [l]\n"
           "-    needs: [a, b, l]\n+    needs: [l]\n"
           "-  - {name: h, needs: [{job: a, artifacts: false}, l, b], commands: [t]}\n"
           "+  - {name: h, needs: [l], commands: [t]}\n"
           "-    - a\n-    - b";
}

void TestEditFlow::removingAStageDropsSeveralNeedsOfOneList()
{
    QFETCH(QString, diff);
    const PipelineDocument document = test::documentOf(compact);

    const Result<TextEdit> edit = test::runOperation(document, "removeStage", {"build"});
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QCOMPARE(test::changedLines(compact, changed.text()), diff);
    for (const QString job : {"c", "f", "g", "h", "i"})
        QCOMPARE(needsOf(*changed.pipeline(), job), QStringLiteral("l"));
}

QTEST_GUILESS_MAIN(TestEditFlow)
#include "tst_editflow.moc"
