#include "gatesview.h"

#include "core/store/gaterules.h"
#include "widgets/store/storereader.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace pw::gui {

namespace {

constexpr int refreshMs = 5000;

QStringList rowOf(const WaitingGate &waiting)
{
    const GateRecord &gate = waiting.gate;
    const QString deadline =
        gate.deadline.isValid()
            ? QLocale().toString(gate.deadline.toLocalTime(), QLocale::ShortFormat)
            : GatesView::tr("none");
    return {QString::number(waiting.runId),
            waiting.pipeline,
            waiting.branch,
            waiting.stageName,
            gate.approvers.join(QStringLiteral(", ")),
            QStringLiteral("%1 of %2").arg(approvalCount(gate)).arg(gate.required),
            gate.startedBy,
            deadline};
}

} // namespace

GatesView::GatesView(StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_list(new QTreeWidget(this))
    , m_status(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("gateList"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setHeaderLabels({tr("Run"), tr("Pipeline"), tr("Branch"), tr("Stage"), tr("Approvers"),
                             tr("Approved"), tr("Started by"), tr("Deadline")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->setAccessibleName(tr("Gates waiting for a decision"));
    m_status->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_status);

    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        emit runActivated(item->data(0, Qt::UserRole).toLongLong());
    });
    connect(&m_reader, &StoreReader::waitingGatesListed, this, &GatesView::onListed);
    m_timer.setInterval(refreshMs);
    connect(&m_timer, &QTimer::timeout, this, &GatesView::refresh);
}

void GatesView::refresh()
{
    // One question at a time: a slow store must not pile them up.
    if (m_request == 0)
        m_request = m_reader.listWaitingGates();
}

void GatesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void GatesView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

void GatesView::onListed(quint64 request, const QList<WaitingGate> &gates, const QString &error)
{
    if (request != m_request)
        return;
    m_request = 0;
    if (!error.isEmpty()) {
        m_status->setText(tr("Cannot read the gates: %1").arg(error));
        return;
    }

    m_list->clear();
    for (const WaitingGate &waiting : gates) {
        auto *item = new QTreeWidgetItem(m_list, rowOf(waiting));
        item->setData(0, Qt::UserRole, waiting.runId);
    }
    m_status->setText(gates.isEmpty()
                          ? tr("No gate waits for a decision.")
                          : tr("%n gate(s) wait for a decision.", nullptr, int(gates.size())));
}

} // namespace pw::gui
