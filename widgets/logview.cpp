#include "logview.h"

#include "loglinesmodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QScrollBar>
#include <QShortcut>
#include <QToolButton>
#include <QVBoxLayout>

namespace pw::gui {

LogView::LogView(LogLinesModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_list(new QListView(this))
    , m_search(new QLineEdit(this))
    , m_matchLabel(new QLabel(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
{
    m_list->setObjectName(QStringLiteral("logLines"));
    m_list->setModel(&m_model);
    // Equal rows let the view place a million lines without measuring each.
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setAccessibleName(tr("Job log"));

    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search the log"));
    m_search->setClearButtonEnabled(true);
    m_previous->setText(tr("Previous"));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    // Room for the widest count, so the bar does not jump as matches are counted.
    m_matchLabel->setMinimumWidth(
        m_matchLabel->fontMetrics().horizontalAdvance(tr("%1 of %2").arg(88888).arg(88888)));
    m_matchLabel->setAlignment(Qt::AlignCenter);
    m_next->setText(tr("Next"));
    m_next->setToolTip(tr("Next match (F3)"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matchLabel);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_list, 1);

    connect(m_search, &QLineEdit::textChanged, this, &LogView::search);
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::nextMatch);
    connect(m_next, &QToolButton::clicked, this, &LogView::nextMatch);
    connect(m_previous, &QToolButton::clicked, this, &LogView::previousMatch);
    new QShortcut(QKeySequence::FindNext, this, this, &LogView::nextMatch);
    new QShortcut(QKeySequence::FindPrevious, this, this, &LogView::previousMatch);
    connect(&m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, &LogView::onAboutToInsert);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int) { onRowsInserted(first); });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &LogView::onReset);
    updateMatchLabel();
}

void LogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

void LogView::nextMatch()
{
    if (!m_matches.isEmpty())
        showMatch((m_current + 1) % int(m_matches.size()));
}

void LogView::previousMatch()
{
    if (!m_matches.isEmpty())
        showMatch(m_current <= 0 ? int(m_matches.size()) - 1 : m_current - 1);
}

void LogView::onAboutToInsert()
{
    // Decided before the rows arrive: afterwards the scroll bar's maximum has moved.
    const QScrollBar *bar = m_list->verticalScrollBar();
    m_atBottom = bar->value() >= bar->maximum();
}

void LogView::onRowsInserted(int first)
{
    if (!m_search->text().isEmpty()) {
        m_matches.append(m_model.findRows(m_search->text(), first));
        updateMatchLabel();
    }
    if (m_atBottom)
        m_list->scrollToBottom();
}

void LogView::onReset()
{
    m_atBottom = true;
    search();
}

void LogView::search()
{
    m_matches = m_model.findRows(m_search->text());
    m_current = -1;
    if (!m_matches.isEmpty())
        showMatch(0);
    updateMatchLabel();
}

void LogView::showMatch(int match)
{
    m_current = match;
    const QModelIndex row = m_model.index(m_matches.at(match));
    m_list->setCurrentIndex(row);
    m_list->scrollTo(row, QAbstractItemView::PositionAtCenter);
    updateMatchLabel();
}

void LogView::updateMatchLabel()
{
    const bool searching = !m_search->text().isEmpty();
    m_previous->setEnabled(!m_matches.isEmpty());
    m_next->setEnabled(!m_matches.isEmpty());
    if (!searching)
        m_matchLabel->clear();
    else if (m_matches.isEmpty())
        m_matchLabel->setText(tr("No matches"));
    else if (m_current < 0)
        m_matchLabel->setText(tr("%n match(es)", nullptr, int(m_matches.size())));
    else
        m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(m_matches.size()));
}

} // namespace pw::gui
