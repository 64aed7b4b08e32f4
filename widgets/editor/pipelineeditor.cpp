#include "pipelineeditor.h"

#include "core/edit/jobedits.h"
#include "core/edit/neededits.h"
#include "core/edit/newpipeline.h"
#include "core/edit/stageedits.h"
#include "core/gitlab/nativewriter.h"
#include "editordocument.h"
#include "editorscene.h"
#include "graphitems.h"
#include "graphview.h"
#include "pinnedpositions.h"
#include "propertypanel.h"
#include "yamlview.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace pw::gui {

namespace {

// A new job's command: something that runs and says what is left to do.
const QString placeholderCommand = QStringLiteral("echo \"replace with the job's commands\"");
constexpr int lineRole = Qt::UserRole + 1;

} // namespace

PipelineEditor::PipelineEditor(QWidget *parent)
    : QWidget(parent)
    , m_document(new EditorDocument(this))
    , m_scene(new EditorScene(this))
{
    setObjectName(QStringLiteral("pipelineEditor"));
    m_graph = new GraphView(*m_scene, this);
    m_yaml = new YamlView(*m_document, this);
    m_panel = new PropertyPanel(*m_document, this);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("problemsList"));
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("editorStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    createActions();
    createLayout();
    connectViews();
    newPipeline(QDir::current().absoluteFilePath(QStringLiteral("pipewright.yml")));
}

PipelineEditor::~PipelineEditor()
{
    // The parts tell this of their changes, also while they go (a scene clears its
    // selection, an undo stack its commands): no more once this is going.
    for (QObject *part : findChildren<QObject *>())
        disconnect(part, nullptr, this, nullptr);
    m_document->disconnect();
    delete m_yaml;
    delete m_panel;
    delete m_document;
}

void PipelineEditor::createActions()
{
    const auto make = [this](const QString &icon, const QString &text, QKeySequence shortcut,
                             auto slot) {
        auto *action = new QAction(QIcon::fromTheme(icon), text, this);
        action->setShortcut(shortcut);
        // Only while the editor has the focus: other tabs keep their own Ctrl+Z.
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
        return action;
    };
    m_undo =
        make(QStringLiteral("edit-undo"), tr("&Undo"), QKeySequence::Undo, &PipelineEditor::undo);
    m_redo =
        make(QStringLiteral("edit-redo"), tr("&Redo"), QKeySequence::Redo, &PipelineEditor::redo);
    m_save = make(QStringLiteral("document-save"), tr("&Save Pipeline"), QKeySequence::Save,
                  [this] { save(); });
    m_saveAs = make(QStringLiteral("document-save-as"), tr("Save Pipeline &As…"),
                    QKeySequence::SaveAs, [this] { saveAs(); });
    m_run = make(QStringLiteral("media-playback-start"), tr("Save and R&un"), QKeySequence(),
                 &PipelineEditor::run);
    m_convert = make(QStringLiteral("document-edit"), tr("&Convert to a Pipewright Pipeline"),
                     QKeySequence(), &PipelineEditor::convert);
    m_addStage = make(QStringLiteral("list-add"), tr("Add &Stage"), QKeySequence(),
                      [this] { addStage(-1); });
    m_addJob = make(QStringLiteral("list-add"), tr("Add &Job"), QKeySequence(), [this] {
        const QString stage = m_scene->selectedStage();
        const QString job = m_scene->selectedJob();
        const auto pipeline = m_document->shownPipeline();
        if (!stage.isEmpty())
            addJob(stage);
        else if (pipeline && !job.isEmpty() && pipeline->stageOf(job) >= 0)
            addJob(pipeline->stages.at(pipeline->stageOf(job)).name);
        else if (pipeline && !pipeline->stages.isEmpty())
            addJob(pipeline->stages.last().name);
    });
    m_fit = make(QStringLiteral("zoom-fit-best"), tr("&Fit"), QKeySequence(),
                 [this] { m_graph->fitAll(); });
    m_undo->setObjectName(QStringLiteral("editorUndo"));
    m_redo->setObjectName(QStringLiteral("editorRedo"));
}

void PipelineEditor::createLayout()
{
    auto *tools = new QToolBar(this);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (QAction *action : {m_save, m_undo, m_redo, m_addStage, m_addJob, m_fit, m_run, m_convert})
        tools->addAction(action);

    auto *panelArea = new QScrollArea(this);
    panelArea->setWidget(m_panel);
    panelArea->setWidgetResizable(true);
    auto *sides = new QSplitter(Qt::Horizontal, this);
    sides->addWidget(m_graph);
    sides->addWidget(m_yaml);
    sides->addWidget(panelArea);
    sides->setStretchFactor(0, 3);
    sides->setStretchFactor(1, 2);
    sides->setStretchFactor(2, 1);
    sides->setSizes({560, 420, 260});

    auto *withProblems = new QSplitter(Qt::Vertical, this);
    withProblems->addWidget(sides);
    withProblems->addWidget(m_problems);
    withProblems->setStretchFactor(0, 5);
    withProblems->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tools);
    layout->addWidget(withProblems);
    layout->addWidget(m_status);
}

void PipelineEditor::connectViews()
{
    connect(m_document, &EditorDocument::changed, this, &PipelineEditor::onDocumentChanged);
    connect(m_document, &EditorDocument::modifiedChanged, this, [this] {
        updateActions();
        emit titleChanged(title());
    });
    connect(m_document, &EditorDocument::fileChanged, this, [this] {
        m_scene->forgetLayout();
        restorePins();
        emit titleChanged(title());
    });
    connect(m_scene, &EditorScene::pinsChanged, this, &PipelineEditor::keepPins);
    connect(m_document->undoStack(), &QUndoStack::indexChanged, this,
            &PipelineEditor::updateActions);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, &PipelineEditor::updateActions);
    connect(m_yaml, &YamlView::undoRequested, this, &PipelineEditor::undo);
    connect(m_yaml, &YamlView::redoRequested, this, &PipelineEditor::redo);

    connect(m_scene, &QGraphicsScene::selectionChanged, this, &PipelineEditor::onSelectionChanged);
    m_graph->setConnectCheck([this](const QString &from, const QString &to) {
        if (m_document->isReadOnly())
            return tr("a GitLab file is read-only here");
        const Result<edit::TextEdit> edit = edit::addNeed(m_document->document(), to, from);
        return edit ? QString() : edit.error().message;
    });
    // Queued: the view's mouse handling ends before the scene's items are made anew.
    connect(
        m_graph, &GraphView::connectRequested, this,
        [this](const QString &from, const QString &to) { connectJobs(from, to); },
        Qt::QueuedConnection);
    connect(m_graph, &GraphView::nodeDropped, this, &PipelineEditor::onNodeDropped,
            Qt::QueuedConnection);
    connect(m_graph, &GraphView::connectHint, this, [this](const QString &message) {
        if (!message.isEmpty())
            tell(message);
    });
    connect(
        m_graph, &GraphView::deleteRequested, this, [this] { deleteSelection(); },
        Qt::QueuedConnection);
    connect(m_graph, &GraphView::jobMenuRequested, this, &PipelineEditor::showJobMenu);
    connect(m_graph, &GraphView::stageMenuRequested, this, &PipelineEditor::showStageMenu);
    connect(m_graph, &GraphView::edgeMenuRequested, this, &PipelineEditor::showEdgeMenu);
    connect(m_graph, &GraphView::backgroundMenuRequested, this, [this](QPoint at) {
        auto *menu = new QMenu(this);
        menu->addAction(m_addStage);
        menu->addAction(m_fit);
        popUp(menu, at);
    });

    connect(m_problems, &QListWidget::itemClicked, this, &PipelineEditor::onProblemClicked);
    connect(m_panel, &PropertyPanel::edited, this, &PipelineEditor::tell);
    connect(m_panel, &PropertyPanel::jobRenamed, this,
            [this](const QString &job, const QString &newName) {
                m_scene->renamePin(job, newName);
                m_scene->selectJob(newName);
            });
    connect(m_panel, &PropertyPanel::stageRenamed, this,
            [this](const QString &, const QString &newName) { m_scene->selectStage(newName); });
}

Status PipelineEditor::openFile(const QString &path)
{
    const Status opened = m_document->open(path);
    if (!opened) {
        tell(opened.error().message);
        return opened;
    }
    m_graph->fitAll();
    tell(m_document->isReadOnly()
             ? tr("%1 is a GitLab file, shown read-only: convert it to edit it.")
                   .arg(m_document->displayName())
             : tr("Opened %1").arg(QDir::toNativeSeparators(path)));
    return {};
}

void PipelineEditor::newPipeline(const QString &suggestedPath)
{
    m_document->openText(edit::newPipelineText(), suggestedPath, false);
    m_graph->fitAll();
    tell(tr("A new pipeline: save it to keep it."));
}

void PipelineEditor::confirmDiscard(std::function<void()> proceed)
{
    if (!isModified())
        return proceed();
    // open(), not exec(): no nested event loop.
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Unsaved Changes"),
                        tr("%1 has changes that are not saved.").arg(m_document->displayName()),
                        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("unsavedChangesBox"));
    box->setInformativeText(tr("Save them before going on?"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, proceed] {
        const QMessageBox::StandardButton choice = box->standardButton(box->clickedButton());
        if (choice == QMessageBox::Discard)
            proceed();
        else if (choice == QMessageBox::Save)
            save(proceed);
    });
    box->open();
}

void PipelineEditor::onDocumentChanged()
{
    redrawGraph();
    showProblems();
    m_panel->refresh();
    updateActions();
}

void PipelineEditor::redrawGraph()
{
    // An invalid text leaves the graph of the last valid one; with none, its sketch is drawn.
    const auto pipeline = m_document->shownPipeline();
    const edit::PipelineDocument &text = m_document->document();
    const bool keepGraph = !m_document->isReadOnly() && !text.isValid() && text.lastValidPipeline();
    if (!pipeline || keepGraph)
        return;
    m_redrawing = true;
    const Status shown = m_scene->showPipeline(*pipeline);
    m_redrawing = false;
    if (!shown)
        tell(shown.error().message);
    onSelectionChanged();
}

void PipelineEditor::showProblems()
{
    m_problems->clear();
    const QIcon error = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warning = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const Diagnostic &diagnostic : m_document->diagnostics()) {
        const bool isError = diagnostic.severity == Diagnostic::Severity::Error;
        const QString where = diagnostic.location.isValid() ? tr("line %1, column %2: ")
                                                                  .arg(diagnostic.location.line)
                                                                  .arg(diagnostic.location.column)
                                                            : QString();
        const QString kind = isError ? tr("error") : tr("warning");
        auto *item = new QListWidgetItem(isError ? error : warning,
                                         kind + QStringLiteral(": ") + where + diagnostic.message,
                                         m_problems);
        item->setData(lineRole, diagnostic.location.line);
    }
    m_problems->setVisible(m_problems->count() > 0);
}

void PipelineEditor::onSelectionChanged()
{
    if (m_redrawing)
        return;
    const QString job = m_scene->selectedJob();
    const QString stage = m_scene->selectedStage();
    if (!job.isEmpty())
        m_panel->showJob(job);
    else if (!stage.isEmpty())
        m_panel->showStage(stage);
    else
        m_panel->showNothing();
}

void PipelineEditor::onProblemClicked(QListWidgetItem *item)
{
    const int line = item->data(lineRole).toInt();
    if (line <= 0)
        return;
    m_yaml->showLine(line);
    const auto [job, stage] = m_document->jobAndStageAt(line);
    if (!job.isEmpty())
        m_scene->selectJob(job);
    else if (!stage.isEmpty())
        m_scene->selectStage(stage);
    if (JobNodeItem *node = m_scene->node(job))
        m_graph->ensureVisible(node);
}

void PipelineEditor::onNodeDropped(const QString &job, const QString &stage, QPointF topLeft)
{
    const auto pipeline = m_document->shownPipeline();
    const int from = pipeline ? pipeline->stageOf(job) : -1;
    if (!stage.isEmpty() && from >= 0 && pipeline->stages.at(from).name != stage) {
        m_scene->unpin(job);
        if (!moveJob(job, stage))
            redrawGraph(); // back where it was
        return;
    }
    // Within its lane (or outside every lane): the node stays where it was put.
    if (!stage.isEmpty())
        m_scene->pin(job, topLeft);
    redrawGraph();
    m_scene->selectJob(job);
}

QSet<QString> PipelineEditor::jobNames() const
{
    QSet<QString> names;
    if (const auto pipeline = m_document->shownPipeline()) {
        for (const Stage &stage : pipeline->stages) {
            for (const Job &job : stage.jobs)
                names.insert(job.name);
        }
    }
    return names;
}

void PipelineEditor::keepPins()
{
    if (m_document->filePath().isEmpty())
        return;
    // Only the jobs the file has: a removed job's pin would never be used again.
    const QSet<QString> jobs = jobNames();
    QHash<QString, QPointF> pins = m_scene->pins();
    pins.removeIf([&jobs](const auto &pin) { return !jobs.contains(pin.key()); });
    pinnedPositions::save(m_document->filePath(), pins);
}

void PipelineEditor::restorePins()
{
    const QString path = m_document->filePath();
    if (path.isEmpty())
        return;
    // A job renamed or removed since (in another editor, say) takes its pin with it.
    const QHash<QString, QPointF> kept = pinnedPositions::load(path);
    const QSet<QString> jobs = jobNames();
    QHash<QString, QPointF> pins = kept;
    pins.removeIf([&jobs](const auto &pin) { return !jobs.contains(pin.key()); });
    if (pins.size() != kept.size())
        pinnedPositions::save(path, pins);
    m_scene->setPins(pins);
}

Status PipelineEditor::perform(const Result<edit::TextEdit> &edit, const QString &description)
{
    // What was typed and not yet taken is older than this edit and goes first.
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    const Status done = m_document->perform(edit, description);
    tell(done ? description : done.error().message);
    return done;
}

Status PipelineEditor::connectJobs(const QString &from, const QString &to)
{
    return perform(edit::addNeed(m_document->document(), to, from),
                   tr("%1 needs %2").arg(to, from));
}

Status PipelineEditor::removeNeed(const QString &job, const QString &need)
{
    return perform(edit::removeNeed(m_document->document(), job, need),
                   tr("%1 no longer needs %2").arg(job, need));
}

Status PipelineEditor::moveJob(const QString &job, const QString &stage, int index)
{
    return perform(edit::moveJob(m_document->document(), job, stage, index),
                   tr("Moved %1 to %2").arg(job, stage));
}

Status PipelineEditor::addJob(const QString &stage)
{
    const QString job = unusedName(QStringLiteral("job"));
    const Status added =
        perform(edit::addJob(m_document->document(), stage, job, {placeholderCommand}),
                tr("Added job %1 to %2").arg(job, stage));
    if (added)
        m_scene->selectJob(job);
    return added;
}

Status PipelineEditor::addStage(int index)
{
    const QString stage = unusedName(QStringLiteral("stage"));
    const QString job = unusedName(QStringLiteral("job"));
    const Status added =
        perform(edit::addStage(m_document->document(), stage, index, job, {placeholderCommand}),
                tr("Added stage %1").arg(stage));
    if (added)
        m_scene->selectStage(stage);
    return added;
}

Status PipelineEditor::deleteSelection()
{
    if (const auto edge = m_scene->selectedEdge())
        return removeNeed(edge->second, edge->first);
    if (const QString job = m_scene->selectedJob(); !job.isEmpty())
        return perform(edit::removeJob(m_document->document(), job), tr("Removed job %1").arg(job));
    if (const QString stage = m_scene->selectedStage(); !stage.isEmpty())
        return perform(edit::removeStage(m_document->document(), stage),
                       tr("Removed stage %1").arg(stage));
    return {};
}

QString PipelineEditor::unusedName(const QString &prefix) const
{
    const auto pipeline = m_document->shownPipeline();
    QStringList taken;
    if (pipeline) {
        for (const Stage &stage : pipeline->stages) {
            taken.append(stage.name);
            for (const Job &job : stage.jobs)
                taken.append(job.name);
        }
    }
    for (int number = 1;; ++number) {
        const QString name = prefix + QLatin1Char('-') + QString::number(number);
        if (!taken.contains(name))
            return name;
    }
}

void PipelineEditor::tell(const QString &message)
{
    m_status->setText(message);
    m_status->setToolTip(message);
}

void PipelineEditor::save(std::function<void()> then)
{
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    if (m_document->filePath().isEmpty())
        return saveAs(then);
    const Status saved = m_document->save();
    tell(saved ? tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath()))
               : saved.error().message);
    if (saved && then)
        then();
}

void PipelineEditor::saveAs(std::function<void()> then)
{
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    auto *dialog = new QFileDialog(this, tr("Save Pipeline"), m_document->suggestedPath(),
                                   tr("Pipeline files (*.yml *.yaml);;All files (*)"));
    dialog->setObjectName(QStringLiteral("savePipelineDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("yml"));
    connect(dialog, &QFileDialog::fileSelected, this, [this, then](const QString &path) {
        // The nodes stay where they were pinned, now for the new file too.
        const QHash<QString, QPointF> pins = m_scene->pins();
        const Status saved = m_document->saveAs(path);
        if (saved && !pins.isEmpty()) {
            m_scene->setPins(pins);
            keepPins();
        }
        tell(saved ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : saved.error().message);
        if (saved && then)
            then();
    });
    dialog->open();
}

void PipelineEditor::run()
{
    if (m_document->isReadOnly())
        return tell(tr("Convert the GitLab file to a Pipewright pipeline to run it here."));
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    if (!m_document->document().isValid())
        return tell(tr("The pipeline has problems: fix them before running it."));
    save([this] { emit runRequested(m_document->filePath()); });
}

void PipelineEditor::convert()
{
    const auto pipeline = m_document->shownPipeline();
    if (!m_document->isReadOnly() || !pipeline)
        return;
    QStringList notes;
    const QByteArray text = writeNativePipeline(*pipeline, &notes);
    const QDir folder = QFileInfo(m_document->filePath()).dir();
    QString target = folder.absoluteFilePath(QStringLiteral("pipewright.yml"));
    if (QFileInfo::exists(target))
        target = folder.absoluteFilePath(QStringLiteral("pipewright-converted.yml"));
    m_document->openText(text, target, true);
    m_graph->fitAll();
    tell(notes.isEmpty() ? tr("Converted; save the new pipeline to keep it.")
                         : tr("Converted with %n note(s) in the text to finish by hand.", nullptr,
                              int(notes.size())));
}

void PipelineEditor::undo()
{
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    m_document->undoStack()->undo();
}

void PipelineEditor::redo()
{
    if (m_yaml->hasPendingTyping())
        m_yaml->commitTyping();
    m_document->undoStack()->redo();
}

void PipelineEditor::updateActions()
{
    const QUndoStack *stack = m_document->undoStack();
    const bool editable = !m_document->isReadOnly();
    m_undo->setEnabled(stack->canUndo() || m_yaml->hasPendingTyping());
    m_redo->setEnabled(stack->canRedo());
    m_undo->setToolTip(stack->canUndo() ? tr("Undo %1").arg(stack->undoText()) : QString());
    m_redo->setToolTip(stack->canRedo() ? tr("Redo %1").arg(stack->redoText()) : QString());
    m_save->setEnabled(editable);
    m_saveAs->setEnabled(editable);
    m_run->setEnabled(editable);
    m_addStage->setEnabled(editable);
    m_addJob->setEnabled(editable);
    m_convert->setVisible(!editable);
}

QString PipelineEditor::title() const
{
    QString title = m_document->displayName();
    if (m_document->isReadOnly())
        title = tr("%1 (read-only)").arg(title);
    if (isModified())
        title += QLatin1Char('*');
    return title;
}

bool PipelineEditor::isModified() const
{
    return m_document->isModified() || m_yaml->hasPendingTyping();
}

void PipelineEditor::showJobMenu(const QString &job, QPoint globalPos)
{
    const auto pipeline = m_document->shownPipeline();
    if (!pipeline || m_document->isReadOnly())
        return;
    auto *menu = new QMenu(this);
    menu->addAction(tr("&Rename…"), this, [this] {
        if (QWidget *name = m_panel->field(QStringLiteral("name")))
            name->setFocus();
    });
    QMenu *moveTo = menu->addMenu(tr("&Move to Stage"));
    const int current = pipeline->stageOf(job);
    for (qsizetype i = 0; i < pipeline->stages.size(); ++i) {
        const QString stage = pipeline->stages.at(i).name;
        QAction *move = moveTo->addAction(stage, this, [this, job, stage] { moveJob(job, stage); });
        move->setEnabled(i != current);
    }
    if (m_scene->isPinned(job)) {
        menu->addAction(tr("&Unpin"), this, [this, job] {
            m_scene->unpin(job);
            redrawGraph();
        });
    }
    menu->addSeparator();
    menu->addAction(tr("Remove &Job"), this, [this, job] {
        perform(edit::removeJob(m_document->document(), job), tr("Removed job %1").arg(job));
    });
    popUp(menu, globalPos);
}

void PipelineEditor::showStageMenu(const QString &stage, QPoint globalPos)
{
    const auto pipeline = m_document->shownPipeline();
    if (!pipeline || m_document->isReadOnly())
        return;
    int index = 0;
    while (index < pipeline->stages.size() && pipeline->stages.at(index).name != stage)
        ++index;
    auto *menu = new QMenu(this);
    menu->addAction(tr("Add &Job"), this, [this, stage] { addJob(stage); });
    menu->addAction(tr("Add &Stage After"), this, [this, index] { addStage(index + 1); });
    QAction *left = menu->addAction(tr("Move &Left"), this, [this, stage, index] {
        perform(edit::moveStage(m_document->document(), stage, index - 1),
                tr("Moved stage %1").arg(stage));
    });
    left->setEnabled(index > 0);
    const int count = int(pipeline->stages.size());
    QAction *right = menu->addAction(tr("Move &Right"), this, [this, stage, index, count] {
        // Before the stage after the next one, or to the end.
        perform(edit::moveStage(m_document->document(), stage, index + 2 < count ? index + 2 : -1),
                tr("Moved stage %1").arg(stage));
    });
    right->setEnabled(index + 1 < count);
    menu->addSeparator();
    menu->addAction(tr("Remove &Stage"), this, [this, stage] {
        perform(edit::removeStage(m_document->document(), stage),
                tr("Removed stage %1").arg(stage));
    });
    popUp(menu, globalPos);
}

void PipelineEditor::showEdgeMenu(const QString &from, const QString &to, QPoint globalPos)
{
    if (m_document->isReadOnly())
        return;
    auto *menu = new QMenu(this);
    menu->addAction(tr("Remove: %1 needs %2").arg(to, from), this,
                    [this, from, to] { removeNeed(to, from); });
    popUp(menu, globalPos);
}

void PipelineEditor::popUp(QMenu *menu, QPoint globalPos)
{
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(globalPos);
}

} // namespace pw::gui
