#include "historyview.h"

#include "historycharts.h"
#include "historymodel.h"
#include "widgets/statuslook.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pw::gui {

HistoryView::HistoryView(HistoryModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_pipeline(
          makeFilter(QStringLiteral("historyPipelineFilter"), tr("Pipeline name; empty for all")))
    , m_status(new QComboBox(this))
    , m_branch(makeFilter(QStringLiteral("historyBranchFilter"), tr("Branch; empty for all")))
    , m_text(makeFilter(QStringLiteral("historyTextFilter"), tr("Commit, trigger or event")))
    , m_table(new QTableView(this))
    , m_charts(new HistoryCharts(model.reader(), this))
    , m_typing(new QTimer(this))
{
    m_status->setObjectName(QStringLiteral("historyStatusFilter"));
    m_status->addItem(tr("Any status"), QString());
    for (RunStatus status :
         {RunStatus::Success, RunStatus::Failed, RunStatus::Cancelled, RunStatus::Rejected,
          RunStatus::Interrupted, RunStatus::Running, RunStatus::WaitingApproval}) {
        const StatusLook look = lookOf(status);
        m_status->addItem(look.icon, look.text, keyword(status));
    }
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(&m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    // The store sorts, so the header only says how; no indicator until the user picks one.
    header->setSectionsClickable(true);
    header->setSortIndicator(-1, Qt::DescendingOrder);
    header->setSortIndicatorShown(false);
    // Typing a filter queries once the user pauses, not at every key.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);
    layOut();

    for (QLineEdit *filter : {m_pipeline, m_branch, m_text})
        connect(filter, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &HistoryView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    connect(header, &QHeaderView::sortIndicatorChanged, this, &HistoryView::onSortChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(HistoryModel::RunIdRole).toLongLong());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &HistoryView::updateCharts);
    // A reset follows a new filter, order or run: the charts are read again with it.
    connect(&m_model, &QAbstractItemModel::modelReset, this, [this] {
        m_charts->invalidate();
        updateCharts();
    });
}

QLineEdit *HistoryView::makeFilter(const QString &name, const QString &placeholder)
{
    auto *filter = new QLineEdit(this);
    filter->setObjectName(name);
    filter->setPlaceholderText(placeholder);
    filter->setClearButtonEnabled(true);
    filter->setMaxLength(200);
    return filter;
}

void HistoryView::layOut()
{
    auto *filters = new QGridLayout;
    const auto addFilter = [this, filters](const QString &label, QWidget *field, int row,
                                           int column) {
        auto *buddy = new QLabel(label, this);
        buddy->setBuddy(field);
        filters->addWidget(buddy, row, column * 2);
        filters->addWidget(field, row, column * 2 + 1);
    };
    addFilter(tr("&Pipeline:"), m_pipeline, 0, 0);
    addFilter(tr("&Status:"), m_status, 0, 1);
    addFilter(tr("&Branch:"), m_branch, 1, 0);
    addFilter(tr("&Find:"), m_text, 1, 1);
    filters->setColumnStretch(1, 1);
    filters->setColumnStretch(3, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("historySplitter"));
    splitter->addWidget(m_table);
    splitter->addWidget(m_charts);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
}

void HistoryView::applyFilter()
{
    m_typing->stop();
    m_model.setFilter(m_pipeline->text().trimmed(), m_status->currentData().toString(),
                      m_branch->text().trimmed(), m_text->text().trimmed());
}

void HistoryView::onSortChanged(int column, Qt::SortOrder order)
{
    QHeaderView *header = m_table->horizontalHeader();
    // The header turns its indicator at each click; on a column the store cannot sort by,
    // it goes back to the order that is shown.
    if (!HistoryModel::orderOf(column)) {
        const QSignalBlocker quiet(header);
        header->setSortIndicator(m_sortColumn, m_sortOrder);
        return;
    }
    m_sortColumn = column;
    m_sortOrder = order;
    header->setSortIndicatorShown(true);
    m_model.sort(column, order);
}

void HistoryView::updateCharts()
{
    QString pipeline = m_model.query().pipeline;
    const QModelIndex current = m_table->currentIndex();
    if (pipeline.isEmpty() && current.isValid())
        pipeline = m_model.runAt(current.row()).pipeline;
    m_charts->showPipeline(pipeline);
}

} // namespace pw::gui
