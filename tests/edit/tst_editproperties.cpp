// Edits of job, stage and gate properties: values replaced in place with their comments
// and quoting, new keys in the file's style, removals, anchors that are refused rather
// than changed behind the user's back, and inputs past the loader's limits.

#include "core/edit/newpipeline.h"
#include "core/edit/propertyedits.h"
#include "editoperation.h"
#include "edittestsupport.h"
#include "testsupport.h"

#include <QTest>

using namespace pw;
using namespace pw::edit;

namespace {

const QByteArray base = "name: p\n"
                        "stages:\n"
                        "  - name: build\n"
                        "    jobs:\n"
                        "      - name: a\n"
                        "        commands: [make]\n"
                        "        timeout: 10m   # generous\n"
                        "        when: 'always'\n"
                        "        env:\n"
                        "          CI: \"true\"\n"
                        "          MODE: fast # quick\n"
                        "  - name: ship\n"
                        "    gate:\n"
                        "      approvers: [alice]\n"
                        "    jobs:\n"
                        "      - name: b\n"
                        "        commands:\n"
                        "          - ./ship.sh\n";

} // namespace

class TestEditProperties : public QObject
{
    Q_OBJECT

private slots:
    void init() { test::failOnWarnings(); }

    void propertyEditChangesOnlyItsLines_data();
    void propertyEditChangesOnlyItsLines();
    void propertyEditIsRefusedWithAMessage_data();
    void propertyEditIsRefusedWithAMessage();
    void sharedAnchorsAreNotChangedBehindTheUsersBack_data();
    void sharedAnchorsAreNotChangedBehindTheUsersBack();
    void inputsPastTheLimitsGiveErrors_data();
    void inputsPastTheLimitsGiveErrors();
    void newPipelineTemplateLoads();
    void editOfAnotherTextIsRefused();
};

void TestEditProperties::propertyEditChangesOnlyItsLines_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("diff");

    QTest::newRow("a new timeout keeps the key's line and its comment")
        << "setJobProperty" << QStringList{"a", "timeout", "1h"}
        << "-        timeout: 10m   # generous\n+        timeout: 1h   # generous";
    QTest::newRow("a quoted value stays quoted as it was")
        << "setJobProperty" << QStringList{"a", "when", "on_failure"}
        << "-        when: 'always'\n+        when: 'on_failure'";
    QTest::newRow("a new key goes after the last key of the job")
        << "setJobProperty" << QStringList{"b", "retry", "2"} << "+        retry: 2";
    QTest::newRow("a new list is written in block style at the file's indentation")
        << "setJobProperty" << QStringList{"a", "secrets", "[TOKEN, KEY]"}
        << "+        secrets:\n+          - TOKEN\n+          - KEY";
    QTest::newRow("new commands replace the old block list line by line")
        << "setJobProperty" << QStringList{"b", "commands", "[./build.sh, ./ship.sh]"}
        << "+          - ./build.sh";
    QTest::newRow("new commands replace the old flow list in flow style")
        << "setJobProperty" << QStringList{"a", "commands", "[make, make check]"}
        << "-        commands: [make]\n+        commands: [make, make check]";
    QTest::newRow("a value that needs quotes gets them")
        << "setJobProperty" << QStringList{"b", "if", "branch == \"main\" || tag =~ \"x: y\""}
        << "+        if: 'branch == \"main\" || tag =~ \"x: y\"'";
    QTest::newRow("allow_failure as a new key")
        << "setJobProperty" << QStringList{"b", "allow_failure", "true"}
        << "+        allow_failure: true";
    QTest::newRow("artifacts as a new map in block style")
        << "setJobProperty" << QStringList{"b", "artifacts", "{paths: dist/, expire_in: 7d}"}
        << "+        artifacts:\n+          paths: dist/\n+          expire_in: 7d";
    QTest::newRow("a removed key takes its line and only its line")
        << "removeJobProperty" << QStringList{"a", "timeout"}
        << "-        timeout: 10m   # generous";
    QTest::newRow("an env variable changed in place keeps its quotes")
        << "setJobEnv" << QStringList{"a", "CI", "false"}
        << "-          CI: \"true\"\n+          CI: \"false\"";
    QTest::newRow("a new env variable goes after the last one")
        << "setJobEnv" << QStringList{"a", "LANG", "C"} << "+          LANG: C";
    QTest::newRow("an env for a job without one")
        << "setJobEnv" << QStringList{"b", "LANG", "C.UTF-8"}
        << "+        env:\n+          LANG: C.UTF-8";
    QTest::newRow("an env variable removed with its comment")
        << "removeJobEnv" << QStringList{"a", "MODE"} << "-          MODE: fast # quick";
    QTest::newRow("a gate approver added to the flow list of approvers")
        << "setGateProperty" << QStringList{"ship", "approvers", "[alice, bob]"}
        << "-      approvers: [alice]\n+      approvers: [alice, bob]";
    QTest::newRow("a gate timeout added to the gate")
        << "setGateProperty" << QStringList{"ship", "timeout", "2h"} << "+      timeout: 2h";
    QTest::newRow("a gate for a stage without one")
        << "setGateProperty" << QStringList{"build", "approvers", "[carol]"}
        << "+    gate:\n+      approvers: [carol]";
    QTest::newRow("a stage condition")
        << "setStageProperty" << QStringList{"build", "if", "branch:main"}
        << "+    if: branch:main";
    QTest::newRow("a stage's gate removed whole")
        << "removeStageProperty" << QStringList{"ship", "gate"}
        << "-    gate:\n-      approvers: [alice]";
}

void TestEditProperties::propertyEditChangesOnlyItsLines()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, diff);
    const PipelineDocument document = test::documentOf(base);
    QVERIFY(document.isValid());

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);

    QCOMPARE(test::changedLines(base, changed.text()), diff);
}

void TestEditProperties::propertyEditIsRefusedWithAMessage_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");

    QTest::newRow("an unknown property, with a suggestion")
        << "setJobProperty" << QStringList{"a", "timout", "1m"}
        << "jobs have no property 'timout'; did you mean 'timeout'?";
    QTest::newRow("an invalid duration, with the loader's message")
        << "setJobProperty" << QStringList{"a", "timeout", "soon"}
        << "the change would make the file invalid: invalid 'timeout': expected a duration "
           "such as \"90s\", \"10m\", \"2h\" or \"1h30m\", got \"soon\" (line 7)";
    QTest::newRow("a retry out of range")
        << "setJobProperty" << QStringList{"a", "retry", "11"}
        << "the change would make the file invalid: 'retry' must be a whole number from 0 to "
           "10, got '11' (line 12)";
    QTest::newRow("the commands of a job cannot be removed")
        << "removeJobProperty" << QStringList{"a", "commands"}
        << "'commands' cannot be removed: every job has one";
    QTest::newRow("a property the job does not have")
        << "removeJobProperty" << QStringList{"b", "timeout"} << "job 'b' has no 'timeout'";
    QTest::newRow("a gate's approvers cannot be removed")
        << "removeGateProperty" << QStringList{"ship", "approvers"}
        << "the change would make the file invalid: 'gate' must be a map with 'approvers', "
           "got nothing (line 13)";
    QTest::newRow("a name is not a property") << "setJobProperty" << QStringList{"a", "name", "x"}
                                              << "a job's name is changed by renaming the job";
}

void TestEditProperties::propertyEditIsRefusedWithAMessage()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const PipelineDocument document = test::documentOf(base);

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);

    QVERIFY(!edit);
    QCOMPARE(edit.error().message, message);
}

void TestEditProperties::sharedAnchorsAreNotChangedBehindTheUsersBack_data()
{
    QTest::addColumn<QString>("operation");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("outcome"); // the message, or "+..." lines of a done edit

    QTest::newRow("an env variable of an aliased env is refused")
        << "setJobEnv" << QStringList{"first", "X", "1"}
        << "'env' of job 'first' is written as '*common-env' (line 11), not as a map of its "
           "own; edit it by hand";
    QTest::newRow("an env variable next to a merge key is the job's own")
        << "setJobEnv" << QStringList{"second", "X", "1"} << "+          X: 1";
    QTest::newRow(
        "commands that alias shared ones are replaced at the alias only, in the file's style")
        << "setJobProperty" << QStringList{"first", "commands", "[echo own]"}
        << "-        commands: *common-commands\n+        commands: [echo own]";
    QTest::newRow("a change inside the shared anchor itself is refused")
        << "setJobEnv" << QStringList{"third", "SHARED", "no"} << QString();
    QTest::newRow("a change inside a job that another job merges is refused")
        << "setJobProperty" << QStringList{"base", "timeout", "2m"}
        << "this part of the file is the anchor '&base' (line 20), which line 25 uses as "
           "'*base'; changing it would change every place that uses it, so edit the text by "
           "hand";
    QTest::newRow("a job whose item is anchored may still be edited when nothing aliases it")
        << "setJobProperty" << QStringList{"third", "retry", "1"} << "+        retry: 1";
}

void TestEditProperties::sharedAnchorsAreNotChangedBehindTheUsersBack()
{
    QFETCH(QString, operation);
    QFETCH(QStringList, arguments);
    QFETCH(QString, outcome);
    QByteArray text = test::editData(QStringLiteral("anchors.yml"));
    text += "      - &base\n"
            "        name: base\n"
            "        commands: [echo base]\n"
            "        timeout: 1m\n"
            "      - name: merged\n"
            "        <<: *base\n";
    if (outcome.isEmpty()) {
        // The third job gets an env that aliases the shared one, then edits a variable.
        text.replace("commands: [echo third]", "commands: [echo third]\n        env: *common-env");
        outcome = "'env' of job 'third' is written as '*common-env' (line 20), not as a map of "
                  "its own; edit it by hand";
    }
    const PipelineDocument document = test::documentOf(text);
    QVERIFY(document.isValid());

    const Result<TextEdit> edit = test::runOperation(document, operation, arguments);

    if (!outcome.startsWith(QLatin1Char('+')) && !outcome.startsWith(QLatin1Char('-'))) {
        QVERIFY(!edit);
        QCOMPARE(edit.error().message, outcome);
        return;
    }
    QVERIFY2(edit, test::why(edit).constData());
    bool ok = false;
    const PipelineDocument changed = test::appliedAndUndone(document, *edit, &ok);
    QVERIFY(ok);
    QCOMPARE(test::changedLines(text, changed.text()), outcome);
    QCOMPARE(changed.pipeline()->findJob("second")->commands, QStringList{"echo shared"});
}

void TestEditProperties::inputsPastTheLimitsGiveErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("message");

    QTest::newRow("lists nested past the limit")
        << QByteArray("name: p\nstages: ") + QByteArray(5000, '[') + QByteArray(5000, ']')
        << "lists and maps are nested more than 200 levels deep here";
    QTest::newRow("a file past the size limit")
        << QByteArray("name: p\n# ") + QByteArray(17 * 1024 * 1024, 'x')
        << "the file is larger than 16 MiB, the most a pipeline file may hold";
}

void TestEditProperties::inputsPastTheLimitsGiveErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, message);

    const PipelineDocument document = test::documentOf(text);

    QVERIFY(!document.isValid());
    QVERIFY(!document.syntaxTree());
    QCOMPARE(document.diagnostics().value(0).message, message);
    QVERIFY(!document.jobRange("a"));
    const Result<TextEdit> edit =
        test::runOperation(document, "setJobProperty", {"a", "retry", "1"});
    QVERIFY(!edit);
    QVERIFY2(edit.error().message.contains(message), test::why(edit).constData());
}

void TestEditProperties::newPipelineTemplateLoads()
{
    const PipelineDocument document = test::documentOf(newPipelineText("web shop"));

    QVERIFY2(document.isValid(), qPrintable(document.diagnostics().value(0).toString()));
    QCOMPARE(document.pipeline()->name, QStringLiteral("web shop"));
    QVERIFY(document.text().startsWith("# "));
    QVERIFY(document.pipeline()->findJob("compile"));
}

void TestEditProperties::editOfAnotherTextIsRefused()
{
    PipelineDocument document = test::documentOf(base);
    const Result<TextEdit> edit = test::runOperation(document, "setJobEnv", {"a", "X", "1"});
    QVERIFY2(edit, test::why(edit).constData());
    // The same bytes where the edit goes, but another text.
    document.setText(QByteArray(base).replace("10m", "11m"));

    const Status applied = document.apply(*edit);

    QVERIFY(!applied);
    QCOMPARE(applied.error().message,
             QStringLiteral("the edit was made for another version of the text"));
}

QTEST_GUILESS_MAIN(TestEditProperties)
#include "tst_editproperties.moc"
