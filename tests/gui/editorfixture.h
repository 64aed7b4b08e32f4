#pragma once

#include "widgets/editor/pipelineeditor.h"

#include <QByteArray>
#include <QObject>
#include <QPoint>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class QAction;
class QGraphicsItem;
class QToolButton;
class QWidget;

namespace pw::gui {
class EditorScene;
class GraphView;
class JobNodeItem;
} // namespace pw::gui

// What the pipeline editor's suites share: a small pipeline, ways to read the graph and to
// drive it as a hand does, and a fixture that opens an editor on a file of its own.
namespace pw::test {

// Two stages, three jobs (b needs a), a comment and a trailing one: the tests' starting text.
extern const QByteArray editorBase;

QByteArray readFile(const QString &path);
bool writeFile(const QString &path, const QByteArray &bytes);
// The lines of `after` that are not in `before`, when `after` only gained lines.
QStringList addedLines(const QByteArray &before, const QByteArray &after);
QStringList sorted(QStringList list);

QStringList nodeNames(const gui::EditorScene &scene); // sorted
QStringList laneNames(const gui::EditorScene &scene); // in order
QStringList edgeNames(const gui::EditorScene &scene); // "from->to", sorted
QStringList badgesOf(const gui::JobNodeItem *node);

// Where an item's centre is in the view's viewport.
QPoint viewPointOf(const gui::GraphView *view, const QGraphicsItem *item);
// A left-button drag in the view, in a few steps as a hand makes it.
void drag(gui::GraphView *view, QPoint from, QPoint to);
// Drags from the handle of job `from` onto job `to`.
void dragToConnect(gui::PipelineEditor &editor, const QString &from, const QString &to);
// Types `text` as keys, a Return for each line break.
void type(QWidget *widget, const QString &text);

// The tool button that shows `action` inside `widget`.
QToolButton *buttonOf(QWidget *widget, QAction *action);

// Each test gets a fresh folder for its files; the settings, pins and history of the whole
// suite live in a scratch home.
class EditorFixture : public QObject
{
    Q_OBJECT

protected:
    // An editor showing `text`, saved as a file in the test's folder.
    gui::PipelineEditor *openText(const QByteArray &text,
                                  const QString &name = QStringLiteral("pipewright.yml"));
    QString pathOf(const QString &name) const { return m_folder->filePath(name); }
    QString folder() const { return m_folder->path(); }

    std::unique_ptr<gui::PipelineEditor> m_editor;

private slots:
    void initTestCase();
    void init();
    void cleanup();

private:
    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_folder;
};

} // namespace pw::test
