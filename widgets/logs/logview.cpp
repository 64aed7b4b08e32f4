#include "logview.h"

#include "loglinesmodel.h"
#include "widgets/logsearch/loglinedelegate.h"
#include "widgets/logsearch/logsaver.h"
#include "widgets/logsearch/logsearch.h"
#include "widgets/logsearch/runlogsearch.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtMath>

#include <algorithm>

namespace pw::gui {

LogView::LogView(LogLinesModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_jobSearch(new LogSearch(model, this))
    , m_list(new QTableView(this))
    , m_bar(new QWidget(this))
    , m_save(new QToolButton(this))
    , m_status(new QLabel(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_runBox(new QWidget(this))
    , m_runLabel(new QLabel(m_runBox))
    , m_results(new QListView(m_runBox))
{
    m_delegate = new LogLineDelegate(*m_jobSearch, this);
    m_list->setObjectName(QStringLiteral("logLines"));
    m_list->setModel(&m_model);
    m_list->setItemDelegate(m_delegate);
    setUpLines();
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Job log"));

    m_results->setObjectName(QStringLiteral("runSearchResults"));
    m_results->setUniformItemSizes(true);
    m_results->setAccessibleName(tr("Lines found in the run"));
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_runLabel->setObjectName(QStringLiteral("runSearchLabel"));
    m_runLabel->setTextFormat(Qt::PlainText);
    m_runLabel->setWordWrap(true);
    auto *runLayout = new QVBoxLayout(m_runBox);
    runLayout->setContentsMargins(0, 0, 0, 0);
    runLayout->addWidget(m_runLabel);
    runLayout->addWidget(m_results, 1);
    m_runBox->hide();
    m_splitter->addWidget(m_list);
    m_splitter->addWidget(m_runBox);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    buildSearchBar();
    buildActions();
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_status->setTextFormat(Qt::PlainText);
    auto *top = new QHBoxLayout;
    top->addWidget(m_bar, 1);
    top->addWidget(m_status);
    top->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);

    connect(m_jobSearch, &LogSearch::matchesChanged, this, &LogView::onMatchesChanged);
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &LogView::onAboutToInsert);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &LogView::onRowsInserted);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &LogView::onReset);
    updateMatchLabel();
}

void LogView::setUpLines()
{
    m_list->horizontalHeader()->hide();
    m_list->verticalHeader()->hide();
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setCornerButtonEnabled(false);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Equal rows of one line of the log's font: the view places a million of them without
    // measuring any.
    QHeaderView *rows = m_list->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setMinimumSectionSize(1);
    rows->setDefaultSectionSize(QFontMetrics(m_model.font()).height() + 2);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->viewport()->installEventFilter(this);
}

void LogView::fitColumn()
{
    // As wide as the longest line the delegate draws, and at least as the view. The widest
    // glyph: should the fixed-pitch font fall back to a proportional one, no line is cut.
    const qsizetype longest =
        qMin<qsizetype>(m_model.text().longestLine(), LogLineDelegate::maxShownChars());
    if (longest != m_fittedLongest) {
        m_fittedLongest = longest;
        const QString widest(longest, QLatin1Char('W'));
        m_textWidth = qCeil(QFontMetricsF(m_model.font()).horizontalAdvance(widest)) + 8;
    }
    const int textWidth = m_textWidth;
    const int width = qMax(m_list->viewport()->width(), textWidth);
    if (m_list->columnWidth(0) != width)
        m_list->setColumnWidth(0, width);
}

void LogView::buildSearchBar()
{
    m_bar->setObjectName(QStringLiteral("logSearchBar"));
    m_search = new QLineEdit(m_bar);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_case = new QToolButton(m_bar);
    m_case->setObjectName(QStringLiteral("logSearchCase"));
    m_case->setText(tr("Aa"));
    m_case->setCheckable(true);
    m_case->setToolTip(tr("Match case"));
    m_scope = new QComboBox(m_bar);
    m_scope->setObjectName(QStringLiteral("logSearchScope"));
    m_scope->addItem(tr("This job"), int(Scope::Job));
    m_scope->setToolTip(tr("Search this job's log or every log of the run"));
    m_matchLabel = new QLabel(m_bar);
    // Room for the widest count, so the bar does not jump as matches are counted.
    m_matchLabel->setMinimumWidth(
        m_matchLabel->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(888888).arg(8888888)));
    m_matchLabel->setAlignment(Qt::AlignCenter);
    m_previous = new QToolButton(m_bar);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_next = new QToolButton(m_bar);
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (F3)"));
    m_close = new QToolButton(m_bar);
    m_close->setText(tr("Close"));
    m_close->setToolTip(tr("Close the search (Esc)"));

    auto *bar = new QHBoxLayout(m_bar);
    bar->setContentsMargins(0, 0, 0, 0);
    for (QWidget *widget : {static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_case),
                            static_cast<QWidget *>(m_scope), static_cast<QWidget *>(m_matchLabel),
                            static_cast<QWidget *>(m_previous), static_cast<QWidget *>(m_next),
                            static_cast<QWidget *>(m_close)})
        bar->addWidget(widget, widget == m_search ? 1 : 0);

    // The field sees Esc before any shortcut would: it closes the bar from there.
    m_search->installEventFilter(this);
    connect(m_search, &QLineEdit::textChanged, this, &LogView::restartSearch);
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::nextMatch);
    connect(m_case, &QToolButton::toggled, this, &LogView::restartSearch);
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { setScope(scope()); });
    connect(m_next, &QToolButton::clicked, this, &LogView::nextMatch);
    connect(m_previous, &QToolButton::clicked, this, &LogView::previousMatch);
    connect(m_close, &QToolButton::clicked, this, &LogView::closeSearch);
}

void LogView::buildActions()
{
    // Shortcuts for this view only: the main window holds other views with their own.
    const auto shortcut = [this](const QKeySequence &keys, QWidget *on, auto slot) {
        auto *action = new QShortcut(keys, on, this, slot);
        action->setContext(Qt::WidgetWithChildrenShortcut);
    };
    shortcut(QKeySequence::Find, this, &LogView::openSearch);
    shortcut(QKeySequence::FindNext, this, &LogView::nextMatch);
    shortcut(QKeySequence::FindPrevious, this, &LogView::previousMatch);
    shortcut(QKeySequence(Qt::Key_Escape), m_bar, &LogView::closeSearch);

    auto *copy = new QAction(tr("&Copy"), m_list);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &LogView::copySelection);
    auto *save = new QAction(tr("&Save log..."), m_list);
    save->setObjectName(QStringLiteral("saveLogAction"));
    connect(save, &QAction::triggered, this, &LogView::saveLog);
    m_list->addActions({copy, save});
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_save->setObjectName(QStringLiteral("saveLog"));
    m_save->setDefaultAction(save);
    m_save->setToolButtonStyle(Qt::ToolButtonTextOnly);

    connect(m_results, &QListView::activated, this, [this](const QModelIndex &index) {
        emit runMatchActivated(index.data(RunMatchesModel::JobRole).toInt(),
                               index.data(RunMatchesModel::LineRole).toLongLong());
    });
    connect(m_results, &QListView::clicked, m_results, &QListView::activated);
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Escape) {
        closeSearch();
        return true;
    }
    if (watched == m_list->viewport() && event->type() == QEvent::Resize)
        fitColumn();
    return QWidget::eventFilter(watched, event);
}

void LogView::setRunSearch(RunLogSearch *search)
{
    if (m_runSearch)
        disconnect(m_runSearch, nullptr, this, nullptr);
    m_runSearch = search;
    m_results->setModel(search ? search->results() : nullptr);
    const bool offered = m_scope->count() > 1;
    if (search && !offered)
        m_scope->addItem(tr("Whole run"), int(Scope::Run));
    else if (!search && offered)
        m_scope->removeItem(1);
    if (search) {
        connect(search, &RunLogSearch::progressed, this, &LogView::updateRunLabel);
        connect(search, &RunLogSearch::finished, this, &LogView::updateRunLabel);
    }
}

LogView::Scope LogView::scope() const
{
    return m_scope->currentData().toInt() == int(Scope::Run) && m_runSearch ? Scope::Run
                                                                            : Scope::Job;
}

void LogView::setScope(Scope scope)
{
    const int index = m_scope->findData(int(scope));
    if (index >= 0 && index != m_scope->currentIndex()) {
        m_scope->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    const bool run = this->scope() == Scope::Run;
    m_runBox->setVisible(run);
    if (!m_runSearch)
        return;
    if (run)
        m_runSearch->start(m_jobSearch->matcher());
    else
        m_runSearch->stop();
    updateMatchLabel();
}

void LogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

int LogView::matchCount() const
{
    return int(qMin<qint64>(m_jobSearch->matchCount(), INT_MAX));
}

void LogView::openSearch()
{
    m_bar->show();
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogView::closeSearch()
{
    m_search->clear();
    m_bar->hide();
    m_list->setFocus(Qt::OtherFocusReason);
}

void LogView::nextMatch()
{
    const int kept = int(m_jobSearch->matches().size());
    if (kept > 0)
        showMatch((m_current + 1) % kept);
}

void LogView::previousMatch()
{
    const int kept = int(m_jobSearch->matches().size());
    if (kept > 0)
        showMatch(m_current <= 0 ? kept - 1 : m_current - 1);
}

bool LogView::followsTail() const
{
    const QScrollBar *bar = m_list->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogView::onAboutToInsert()
{
    // Decided before the rows arrive: afterwards the scroll bar's maximum has moved.
    m_atBottom = followsTail() && m_revealLine < 0;
}

void LogView::onRowsInserted()
{
    m_jobSearch->extend();
    fitColumn();
    if (m_revealLine >= 0)
        QTimer::singleShot(0, this, &LogView::tryReveal);
    else if (m_atBottom)
        m_list->scrollToBottom();
}

void LogView::onReset()
{
    fitColumn();
    m_atBottom = true;
    m_current = -1;
    m_anchorLine = -1;
    m_delegate->setCurrentMatch(-1);
    m_jobSearch->start(m_jobSearch->matcher());
}

void LogView::restartSearch()
{
    const LogMatcher matcher(m_search->text(),
                             m_case->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive);
    m_current = -1;
    m_anchorLine = -1;
    m_delegate->setCurrentMatch(-1);
    m_jobSearch->start(matcher);
    if (m_runSearch && scope() == Scope::Run)
        m_runSearch->start(matcher);
    m_list->viewport()->update();
}

void LogView::onMatchesChanged()
{
    const QList<LogMatch> &matches = m_jobSearch->matches();
    if (m_current < 0 && m_anchorLine >= 0) {
        // After a jump to a line, its match becomes current once the search reaches it.
        const auto [first, last] = m_jobSearch->matchesOnLine(m_anchorLine);
        if (first < last) {
            m_current = int(first);
            m_delegate->setCurrentMatch(first);
        }
    } else if (m_current < 0 && !matches.isEmpty() && m_revealLine < 0) {
        showMatch(0);
    }
    updateMatchLabel();
    m_list->viewport()->update();
}

void LogView::showMatch(int match)
{
    m_current = match;
    m_anchorLine = -1;
    m_delegate->setCurrentMatch(match);
    const QModelIndex row = m_model.index(m_jobSearch->matches().at(match).line);
    m_list->setCurrentIndex(row);
    m_list->scrollTo(row, QAbstractItemView::PositionAtCenter);
    m_list->viewport()->update();
    updateMatchLabel();
}

void LogView::revealLine(qint64 line)
{
    m_revealLine = qMax<qint64>(0, line);
    m_anchorLine = m_revealLine;
    tryReveal();
}

void LogView::tryReveal()
{
    if (m_revealLine < 0)
        return;
    if (m_revealLine >= m_model.lineCount()) {
        // Read on until the line is there; a log shorter than that shows its end.
        if (m_model.canFetchMore({}))
            m_model.fetchMore({});
        else if (!m_model.isFetching() && m_model.lineCount() > 0)
            m_revealLine = m_model.lineCount() - 1;
        if (m_revealLine >= m_model.lineCount())
            return;
    }
    const QModelIndex row = m_model.index(int(m_revealLine));
    m_revealLine = -1;
    m_list->setCurrentIndex(row);
    m_list->scrollTo(row, QAbstractItemView::PositionAtCenter);
    const auto [first, last] = m_jobSearch->matchesOnLine(row.row());
    if (first < last) {
        m_current = int(first);
        m_delegate->setCurrentMatch(first);
        updateMatchLabel();
    }
}

void LogView::copySelection()
{
    QModelIndexList rows = m_list->selectionModel()->selectedRows();
    if (rows.isEmpty() && m_list->currentIndex().isValid())
        rows.append(m_list->currentIndex());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    QStringList lines;
    lines.reserve(rows.size());
    for (const QModelIndex &row : std::as_const(rows))
        lines.append(m_model.lineText(row.row()));
    QGuiApplication::clipboard()->setText(lines.join(QLatin1Char('\n')) + QLatin1Char('\n'));
}

void LogView::saveLog()
{
    auto *dialog = new QFileDialog(this, tr("Save Log"));
    dialog->setObjectName(QStringLiteral("saveLogDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(tr("Logs (*.log *.txt);;All files (*)"));
    dialog->setDefaultSuffix(QStringLiteral("log"));
    connect(dialog, &QFileDialog::fileSelected, this, &LogView::saveLogTo);
    // Not exec(): the log keeps streaming while the user picks a file.
    dialog->open();
}

void LogView::saveLogTo(const QString &path)
{
    m_status->setText(tr("Saving..."));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_status->setText(error.isEmpty() ? tr("Saved") : tr("Not saved"));
        m_status->setToolTip(error.isEmpty() ? tr("Saved to %1").arg(path) : error);
        emit logSaved(path, error);
    });
    watcher->setFuture(saveLogAsync(m_model.text(), m_model.lineCount(), path));
}

void LogView::updateMatchLabel()
{
    const qint64 found = m_jobSearch->matchCount();
    const bool searching = !m_jobSearch->matcher().isEmpty();
    const bool stepping = !m_jobSearch->matches().isEmpty();
    m_previous->setEnabled(stepping);
    m_next->setEnabled(stepping);
    const QString more = m_jobSearch->isSearching() ? tr("...") : QString();
    if (!searching)
        m_matchLabel->clear();
    else if (found == 0 && !m_jobSearch->isSearching())
        m_matchLabel->setText(tr("No matches"));
    else if (m_current < 0)
        m_matchLabel->setText(tr("%n match(es)", nullptr, int(qMin<qint64>(found, INT_MAX)))
                              + more);
    else
        m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(found) + more);
    updateRunLabel();
}

void LogView::updateRunLabel()
{
    if (!m_runSearch || scope() != Scope::Run) {
        m_runLabel->clear();
        return;
    }
    const qint64 found = m_runSearch->matchCount();
    QString text = tr("%n line(s) found in the run", nullptr, int(qMin<qint64>(found, INT_MAX)));
    if (m_runSearch->isSearching())
        text += tr(" (searching...)");
    if (!m_runSearch->error().isEmpty())
        text += tr(" (not every log could be read: %1)").arg(m_runSearch->error());
    m_runLabel->setText(text);
}

} // namespace pw::gui
