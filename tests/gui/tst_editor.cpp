// The pipeline editor driven as a user drives it, offscreen: the graph of an example, drags
// that connect jobs (and refusals), undo and redo back to the exact bytes, typing in the
// YAML view, the property panel, saving, and GitLab files.

#include "core/vcs/gitrepository.h"
#include "gitfolder.h"
#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/editor/editordocument.h"
#include "widgets/editor/editorscene.h"
#include "widgets/editor/graphitems.h"
#include "widgets/editor/graphview.h"
#include "widgets/editor/pinnedpositions.h"
#include "widgets/editor/pipelineeditor.h"
#include "widgets/editor/propertypanel.h"
#include "widgets/editor/yamlview.h"
#include "widgets/mainwindow.h"
#include "widgets/runcontroller.h"
#include "widgets/runmodel.h"
#include "widgets/runmonitor.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

using namespace pw;
using namespace pw::gui;

namespace {

const QByteArray base = "# Editor tests.\n"
                        "name: p\n"
                        "stages:\n"
                        "  - name: build\n"
                        "    jobs:\n"
                        "      - name: a\n"
                        "        commands: [make]   # build it\n"
                        "      - name: b\n"
                        "        needs: [a]\n"
                        "        commands: [make b]\n"
                        "  - name: test\n"
                        "    jobs:\n"
                        "      - name: c\n"
                        "        commands: [make test]\n";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// The lines of `after` that are not in `before`, when `after` only gained lines.
QStringList addedLines(const QByteArray &before, const QByteArray &after)
{
    QStringList old = QString::fromUtf8(before).split(QLatin1Char('\n'));
    QStringList added;
    for (const QString &line : QString::fromUtf8(after).split(QLatin1Char('\n'))) {
        if (!old.isEmpty() && old.first() == line)
            old.removeFirst();
        else
            added.append(line);
    }
    return old.isEmpty() ? added : QStringList{QStringLiteral("<lines were removed>")};
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

QStringList nodeNames(const EditorScene &scene)
{
    QStringList names;
    for (const JobNodeItem *node : scene.nodes())
        names.append(node->job());
    return sorted(names);
}

QStringList laneNames(const EditorScene &scene)
{
    QStringList names;
    for (const LaneItem *lane : scene.lanes())
        names.append(lane->stage());
    return names;
}

QStringList edgeNames(const EditorScene &scene)
{
    QStringList names;
    for (const NeedEdgeItem *edge : scene.edges())
        names.append(edge->from() + QStringLiteral("->") + edge->to());
    return sorted(names);
}

QStringList badgesOf(const JobNodeItem *node)
{
    QStringList texts;
    for (const Badge &badge : node->badges())
        texts.append(badge.text);
    return texts;
}

// Where an item's centre is in the view's viewport.
QPoint viewPointOf(const GraphView *view, const QGraphicsItem *item)
{
    return view->mapFromScene(item->sceneBoundingRect().center());
}

void sendMove(QWidget *viewport, QPoint to)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(to), viewport->mapToGlobal(QPointF(to)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

// A left-button drag in the view, in a few steps as a hand makes it.
void drag(GraphView *view, QPoint from, QPoint to)
{
    QWidget *viewport = view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step)
        sendMove(viewport, from + (to - from) * step / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
}

// Types `text` as keys, a Return for each line break.
void type(QWidget *widget, const QString &text)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            QTest::keyClick(widget, Qt::Key_Return);
        QTest::keyClicks(widget, lines.at(i));
    }
}

void dragToConnect(PipelineEditor &editor, const QString &from, const QString &to)
{
    GraphView *view = editor.graphView();
    const QPoint start = viewPointOf(view, editor.scene().node(from)->handle());
    drag(view, start, viewPointOf(view, editor.scene().node(to)));
}

// Makes `folder` a git repository on `branch` with one commit; false when git fails.
bool allJobsFinished(const RunModel &model)
{
    if (model.run().jobs.isEmpty())
        return false;
    for (const JobRecord &job : model.run().jobs) {
        if (!isFinished(job.status))
            return false;
    }
    return isFinished(model.run().status);
}

// The tool button that shows `action` inside `widget`.
QToolButton *buttonOf(QWidget *widget, QAction *action)
{
    for (QToolButton *button : widget->findChildren<QToolButton *>()) {
        if (button->defaultAction() == action)
            return button;
    }
    return nullptr;
}

} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void openingAnExampleShowsItsGraph_data();
    void openingAnExampleShowsItsGraph();
    void badgesMarkGatesAndConditions();
    void draggingFromOneJobToAnotherAddsExactlyTheNeedLine();
    void refusedConnectionsSayWhyAndLeaveTheText_data();
    void refusedConnectionsSayWhyAndLeaveTheText();
    void undoAndRedoGiveBackTheExactBytes();
    void keyboardUndoWorksInTheGraphAndTheText();
    void typingInTheYamlViewRedrawsTheGraph();
    void invalidTextShowsItsErrorsAndKeepsTheGraph();
    void clickingAProblemSelectsItsJobAndLine();
    void propertyPanelEditChangesTheText();
    void invalidPropertyShowsItsMessageAndIsNotApplied_data();
    void invalidPropertyShowsItsMessageAndIsNotApplied();
    void stagePanelEditsTheGate();
    void selectedEdgeIsDeletedWithTheDeleteKey();
    void draggingANodeIntoAnotherLaneMovesTheJob();
    void draggingANodeWithinItsLanePinsIt();
    void pinnedNodesStayForTheNextOpening_data();
    void pinnedNodesStayForTheNextOpening();
    void runInTheEditorStartsTheRunAndShowsItsMonitor();
    void savingWritesTheSameBytesWhenNothingChanged();
    void saveAsWritesTheEditedTextAndMarksItSaved();
    void gitLabFilesAreReadOnlyAndConvert();
    void newPipelineFromTheTemplateIsValid();

private:
    // An editor showing `text`, saved as a file in a temporary folder.
    PipelineEditor *openText(const QByteArray &text, const QString &name = "pipewright.yml");
    QString pathOf(const QString &name) const { return m_folder->filePath(name); }

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_folder;
    std::unique_ptr<PipelineEditor> m_editor;
};

void TestEditor::initTestCase()
{
    QVERIFY(m_home.isValid());
    test::dropPlatformNoise();
    // The pins and the run's history go to the test's own settings and store.
    test::useScratchHome(m_home, QStringLiteral("tst_editor"));
    // The offscreen platform cannot raise the tooltip that shows why a need is refused.
    static QtMessageHandler next = nullptr;
    next = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context,
                                     const QString &text) {
        if (type == QtWarningMsg && text == QLatin1String("This plugin does not support raise()"))
            return;
        next(type, context, text);
    });
}

void TestEditor::init()
{
    test::failOnWarnings();
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void TestEditor::cleanup()
{
    m_editor.reset();
    m_folder.reset();
}

PipelineEditor *TestEditor::openText(const QByteArray &text, const QString &name)
{
    const QString path = pathOf(name);
    if (!writeFile(path, text))
        return nullptr;
    m_editor = std::make_unique<PipelineEditor>();
    m_editor->resize(1600, 900);
    m_editor->show();
    if (!QTest::qWaitForWindowExposed(m_editor.get()))
        return nullptr;
    if (!m_editor->openFile(path))
        return nullptr;
    // The whole graph in sight, at its own size, so that drags land on the items.
    m_editor->graphView()->resetTransform();
    m_editor->graphView()->centerOn(m_editor->scene().itemsBoundingRect().center());
    return m_editor.get();
}

void TestEditor::openingAnExampleShowsItsGraph_data()
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

void TestEditor::openingAnExampleShowsItsGraph()
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

void TestEditor::badgesMarkGatesAndConditions()
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

void TestEditor::draggingFromOneJobToAnotherAddsExactlyTheNeedLine()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);

    dragToConnect(*editor, "b", "c");

    QTRY_COMPARE(addedLines(base, editor->document().text()), QStringList{"        needs: [b]"});
    QVERIFY(editor->scene().edge("b", "c"));
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), editor->document().text());
    QCOMPARE(editor->title(), QStringLiteral("pipewright.yml*"));
}

void TestEditor::refusedConnectionsSayWhyAndLeaveTheText_data()
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

void TestEditor::refusedConnectionsSayWhyAndLeaveTheText()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);

    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    dragToConnect(*editor, from, to);

    QTRY_VERIFY2(editor->statusLine()->text().contains(message),
                 qPrintable(editor->statusLine()->text()));
    QCOMPARE(editor->document().text(), base);
    QVERIFY(!editor->document().undoStack()->canUndo());
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});
}

void TestEditor::undoAndRedoGiveBackTheExactBytes()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    QVERIFY(editor->connectJobs("b", "c"));
    QVERIFY(editor->addJob("test"));
    QVERIFY(editor->moveJob("b", "test"));
    const QByteArray edited = editor->document().text();

    for (int i = 0; i < 3; ++i)
        editor->undoAction()->trigger();
    QCOMPARE(editor->document().text(), base);
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), base);
    QVERIFY(!editor->isModified());
    QCOMPARE(edgeNames(editor->scene()), QStringList{"a->b"});

    for (int i = 0; i < 3; ++i)
        editor->redoAction()->trigger();
    QCOMPARE(editor->document().text(), edited);
    QCOMPARE(editor->yamlView()->toPlainText().toUtf8(), edited);
    QVERIFY(editor->scene().node("job-1"));
}

void TestEditor::keyboardUndoWorksInTheGraphAndTheText()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    QApplication::setActiveWindow(editor);
    QVERIFY(QTest::qWaitForWindowActive(editor));

    QVERIFY(editor->connectJobs("b", "c"));
    editor->graphView()->setFocus();
    QTest::keySequence(editor->graphView(), QKeySequence::Undo);
    QCOMPARE(editor->document().text(), base);
    QTest::keySequence(editor->graphView(), QKeySequence::Redo);
    QVERIFY(editor->document().text() != base);

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

void TestEditor::typingInTheYamlViewRedrawsTheGraph()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    YamlView *yaml = editor->yamlView();
    yaml->setFocus();
    yaml->moveCursor(QTextCursor::End);
    type(yaml, "      - name: d\n        needs: [c]\n        commands: [x]\n");

    QTRY_VERIFY(editor->scene().node("d"));
    QVERIFY(editor->scene().edge("c", "d"));
    QCOMPARE(editor->document().text(),
             base + "      - name: d\n        needs: [c]\n        commands: [x]\n");
    // The typing is one undo step, which takes it all back.
    QCOMPARE(editor->document().undoStack()->count(), 1);
    editor->undoAction()->trigger();
    QCOMPARE(editor->document().text(), base);
    QVERIFY(!editor->scene().node("d"));
}

void TestEditor::invalidTextShowsItsErrorsAndKeepsTheGraph()
{
    PipelineEditor *editor = openText(base);
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

void TestEditor::clickingAProblemSelectsItsJobAndLine()
{
    QByteArray text = base;
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

void TestEditor::propertyPanelEditChangesTheText()
{
    PipelineEditor *editor = openText(base);
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

    QCOMPARE(addedLines(base, editor->document().text()), QStringList{"        timeout: 5m"});
    QVERIFY(editor->propertyPanel()->problemOf("timeout")->isHidden());
    QCOMPARE(editor->document().undoStack()->count(), 1);
}

void TestEditor::invalidPropertyShowsItsMessageAndIsNotApplied_data()
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

void TestEditor::invalidPropertyShowsItsMessageAndIsNotApplied()
{
    QFETCH(QString, key);
    QFETCH(QString, typed);
    QFETCH(QString, message);

    PipelineEditor *editor = openText(base);
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
    QCOMPARE(editor->document().text(), base);
    QVERIFY(!editor->document().undoStack()->canUndo());
}

void TestEditor::stagePanelEditsTheGate()
{
    PipelineEditor *editor = openText(base);
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

void TestEditor::selectedEdgeIsDeletedWithTheDeleteKey()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    NeedEdgeItem *edge = editor->scene().edge("a", "b");
    QVERIFY(edge);
    edge->setSelected(true);
    editor->graphView()->setFocus();
    QTest::keyClick(editor->graphView(), Qt::Key_Delete);

    QTRY_VERIFY(!editor->scene().edge("a", "b"));
    QVERIFY(editor->document().text().contains("        needs: []\n"));
}

void TestEditor::draggingANodeIntoAnotherLaneMovesTheJob()
{
    PipelineEditor *editor = openText(base);
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

void TestEditor::draggingANodeWithinItsLanePinsIt()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    GraphView *view = editor->graphView();
    JobNodeItem *node = editor->scene().node("a");
    const QPointF before = node->pos();
    const QPoint start = viewPointOf(view, node);
    drag(view, start, start + QPoint(0, 60));

    QTRY_VERIFY(editor->scene().isPinned("a"));
    QTRY_VERIFY(editor->scene().node("a")->isPinned());
    QCOMPARE(editor->scene().node("a")->pos(), before + QPointF(0, 60));
    QCOMPARE(editor->document().text(), base);
    // A later edit keeps the pinned node where it was put.
    QVERIFY(editor->connectJobs("b", "c"));
    QCOMPARE(editor->scene().node("a")->pos(), before + QPointF(0, 60));
}

void TestEditor::pinnedNodesStayForTheNextOpening_data()
{
    QTest::addColumn<QByteArray>("reopened");
    QTest::addColumn<QStringList>("pinned");

    QTest::newRow("the same file opened again shows the node where it was pinned")
        << base << QStringList{"a"};
    QByteArray renamed = base;
    renamed.replace("name: a\n", "name: compile\n").replace("needs: [a]", "needs: [compile]");
    QTest::newRow("a job renamed since drops its pin") << renamed << QStringList();
    QByteArray removed = base;
    removed.replace("      - name: a\n        commands: [make]   # build it\n", "")
        .replace("needs: [a]", "needs: []");
    QTest::newRow("a job removed since drops its pin") << removed << QStringList();
}

void TestEditor::pinnedNodesStayForTheNextOpening()
{
    QFETCH(QByteArray, reopened);
    QFETCH(QStringList, pinned);
    PipelineEditor *editor = openText(base);
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

void TestEditor::runInTheEditorStartsTheRunAndShowsItsMonitor()
{
    const QString branch = QStringLiteral("editor-run");
    QVERIFY(test::initGitRepository(m_folder->path(), branch));
    QVERIFY(test::git(m_folder->path(), {"commit", "-q", "--allow-empty", "-m", "start"}));
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
    const auto git = readGitState(m_folder->path());
    QVERIFY(git.ok());
    QCOMPARE(record.commit, git->commit);
    QCOMPARE(readFile(pathOf("pipewright.yml")), editor->document().text());
    QVERIFY(!editor->isModified());
}

void TestEditor::savingWritesTheSameBytesWhenNothingChanged()
{
    // A file with what a loader drops: comments, odd spacing, quoting, CRLF line ends.
    QByteArray text = base;
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

void TestEditor::saveAsWritesTheEditedTextAndMarksItSaved()
{
    PipelineEditor *editor = openText(base);
    QVERIFY(editor);
    QVERIFY(editor->connectJobs("b", "c"));
    QVERIFY(editor->isModified());
    QVERIFY(editor->document().saveAs(pathOf("copy.yml")));
    QCOMPARE(readFile(pathOf("copy.yml")), editor->document().text());
    QCOMPARE(readFile(pathOf("pipewright.yml")), base);
    QVERIFY(!editor->isModified());
    QCOMPARE(editor->title(), QStringLiteral("copy.yml"));
}

void TestEditor::gitLabFilesAreReadOnlyAndConvert()
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

void TestEditor::newPipelineFromTheTemplateIsValid()
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

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
