#include "editorfixture.h"

#include "guitestsupport.h"
#include "testsupport.h"
#include "widgets/editor/editorscene.h"
#include "widgets/editor/graphitems.h"
#include "widgets/editor/graphview.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QMouseEvent>
#include <QTest>
#include <QToolButton>

namespace pw::test {

using namespace pw::gui;

const QByteArray editorBase = "# Editor tests.\n"
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

QPoint viewPointOf(const GraphView *view, const QGraphicsItem *item)
{
    return view->mapFromScene(item->sceneBoundingRect().center());
}

namespace {

void sendMove(QWidget *viewport, QPoint to)
{
    QMouseEvent move(QEvent::MouseMove, QPointF(to), viewport->mapToGlobal(QPointF(to)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
}

} // namespace

void drag(GraphView *view, QPoint from, QPoint to)
{
    QWidget *viewport = view->viewport();
    QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 4; ++step)
        sendMove(viewport, from + (to - from) * step / 4);
    QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, to);
}

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

QToolButton *buttonOf(QWidget *widget, QAction *action)
{
    for (QToolButton *button : widget->findChildren<QToolButton *>()) {
        if (button->defaultAction() == action)
            return button;
    }
    return nullptr;
}

void EditorFixture::initTestCase()
{
    QVERIFY(m_home.isValid());
    dropPlatformNoise();
    // The pins and the run's history go to the test's own settings and store.
    useScratchHome(m_home, QCoreApplication::applicationName());
    // The offscreen platform cannot raise the tooltip that shows why a need is refused.
    static QtMessageHandler next = nullptr;
    next = qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context,
                                     const QString &text) {
        if (type == QtWarningMsg && text == QLatin1String("This plugin does not support raise()"))
            return;
        next(type, context, text);
    });
}

void EditorFixture::init()
{
    failOnWarnings();
    m_folder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid());
}

void EditorFixture::cleanup()
{
    m_editor.reset();
    m_folder.reset();
}

PipelineEditor *EditorFixture::openText(const QByteArray &text, const QString &name)
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

} // namespace pw::test
