// Edits of stages, jobs and needs: the exact lines each changes, the meaning of the edited
// file, the undo, and the messages of edits that cannot be made.

#include "editoperation.h"
#include "edittestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;
using namespace pw::edit;

namespace {

const QByteArray base = "# Edit tests.\n"
                        "name: p\n"
                        "stages:\n"
                        "  - name: build\n"
                        "    jobs:\n"
                        "      # The first job.\n"
                        "      - name: a\n"
                        "        commands: [make]   # build it\n"
                        "      - name: b\n"
                        "        needs: [a]\n"
                        "        commands: [make b]\n"
                        "  # Tests.\n"
                        "  - name: test\n"
                        "    jobs:\n"
                        "      - name: c\n"
                        "        needs:\n"
                        "          - a\n"
                        "          - b # both\n"
                        "        commands:\n"
                        "          - make test\n";

QStringList needsOf(const Pipeline &pipeline, const QString &job)
{
    QStringList names;
    for (const JobNeed &need : pipeline.findJob(job)->needs)
        names.append(need.job);
    return names;
}

// Checks one fact of the edited pipeline, written as "needs c: a,b", "jobs build: a,b",
// "stages: build,test" or "needsGiven c".
QString checkMeaning(const Pipeline &pipeline, const QString &fact)
{
    const QString subject = fact.section(QLatin1Char(':'), 0, 0);
    const QString expected = fact.section(QLatin1Char(':'), 1).trimmed();
    const QString what = subject.section(QLatin1Char(' '), 0, 0);
    const QString name = subject.section(QLatin1Char(' '), 1);
    QString actual;
    if (what == "needs") {
        actual = needsOf(pipeline, name).join(QLatin1Char(','));
    } else if (what == "needsGiven") {
        actual = pipeline.findJob(name)->needsGiven ? QStringLiteral("yes") : QStringLiteral("no");
    } else if (what == "stages") {
        QStringList names;
        for (const Stage &stage : pipeline.stages)
            names.append(stage.name);
        actual = names.join(QLatin1Char(','));
    } else if (what == "jobs") {
        QStringList names;
        for (const Stage &stage : pipeline.stages) {
            for (const Job &job : stage.jobs) {
                if (stage.name == name)
                    names.append(job.name);
            }
        }
        actual = names.join(QLatin1Char(','));
    } else if (what == "commands") {
        actual = pipeline.findJob(name)->commands.join(QLatin1Char(','));
    }
    return actual == expected
               ? QString()
               : QStringLiteral("%1: got '%2', expected '%3'").arg(subject, actual, expected);
}

} // namespace

class TestEditJobs : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void editChangesOnlyItsLines_data();
    void editChangesOnlyItsLines();
    void editIsRefusedWithAMessage_data();
    void editIsRefusedWithAMessage();
    void flowStyleListsKeepTheirStyle_data();
    void flowStyleListsKeepTheirStyle();
    void crlfFilesGetCrlfLines();
    void invalidTextKeepsTheLastValidPipeline();
    void rangesPointAtStagesJobsAndKeys();
};

void TestEditJobs::editChangesOnlyItsLines_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("diff");
    QTest::addColumn<QStringList>("meaning");

    QTest::newRow("a new job goes after the last job of its stage, in the file's style")
        << "addJob" << QStringList{"build", "d", "make d"}
        << "+      - name: d\n+        commands: [make d]"
        << QStringList{"jobs build: a,b,d", "commands d: make d"};
    QTest::newRow("a renamed job is renamed in the needs of other jobs too")
        << "renameJob" << QStringList{"a", "compile"}
        << "-      - name: a\n+      - name: compile\n-        needs: [a]\n"
           "+        needs: [compile]\n-          - a\n+          - compile"
        << QStringList{"needs b: compile", "needs c: compile,b"};
    QTest::newRow("a removed job takes its comment and the needs on it")
        << "removeJob" << QStringList{"a"}
        << "-      # The first job.\n-      - name: a\n-        commands: [make]   # build it\n"
           "-        needs: [a]\n+        needs: []\n-          - a"
        << QStringList{"jobs build: b", "needs b: ", "needsGiven b: yes"};
    QTest::newRow("a job moved to another stage is indented as its jobs are")
        << "moveJob" << QStringList{"b", "test"}
        << "-      - name: b\n-        needs: [a]\n-        commands: [make b]\n"
           "+      - name: b\n+        needs: [a]\n+        commands: [make b]"
        << QStringList{"jobs build: a", "jobs test: c,b"};
    QTest::newRow("a job moved within its stage goes before the given job")
        << "moveJob" << QStringList{"b", "build", "0"}
        << "+      - name: b\n+        needs: [a]\n+        commands: [make b]\n"
           "-      - name: b\n-        needs: [a]\n-        commands: [make b]"
        << QStringList{"jobs build: b,a"};
    QTest::newRow("a new stage goes before the given stage with its first job")
        << "addStage" << QStringList{"lint", "1", "style", "make style"}
        << "+  - name: lint\n+    jobs:\n+      - name: style\n+        commands: [make style]"
        << QStringList{"stages: build,lint,test", "jobs lint: style"};
    QTest::newRow("a new stage at the end")
        << "addStage" << QStringList{"deploy", "-1", "ship", "./ship.sh"}
        << "+  - name: deploy\n+    jobs:\n+      - name: ship\n+        commands: [./ship.sh]"
        << QStringList{"stages: build,test,deploy"};
    QTest::newRow("a renamed stage changes only its name")
        << "renameStage" << QStringList{"test", "check"} << "-  - name: test\n+  - name: check"
        << QStringList{"stages: build,check"};
    QTest::newRow("a removed stage takes its jobs and its comment")
        << "removeStage" << QStringList{"test"}
        << "-  # Tests.\n-  - name: test\n-    jobs:\n-      - name: c\n-        needs:\n"
           "-          - a\n-          - b # both\n-        commands:\n-          - make test"
        << QStringList{"stages: build"};
    QTest::newRow("a need removed from a block list takes its line and comment")
        << "removeNeed" << QStringList{"c", "b"} << "-          - b # both"
        << QStringList{"needs c: a"};
    QTest::newRow("the last need removed leaves an empty list, not the stage order")
        << "removeNeed" << QStringList{"b", "a"} << "-        needs: [a]\n+        needs: []"
        << QStringList{"needs b: ", "needsGiven b: yes"};
}

void TestEditJobs::editChangesOnlyItsLines()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, diff);
    QFETCH(QStringList, meaning);
    const PipelineDocument document = test::documentOf(base);
    QVERIFY(document.isValid());

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QCOMPARE(test::changedLines(base, changed.text()), diff);
    for (const QString &fact : meaning) {
        const QString problem = checkMeaning(*changed.pipeline(), fact);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }
}

void TestEditJobs::editIsRefusedWithAMessage_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("an unknown job, with a suggestion")
        << "renameJob" << QStringList{"bb", "x"} << "there is no job 'bb'; did you mean 'b'?";
    QTest::newRow("a rename to a name another job has")
        << "renameJob" << QStringList{"a", "c"} << "there is already a job 'c', in stage 'test'";
    QTest::newRow("a new job with the name of another")
        << "addJob" << QStringList{"test", "b", "x"}
        << "there is already a job 'b', in stage 'build'";
    QTest::newRow("a new job without commands")
        << "addJob" << QStringList{"test", "d"} << "job 'd' needs at least one command";
    QTest::newRow("a job into an unknown stage")
        << "addJob" << QStringList{"tests", "d", "x"}
        << "there is no stage 'tests'; did you mean 'test'?";
    QTest::newRow("a need that closes a cycle names the cycle")
        << "addNeed" << QStringList{"a", "b"}
        << "the change would make the file invalid: needs form a cycle: a -> b -> a (line 7)";
    QTest::newRow("a need on a job of a later stage")
        << "addNeed" << QStringList{"b", "c"}
        << "the change would make the file invalid: job 'b' in stage 'build' cannot need 'c' "
           "of the later stage 'test' (line 10)";
    QTest::newRow("a need the job already has")
        << "addNeed" << QStringList{"c", "a"} << "job 'c' already needs 'a'";
    QTest::newRow("a need of a job on itself")
        << "addNeed" << QStringList{"c", "c"} << "job 'c' cannot need itself";
    QTest::newRow("a need on no job")
        << "addNeed" << QStringList{"c", "zz"} << "there is no job 'zz'";
    QTest::newRow("a need the job does not have")
        << "removeNeed" << QStringList{"a", "b"} << "job 'a' does not need 'b'";
    QTest::newRow("the only job of a stage")
        << "removeJob" << QStringList{"c"}
        << "job 'c' is the only job of stage 'test'; remove the stage instead";
    QTest::newRow("a move that leaves a stage empty")
        << "moveJob" << QStringList{"c", "build"}
        << "job 'c' is the only job of stage 'test'; a stage needs at least one job";
    QTest::newRow("a move that puts a job before what it needs")
        << "moveStage" << QStringList{"test", "0"}
        << "the change would make the file invalid: job 'c' in stage 'test' cannot need 'a' "
           "of the later stage 'build' (line 9)";
    QTest::newRow("a stage with the name of another")
        << "renameStage" << QStringList{"build", "test"} << "there is already a stage 'test'";
    QTest::newRow("a job name the loader does not accept")
        << "renameJob" << QStringList{"a", " a "}
        << "the change would make the file invalid: 'name' must not begin or end with spaces "
           "(line 7)";
}

void TestEditJobs::editIsRefusedWithAMessage()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const PipelineDocument document = test::documentOf(base);

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);

    QVERIFY(!edit);
    QCOMPARE(edit.error().message, message);
}

void TestEditJobs::flowStyleListsKeepTheirStyle_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("diff");

    QTest::newRow("a need added to a flow list")
        << "addNeed" << QStringList{"c", "a"} << "-        needs: [b]\n+        needs: [b, a]";
    QTest::newRow("a need added where there were none, in the file's flow style")
        << "addNeed" << QStringList{"b", "a"} << "+        needs: [a]";
    QTest::newRow("the first of two needs removed")
        << "removeNeed" << QStringList{"d", "b"}
        << "-      - {name: d, needs: [b, c], commands: [x]}\n"
           "+      - {name: d, needs: [c], commands: [x]}";
    QTest::newRow("a job added to a flow map list")
        << "addJob" << QStringList{"test", "e", "run e"}
        << "+      - name: e\n+        commands: [run e]";
    QTest::newRow("a job renamed inside a flow map")
        << "renameJob" << QStringList{"c", "see"}
        << "-      - name: c\n+      - name: see\n-      - {name: d, needs: [b, c], commands: "
           "[x]}\n"
           "+      - {name: d, needs: [b, see], commands: [x]}";
}

void TestEditJobs::flowStyleListsKeepTheirStyle()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, diff);
    const QByteArray text = "name: p\n"
                            "stages:\n"
                            "  - name: build\n"
                            "    jobs:\n"
                            "      - name: a\n"
                            "        commands: [x]\n"
                            "      - name: b\n"
                            "        commands: [make b]\n"
                            "  - name: test\n"
                            "    jobs:\n"
                            "      - name: c\n"
                            "        needs: [b]\n"
                            "        commands: [x]\n"
                            "      - {name: d, needs: [b, c], commands: [x]}\n";
    const PipelineDocument document = test::documentOf(text);

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QCOMPARE(test::changedLines(text, changed.text()), diff);
}

void TestEditJobs::crlfFilesGetCrlfLines()
{
    QByteArray text = base;
    text.replace("\n", "\r\n");
    const PipelineDocument document = test::documentOf(text);

    const Result<TextEdit> edit = test::runOperation(document, "addJob", {"build", "d", "x"});
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QVERIFY(changed.text().contains("[make b]\r\n      - name: d\r\n        commands: [x]\r\n"));
    QCOMPARE(changed.text().count("\n"), changed.text().count("\r\n"));
}

void TestEditJobs::invalidTextKeepsTheLastValidPipeline()
{
    PipelineDocument document = test::documentOf(base);
    QByteArray broken = base;
    broken.replace("needs: [a]", "neds: [a]");

    document.setText(broken);

    QVERIFY(!document.isValid());
    QCOMPARE(document.text(), broken);
    QVERIFY(!document.pipeline());
    QVERIFY(document.lastValidPipeline());
    QVERIFY(document.lastValidPipeline()->findJob("b")->needsGiven);
    QCOMPARE(document.diagnostics().value(0).location.line, 10);
    QVERIFY2(document.diagnostics().value(0).message.contains("did you mean 'needs'?"),
             qPrintable(document.diagnostics().value(0).message));
    QCOMPARE(document.jobRange("b")->firstLine, 9);
    const Result<TextEdit> edit = test::runOperation(document, "removeJob", {"a"});
    QVERIFY(!edit);
    QVERIFY2(edit.error().message.startsWith("the file has errors; fix them in the text"),
             qPrintable(edit.error().message));
}

void TestEditJobs::rangesPointAtStagesJobsAndKeys()
{
    const PipelineDocument document = test::documentOf(base);

    QCOMPARE(document.stageRange("build")->firstLine, 4);
    QCOMPARE(document.stageRange("build")->lastLine, 11);
    QCOMPARE(document.stageRange("test")->firstLine, 12);
    QCOMPARE(document.stageRange("test")->lastLine, 20);
    QCOMPARE(document.jobRange("a")->firstLine, 6);
    QCOMPARE(document.jobRange("a")->lastLine, 8);
    QCOMPARE(document.jobKeyRange("c", "needs")->firstLine, 16);
    QCOMPARE(document.jobKeyRange("c", "needs")->lastLine, 18);
    QCOMPARE(document.stageKeyRange("test", "jobs")->firstLine, 14);
    QCOMPARE(document.topLevelKeyRange("name")->firstLine, 2);
    QVERIFY(!document.jobRange("zz"));
    QVERIFY(!document.jobKeyRange("a", "needs"));
}

QTEST_GUILESS_MAIN(TestEditJobs)
#include "tst_editjobs.moc"
