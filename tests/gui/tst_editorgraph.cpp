// The pipeline editor's graph driven as a user drives it, offscreen: an example's graph and
// badges, drags that connect jobs (and refusals), undo and redo back to the exact bytes,
// deleting a need, and moving and pinning jobs.
#include "editorfixture.h"
#include "testsupport.h"
#include "widgets/editor/editordocument.h"
#include "widgets/editor/editorscene.h"
#include "widgets/editor/graphitems.h"
#include "widgets/editor/graphview.h"
#include "widgets/editor/pinnedpositions.h"
#include "widgets/editor/pipelineeditor.h"
#include "widgets/editor/yamlview.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QTest>
#include <QUndoStack>

using namespace pw;
using namespace pw::gui;
using namespace pw::test;

class EditorGraphTest : public EditorFixture
{
    Q_OBJECT

private slots:
    void openingAnExampleShowsItsGraph_data();
    void openingAnExampleShowsItsGraph();
    void badgesMarkGatesAndConditions();
    void draggingFromOneJobToAnotherAddsExactlyTheNeedLine();
    void refusedConnectionsSayWhyAndLeaveTheText_data();
    void refusedConnectionsSayWhyAndLeaveTheText();
    void undoAndRedoGiveBackTheExactBytes();
    void keyboardUndoWorksInTheGraphAndTheText();
    void selectedEdgeIsDeletedWithTheDeleteKey();
    void draggingANodeIntoAnotherLaneMovesTheJob();
    void draggingANodeWithinItsLanePinsIt();
    void pinnedNodesStayForTheNextOpening_data();
    void pinnedNodesStayForTheNextOpening();
};

void EditorGraphTest::openingAnExampleShowsItsGraph_data()
{
    QTest::addColumn<QString>("example");
    QTest::addColumn<QStringList>("lanes");
    QTest::addColumn<QStringList>("nodes");
    QTest::addColumn<QStringList>("edges");

    QTest::newRow("hello shows three lanes, four jobs and the need of package on unit")
        << "hello" << QStringList{"verify", "build", "report"}
        << QStringList{"lint", "package", "summary", "unit"} << QStringList{"unit->package"};
    QTest::newRow("webapp shows its three stages and e2e needing unit")
        << "webapp" << QStringList{"verify", "integration", "deploy"}
        << QStringList{"e2e", "lint", "notify", "ship", "unit"} << QStringList{"unit->e2e"};
}

void EditorGraphTest::openingAnExampleShowsItsGraph()
{
    QFETCH(QString, example);
    QFETCH(QStringList, lanes);
    QFETCH(QStringList, nodes);
    QFETCH(QStringList, edges);

    const QString path = test::sourceDir() + "/examples/" + example + "/pipewright.yml";
    PipelineEditor *editor = openText(readFile(path));
    QVERIFY(editor);
    QCOMPARE(laneNames(editor->scene()), lanes);
    QCOMPARE(nodeNames(editor->scene()), nodes);
    QCOMPARE(edgeNames(editor->scene()), edges);
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), readFile(path));
    QVERIFY(editor->problemsList()->isHidden());

    // Each lane holds its stage's nodes.
    for (const JobNodeItem *node : editor->scene().nodes()) {
        const LaneItem *lane = editor->scene().laneAt(node->sceneBoundingRect().center());
        QVERIFY2(lane, qPrintable(node->job()));
        QCOMPARE(lane->stage(), node->stage());
    }
}

void EditorGraphTest::badgesMarkGatesAndConditions()
{
    const QByteArray text = "name: g\n"
                            "on: {branches: [main]}\n"
                            "stages:\n"
                            "  - name: build\n"
                            "    jobs:\n"
                            "      - name: a\n"
                            "        commands: [make]\n"
                            "        if: branch == \"main\"\n"
                            "      - name: b\n"
                            "        when: always\n"
                            "        allow_failure: true\n"
                            "        commands: [make]\n"
                            "  - name: ship\n"
                            "    gate: {approvers: [alice]}\n"
                            "    jobs:\n"
                            "      - name: c\n"
                            "        commands: [ship]\n";
    PipelineEditor *editor = openText(text);
    QVERIFY(editor);
    QCOMPARE(badgesOf(editor->scene().node("a")), QStringList{"if"});
    QCOMPARE(badgesOf(editor->scene().node("b")), (QStringList{"always", "may fail"}));
    QVERIFY(editor->scene().lane("ship")->toolTip().contains("alice"));
    QVERIFY(editor->scene().node("a")->toolTip().contains("branch == \"main\""));
}

void EditorGraphTest::draggingFromOneJobToAnotherAddsExactlyTheNeedLine()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);

    dragToConnect(*editor, "b", "c");

    QTRY_COMPARE(addedLines(editorBase, editor->document().text()),
                 QStringList{"        needs: [b]"});
    QVERIFY(editor->scene().edge("b", "c"));
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), editor->document().text());
    QCOMPARE(editor->title(), QStringLiteral("pipewright.yml*"));
}

void EditorGraphTest::refusedConnectionsSayWhyAndLeaveTheText_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");

    QTest::newRow("a need that closes a cycle names the cycle") << "b"
                                                                << "a"
                                                                << "cycle";
    QTest::newRow("a need on a job of a later stage is refused") << "c"
                                                                 << "a"
                                                                 << "later stage";
    QTest::newRow("a need that is there already is not added twice") << "a"
                                                                     << "b"
                                                                     << "job 'b' already needs 'a'";
}

void EditorGraphTest::refusedConnectionsSayWhyAndLeaveTheText()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);

    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    dragToConnect(*editor, from, to);

    QTRY_VERIFY2(editor->statusLine()->text().contains(message),
                 qPrintable(editor->statusLine()->text()));
    QCOMPARE(editor->document().text(), editorBase);
    QVERIFY(!editor->document().undoStack()->canUndo());
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});
}

void EditorGraphTest::undoAndRedoGiveBackTheExactBytes()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    QVERIFY(editor->connectJobs("b", "c"));
    QVERIFY(editor->addJob("test"));
    QVERIFY(editor->moveJob("b", "test"));
    const QByteArray edited = editor->document().text();

    for (int i = 0; i < 3; ++i)
        editor->undoAction()->trigger();
    QCOMPARE(editor->document().text(), editorBase);
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), editorBase);
    QVERIFY(!editor->isModified());
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});

    for (int i = 0; i < 3; ++i)
        editor->redoAction()->trigger();
    QCOMPARE(editor->document().text(), edited);
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), edited);
    QVERIFY(editor->scene().node("job-1"));
}

void EditorGraphTest::keyboardUndoWorksInTheGraphAndTheText()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    QApplication::setActiveWindow(editor);
    QVERIFY(QTest::qWaitForWindowActive(editor));

    QVERIFY(editor->connectJobs("b", "c"));
    editor->graphView()->setFocus();
    QTest::keySequence(editor->graphView(), QKeySequence::Undo);
    QCOMPARE(editor->document().text(), editorBase);
    QTest::keySequence(editor->graphView(), QKeySequence::Redo);
    QVERIFY(editor->document().text() != editorBase);

    // Ctrl+Z in the text takes back what was typed, though it was not committed yet.
    const QByteArray before = editor->document().text();
    YamlView *yaml = editor->yamlView();
    yaml->setFocus();
    yaml->moveCursor(QTextCursor::End);
    type(yaml, "# more\n");
    QTest::keySequence(yaml, QKeySequence::Undo);
    QCOMPARE(editor->document().text(), before);
    QCOMPARE(yaml->toPlainText().toUtf8(), before);
}

void EditorGraphTest::selectedEdgeIsDeletedWithTheDeleteKey()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    NeedEdgeItem *edge = editor->scene().edge("a", "b");
    QVERIFY(edge);
    edge->setSelected(true);
    editor->graphView()->setFocus();
    QTest::keyClick(editor->graphView(), Qt::Key_Delete);

    QTRY_VERIFY(!editor->scene().edge("a", "b"));
    QVERIFY(editor->document().text().contains("        needs: []\n"));
}

void EditorGraphTest::draggingANodeIntoAnotherLaneMovesTheJob()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    GraphView *view = editor->graphView();
    const QPoint start = viewPointOf(view, editor->scene().node("b"));
    const QRectF test = editor->scene().lane("test")->box();
    const QPoint target = view->mapFromScene(QPointF(test.center().x(), test.bottom() - 40));
    drag(view, start, target);

    QTRY_COMPARE(editor->scene().node("b") ? editor->scene().node("b")->stage() : QString(),
                 QStringLiteral("test"));
    const auto pipeline = editor->document().document().pipeline();
    QCOMPARE(pipeline->stageOf("b"), 1);
}

void EditorGraphTest::draggingANodeWithinItsLanePinsIt()
{
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    GraphView *view = editor->graphView();
    JobNodeItem *node = editor->scene().node("a");
    const QPointF before = node->pos();
    const QPoint start = viewPointOf(view, node);
    drag(view, start, start + QPoint(0, 60));

    QTRY_VERIFY(editor->scene().isPinned("a"));
    QTRY_VERIFY(editor->scene().node("a")->isPinned());
    QCOMPARE(editor->scene().node("a")->pos(), before + QPointF(0, 60));
    QCOMPARE(editor->document().text(), editorBase);
    // A later edit keeps the pinned node where it was put.
    QVERIFY(editor->connectJobs("b", "c"));
    QCOMPARE(editor->scene().node("a")->pos(), before + QPointF(0, 60));
}

void EditorGraphTest::pinnedNodesStayForTheNextOpening_data()
{
    QTest::addColumn<QByteArray>("reopened");
    QTest::addColumn<QStringList>("pinned");

    QTest::newRow("the same file opened again shows the node where it was pinned")
        << editorBase << QStringList{"a"};
    QByteArray renamed = editorBase;
    renamed.replace("name: a\n", "name: compile\n").replace("needs: [a]", "needs: [compile]");
    QTest::newRow("a job renamed since drops its pin") << renamed << QStringList();
    QByteArray removed = editorBase;
    removed.replace("      - name: a\n        commands: [make]   # build it\n", "")
        .replace("needs: [a]", "needs: []");
    QTest::newRow("a job removed since drops its pin") << removed << QStringList();
}

void EditorGraphTest::pinnedNodesStayForTheNextOpening()
{
    QFETCH(QByteArray, reopened);
    QFETCH(QStringList, pinned);
    PipelineEditor *editor = openText(editorBase);
    QVERIFY(editor);
    GraphView *view = editor->graphView();
    const QPointF before = editor->scene().node("a")->pos();
    const QPoint start = viewPointOf(view, editor->scene().node("a"));
    drag(view, start, start + QPoint(0, 60));
    QTRY_VERIFY(editor->scene().isPinned("a"));
    const QPointF put = before + QPointF(0, 60);
    QCOMPARE(editor->scene().node("a")->pos(), put);
    m_editor.reset();

    // The file, as changed meanwhile (or not), in a new editor.
    editor = openText(reopened);
    QVERIFY(editor);

    QCOMPARE(sorted(editor->scene().pins().keys()), pinned);
    QCOMPARE(sorted(pinnedPositions::load(pathOf("pipewright.yml")).keys()), pinned);
    QCOMPARE(editor->document().text(), reopened);
    if (!pinned.isEmpty()) {
        QVERIFY(editor->scene().node("a")->isPinned());
        QCOMPARE(editor->scene().node("a")->pos(), put);
    }
}

QTEST_MAIN(EditorGraphTest)
#include "tst_editorgraph.moc"
