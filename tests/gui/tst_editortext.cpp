// The pipeline editor's text and panels driven as a user drives them, offscreen: typing in
// the YAML view, its problems, the property and stage panels, running from the editor,
// saving, GitLab files and the new-pipeline template.
#include "core/vcs/gitrepository.h"
#include "editorfixture.h"
#include "gitfolder.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/editor/editordocument.h"
#include "widgets/editor/editorscene.h"
#include "widgets/editor/graphitems.h"
#include "widgets/editor/graphview.h"
#include "widgets/editor/pipelineeditor.h"
#include "widgets/editor/propertypanel.h"
#include "widgets/editor/yamlview.h"
#include "widgets/mainwindow.h"
#include "widgets/run/runcontroller.h"
#include "widgets/run/runmodel.h"
#include "widgets/run/runmonitor.h"

#include <QAction>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

using namespace pw;
using namespace pw::gui;
using namespace pw::test;

class EditorTextTest : public EditorFixture
{
    Q_OBJECT

private slots:
    void typingInTheYamlViewRedrawsTheGraph();
    void invalidTextShowsItsErrorsAndKeepsTheGraph();
    void clickingAProblemSelectsItsJobAndLine();
    void propertyPanelEditChangesTheText();
    void invalidPropertyShowsItsMessageAndIsNotApplied_data();
    void invalidPropertyShowsItsMessageAndIsNotApplied();
    void stagePanelEditsTheGate();
    void runInTheEditorStartsTheRunAndShowsItsMonitor();
    void savingWritesTheSameBytesWhenNothingChanged();
    void saveAsWritesTheEditedTextAndMarksItSaved();
    void gitLabFilesAreReadOnlyAndConvert();
    void newPipelineFromTheTemplateIsValid();
};

void EditorTextTest::typingInTheYamlViewRedrawsTheGraph()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    YamlView *yaml = editor->yamlView();
    yaml->setFocus();
    yaml->moveCursor(QTextCursor::End);
    type(yaml, "      - name: d\n        needs: [c]\n        commands: [x]\n");

    QTRY_VERIFY(editor->scene().node("d"));
    QVERIFY(editor->scene().edge("c", "d"));
    QCOMPARE(editor->document().text(),
             editorBase + "      - name: d\n        needs: [c]\n        commands: [x]\n");
    // The typing is one undo step, which takes it all back.
    QCOMPARE(editor->document().undoStack()->count(), 1);
    editor->undoAction()->trigger();
    QCOMPARE(editor->document().text(), editorBase);
    QVERIFY(!editor->scene().node("d"));
}

void EditorTextTest::invalidTextShowsItsErrorsAndKeepsTheGraph()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    YamlView *yaml = editor->yamlView();
    yaml->setFocus();
    // After "        commands: [make]   # build it" (line 7): an unknown key on line 8.
    QTextCursor cursor(yaml->document()->findBlockByNumber(7));
    yaml->setTextCursor(cursor);
    type(yaml, "        neds: [a]\n");

    QTRY_VERIFY(editor->problemsList()->count() > 0);
    const QString problem = editor->problemsList()->item(0)->text();
    QVERIFY2(problem.contains("line 8") && problem.contains("neds"), qPrintable(problem));
    QVERIFY2(problem.contains("needs"), qPrintable(problem)); // the suggestion
    QVERIFY(!editor->problemsList()->isHidden());
    QCOMPARE(yaml->extraSelections().size(), editor->problemsList()->count());
    QCOMPARE(yaml->extraSelections().first().cursor.blockNumber(), 7);
    // The graph is that of the last valid text.
    QCOMPARE(nodeNames(editor->scene()), (QStringList{"a", "b", "c"}));
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});
    // Graph edits need a valid text, and say so.
    QVERIFY(!editor->connectJobs("b", "c"));
    QVERIFY(!editor->statusLine()->text().isEmpty());
}

void EditorTextTest::clickingAProblemSelectsItsJobAndLine()
{
    QByteArray text = editorBase;
    text.replace("      - name: c\n        commands: [make test]\n",
                 "      - name: c\n        retry: 99\n        commands: [make test]\n");
    PipelineEditor *editor = openText(text);
    QVERIFY(editor);
    QVERIFY(editor->problemsList()->count() > 0);
    // No text was valid yet: the graph sketches the jobs and needs the text writes.
    QCOMPARE(nodeNames(editor->scene()), (QStringList{"a", "b", "c"}));
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});
    QVERIFY(editor->scene().selectedJob().isEmpty());
    QListWidgetItem *item = editor->problemsList()->item(0);
    QVERIFY2(item->text().contains("line 14"), qPrintable(item->text()));
    const QRect where = editor->problemsList()->visualItemRect(item);
    QTest::mouseClick(editor->problemsList()->viewport(), Qt::LeftButton, {}, where.center());
    QCOMPARE(editor->yamlView()->textCursor().blockNumber(), 13);
    QCOMPARE(editor->scene().selectedJob(), QStringLiteral("c"));
}

void EditorTextTest::propertyPanelEditChangesTheText()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    GraphView *view = editor->graphView();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      viewPointOf(view, editor->scene().node("a")));
    QCOMPARE(editor->scene().selectedJob(), QStringLiteral("a"));

    auto *timeout = qobject_cast<QLineEdit *>(editor->propertyPanel()->field("timeout"));
    QVERIFY(timeout);
    timeout->setFocus();
    QTest::keyClicks(timeout, "5m");
    QTest::keyClick(timeout, Qt::Key_Return);

    QCOMPARE(addedLines(editorBase, editor->document().text()), QStringList{"        timeout: 5m"});
    QVERIFY(editor->propertyPanel()->problemOf("timeout")->isHidden());
    QCOMPARE(editor->document().undoStack()->count(), 1);
}

void EditorTextTest::invalidPropertyShowsItsMessageAndIsNotApplied_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("message");

    QTest::newRow("a timeout that is no duration") << "timeout"
                                                   << "5 parsecs"
                                                   << "unknown time unit \"parsecs\"";
    QTest::newRow("more retries than allowed") << "retry"
                                               << "11"
                                               << "retry";
    QTest::newRow("an expression that does not parse") << "if"
                                                       << "branch =="
                                                       << "line";
    QTest::newRow("a name another job has") << "name"
                                            << "b"
                                            << "'b'";
}

void EditorTextTest::invalidPropertyShowsItsMessageAndIsNotApplied()
{
    QFETCH(QString, key);
    QFETCH(QString, typed);
    QFETCH(QString, message);

    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    editor->scene().selectJob("a");
    auto *field = qobject_cast<QLineEdit *>(editor->propertyPanel()->field(key));
    QVERIFY(field);
    field->setFocus();
    field->selectAll();
    QTest::keyClicks(field, typed);

    // Checked as typed, before editing finishes.
    QLabel *problem = editor->propertyPanel()->problemOf(key);
    QVERIFY(!problem->isHidden());
    QVERIFY2(problem->text().contains(message), qPrintable(problem->text()));

    QTest::keyClick(field, Qt::Key_Return);
    QCOMPARE(editor->document().text(), editorBase);
    QVERIFY(!editor->document().undoStack()->canUndo());
}

void EditorTextTest::stagePanelEditsTheGate()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    editor->scene().selectStage("test");
    auto *approvers = qobject_cast<QLineEdit *>(editor->propertyPanel()->field("gate.approvers"));
    QVERIFY(approvers);
    approvers->setFocus();
    QTest::keyClicks(approvers, "alice, bob");
    QTest::keyClick(approvers, Qt::Key_Return);

    const auto pipeline = editor->document().document().pipeline();
    QVERIFY(pipeline);
    QVERIFY(pipeline->stages.at(1).gate);
    QCOMPARE(pipeline->stages.at(1).gate->approvers, (QStringList{"alice", "bob"}));
    QVERIFY(editor->scene().lane("test")->toolTip().contains("alice, bob"));
}

void EditorTextTest::runInTheEditorStartsTheRunAndShowsItsMonitor()
{
    const QString branch = QStringLiteral("editor-run");
    QVERIFY(test::initGitRepository(folder(), branch));
    QVERIFY(test::git(folder(), {"commit", "-q", "--allow-empty", "-m", "start"}));
    const QByteArray text = "name: editor-run\n"
                            "stages:\n"
                            "  - name: build\n"
                            "    jobs:\n"
                            "      - name: hello\n"
                            "        commands: [echo hello from the editor]\n";
    QVERIFY(writeFile(pathOf("pipewright.yml"), text));
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.editPipeline(pathOf("pipewright.yml"));
    PipelineEditor *editor = window.editor();
    QTRY_COMPARE(window.tabs()->currentWidget(), editor);
    // An edit not saved yet: Run saves it first, and the run has the new job.
    QVERIFY(editor->addJob("build"));

    QSignalSpy finished(window.controller(), &RunController::runFinished);
    QToolButton *run = buttonOf(editor, editor->runAction());
    QVERIFY(run);
    QTest::mouseClick(run, Qt::LeftButton);

    // No dialog asks first: the monitor shows the run at once, as the dialog would start it.
    RunMonitor *monitor = window.monitor();
    QTRY_COMPARE_WITH_TIMEOUT(window.tabs()->currentWidget(), monitor, 30000);
    QVERIFY(monitor->isLive());
    QVERIFY(!window.findChild<QDialog *>(QStringLiteral("runDialog")));
    QTRY_VERIFY_WITH_TIMEOUT(allJobsFinished(monitor->runModel()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 30000);
    const RunRecord &record = monitor->runModel().run();
    QCOMPARE(keyword(record.status), QStringLiteral("success"));
    QCOMPARE(record.jobs.size(), 2);
    QCOMPARE(record.branch, branch);
    const auto git = readGitState(folder());
    QVERIFY(git.ok());
    QCOMPARE(record.commit, git->commit);
    QCOMPARE(readFile(pathOf("pipewright.yml")), editor->document().text());
    QVERIFY(!editor->isModified());
}

void EditorTextTest::savingWritesTheSameBytesWhenNothingChanged()
{
    // A file with what a loader drops: comments, odd spacing, quoting, CRLF line ends.
    QByteArray text = editorBase;
    text.replace("commands: [make b]", "commands: [ 'make b' ]  ");
    text.replace("\n", "\r\n");
    PipelineEditor *editor = openText(text);
    QVERIFY(editor);
    editor->saveAction()->trigger();
    QCOMPARE(readFile(pathOf("pipewright.yml")), text);

    // An edit and its undo leave the bytes as they were, and so does typing and taking
    // it back in the text view.
    QVERIFY(editor->connectJobs("b", "c"));
    editor->undoAction()->trigger();
    editor->yamlView()->moveCursor(QTextCursor::End);
    QTest::keyClicks(editor->yamlView(), "x");
    QTest::keyClick(editor->yamlView(), Qt::Key_Backspace);
    editor->yamlView()->commitTyping();
    editor->saveAction()->trigger();
    QCOMPARE(readFile(pathOf("pipewright.yml")), text);
    QVERIFY(!editor->isModified());
}

void EditorTextTest::saveAsWritesTheEditedTextAndMarksItSaved()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    QVERIFY(editor->connectJobs("b", "c"));
    QVERIFY(editor->isModified());
    QVERIFY(editor->document().saveAs(pathOf("copy.yml")));
    QCOMPARE(readFile(pathOf("copy.yml")), editor->document().text());
    QCOMPARE(readFile(pathOf("pipewright.yml")), editorBase);
    QVERIFY(!editor->isModified());
    QCOMPARE(editor->title(), QStringLiteral("copy.yml"));
}

void EditorTextTest::gitLabFilesAreReadOnlyAndConvert()
{
    const QByteArray gitlab = "stages: [build, test]\n"
                              "compile:\n"
                              "  stage: build\n"
                              "  script: [make]\n"
                              "check:\n"
                              "  stage: test\n"
                              "  needs: [compile]\n"
                              "  script: [make check]\n";
    PipelineEditor *editor = openText(gitlab, ".gitlab-ci.yml");
    QVERIFY(editor);
    QVERIFY(editor->document().isReadOnly());
    QVERIFY(editor->yamlView()->isReadOnly());
    QCOMPARE(edgeNames(editor->scene()), QStringList{"compile->check"});
    QVERIFY(editor->convertAction()->isVisible());
    QVERIFY(!editor->connectJobs("compile", "check"));
    QVERIFY(editor->statusLine()->text().contains("GitLab"));

    editor->convertAction()->trigger();
    QVERIFY(!editor->document().isReadOnly());
    QVERIFY(editor->document().document().isValid());
    QVERIFY(editor->isModified());
    QCOMPARE(editor->document().suggestedPath(), pathOf("pipewright.yml"));
    QCOMPARE(edgeNames(editor->scene()), QStringList{"compile->check"});
    QVERIFY(editor->addJob("test"));
}

void EditorTextTest::newPipelineFromTheTemplateIsValid()
{
    PipelineEditor editor;
    editor.newPipeline(pathOf("new.yml"));
    QVERIFY(editor.document().document().isValid());
    QVERIFY(editor.document().filePath().isEmpty());
    QVERIFY(!editor.scene().nodes().isEmpty());
    QCOMPARE(editor.title(), QStringLiteral("untitled"));
    QVERIFY(editor.addStage(-1));
    QCOMPARE(editor.scene().lanes().size(), 2);
}

QTEST_MAIN(EditorTextTest)
#include "tst_editortext.moc"
