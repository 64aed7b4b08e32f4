#pragma once

#include "core/edit/textedit.h"
#include "core/util/result.h"

#include <QSet>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QMenu;

namespace pw::gui {

class EditorDocument;
class EditorScene;
class GraphView;
class PropertyPanel;
class YamlView;

// The pipeline editor, a tab of the main window: the pipeline's graph, its YAML text and
// the selected job's or stage's properties side by side, the text's problems below. All
// of them edit one EditorDocument, whose undo history every edit joins. GitLab files are
// shown read-only, with an action that converts them into a Pipewright pipeline.
class PipelineEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PipelineEditor(QWidget *parent = nullptr);
    ~PipelineEditor() override;

    // Shows the file at `path`, dropping the document shown (callers ask first, with
    // confirmDiscard()). Fails, keeping the document shown, when the file cannot be read.
    Status openFile(const QString &path);
    // Starts a new pipeline from the template, to be saved as `suggestedPath`.
    void newPipeline(const QString &suggestedPath);
    // Runs `proceed` once the document's changes are saved or the user lets them go; at
    // once when there are none. Asks without blocking; nothing happens on Cancel.
    void confirmDiscard(std::function<void()> proceed);

    // The edits the graph's gestures and menus make; a refusal is shown in the status line.
    Status connectJobs(const QString &from, const QString &to); // `to` needs `from`
    Status removeNeed(const QString &job, const QString &need);
    Status moveJob(const QString &job, const QString &stage, int index = -1);
    Status addJob(const QString &stage);
    Status addStage(int index);
    Status deleteSelection();

    // "pipewright.yml*": the file's name, marked when modified or read-only.
    QString title() const;
    bool isModified() const;

    EditorDocument &document() const { return *m_document; }
    EditorScene &scene() const { return *m_scene; }
    GraphView *graphView() const { return m_graph; }
    YamlView *yamlView() const { return m_yaml; }
    PropertyPanel *propertyPanel() const { return m_panel; }
    QListWidget *problemsList() const { return m_problems; }
    QLabel *statusLine() const { return m_status; }
    QAction *undoAction() const { return m_undo; }
    QAction *redoAction() const { return m_redo; }
    QAction *saveAction() const { return m_save; }
    QAction *saveAsAction() const { return m_saveAs; }
    QAction *runAction() const { return m_run; }
    QAction *convertAction() const { return m_convert; }

signals:
    void titleChanged(const QString &title);
    // The pipeline was saved to `path` and is to be run.
    void runRequested(const QString &path);

private:
    void createActions();
    void createLayout();
    void connectViews();
    void onDocumentChanged();
    void redrawGraph();
    void showProblems();
    void onSelectionChanged();
    void onProblemClicked(QListWidgetItem *item);
    void onNodeDropped(const QString &job, const QString &stage, QPointF topLeft);
    // The pins are kept for the file (pinnedpositions.h) as they change, and brought back
    // when it is opened again.
    void keepPins();
    void restorePins();
    QSet<QString> jobNames() const;
    Status perform(const Result<edit::TextEdit> &edit, const QString &description);
    void tell(const QString &message);
    void save(std::function<void()> then = {});
    void saveAs(std::function<void()> then = {});
    void run();
    void convert();
    void undo();
    void redo();
    void updateActions();
    QString unusedName(const QString &prefix) const;
    void showJobMenu(const QString &job, QPoint globalPos);
    void showStageMenu(const QString &stage, QPoint globalPos);
    void showEdgeMenu(const QString &from, const QString &to, QPoint globalPos);
    void popUp(QMenu *menu, QPoint globalPos);

    EditorDocument *m_document = nullptr;
    EditorScene *m_scene = nullptr;
    GraphView *m_graph = nullptr;
    YamlView *m_yaml = nullptr;
    PropertyPanel *m_panel = nullptr;
    QListWidget *m_problems = nullptr;
    QLabel *m_status = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_save = nullptr;
    QAction *m_saveAs = nullptr;
    QAction *m_run = nullptr;
    QAction *m_convert = nullptr;
    QAction *m_addStage = nullptr;
    QAction *m_addJob = nullptr;
    QAction *m_fit = nullptr;
    bool m_redrawing = false;
};

} // namespace pw::gui
