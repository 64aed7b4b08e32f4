#include "historyview.h"

#include "historymodel.h"
#include "statuslook.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pw::gui {

HistoryView::HistoryView(HistoryModel &model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_pipeline(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_typing(new QTimer(this))
{
    m_pipeline->setObjectName(QStringLiteral("historyPipelineFilter"));
    m_pipeline->setPlaceholderText(tr("Pipeline name; empty for all"));
    m_pipeline->setClearButtonEnabled(true);
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
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Typing a pipeline's name queries once the user pauses, not at every key.
    m_typing->setSingleShot(true);
    m_typing->setInterval(250);

    auto *filters = new QHBoxLayout;
    auto *pipelineLabel = new QLabel(tr("&Pipeline:"), this);
    pipelineLabel->setBuddy(m_pipeline);
    auto *statusLabel = new QLabel(tr("&Status:"), this);
    statusLabel->setBuddy(m_status);
    filters->addWidget(pipelineLabel);
    filters->addWidget(m_pipeline, 1);
    filters->addWidget(statusLabel);
    filters->addWidget(m_status);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_pipeline, &QLineEdit::textChanged, m_typing, qOverload<>(&QTimer::start));
    connect(m_typing, &QTimer::timeout, this, &HistoryView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &HistoryView::applyFilter);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit runActivated(index.data(HistoryModel::RunIdRole).toLongLong());
    });
}

void HistoryView::applyFilter()
{
    m_typing->stop();
    m_model.setFilter(m_pipeline->text().trimmed(), m_status->currentData().toString());
}

} // namespace pw::gui
