#include "gatepanel.h"

#include "core/store/gaterules.h"
#include "widgets/store/storereader.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace pw::gui {

namespace {

QString summaryOf(const StageRecord &stage)
{
    const GateRecord &gate = *stage.gate;
    QString text = GatePanel::tr("Stage %1 waits for approval by %2 (%3 of %4)")
                       .arg(stage.name, gate.approvers.join(QStringLiteral(", ")))
                       .arg(approvalCount(gate))
                       .arg(gate.required);
    if (gate.deadline.isValid()) {
        text += GatePanel::tr(", until %1")
                    .arg(QLocale().toString(gate.deadline.toLocalTime(), QLocale::ShortFormat));
    }
    return text;
}

} // namespace

GatePanel::GatePanel(StoreReader &reader, QWidget *parent)
    : QWidget(parent)
    , m_reader(reader)
    , m_summary(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_comment(new QLineEdit(this))
    , m_approve(new QPushButton(tr("&Approve"), this))
    , m_reject(new QPushButton(tr("Re&ject"), this))
{
    setObjectName(QStringLiteral("gatePanel"));
    m_summary->setTextFormat(Qt::PlainText);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_comment->setPlaceholderText(tr("Comment, or the reason for a rejection"));
    m_comment->setAccessibleName(tr("Comment on the decision"));

    auto *row = new QHBoxLayout;
    row->addWidget(m_summary, 1);
    row->addWidget(m_comment, 1);
    row->addWidget(m_approve);
    row->addWidget(m_reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problem);

    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(&m_reader, &StoreReader::gateDecided, this, &GatePanel::onDecided);
    hide();
}

void GatePanel::showRun(const RunRecord &run)
{
    for (const StageRecord &stage : run.stages) {
        if (stage.gate && stage.gate->status == GateStatus::Waiting && run.id > 0) {
            if (run.id != m_runId || stage.index != m_stage) {
                m_problem->hide();
                m_comment->clear();
            }
            m_runId = run.id;
            m_stage = stage.index;
            m_summary->setText(summaryOf(stage));
            show();
            return;
        }
    }
    m_runId = 0;
    m_stage = -1;
    hide();
}

void GatePanel::decide(bool approve)
{
    const QString comment = m_comment->text().trimmed();
    if (!approve && comment.isEmpty()) {
        m_problem->setText(tr("A rejection needs a reason: the run reports it."));
        m_problem->show();
        m_comment->setFocus();
        return;
    }
    m_problem->hide();
    setBusy(true);
    m_request = m_reader.decideGate(m_runId, m_stage, approve, comment);
}

void GatePanel::onDecided(quint64 request, const GateRecord &, const QString &error)
{
    if (request != m_request)
        return;
    m_request = 0;
    setBusy(false);
    if (!error.isEmpty()) {
        m_problem->setText(error);
        m_problem->show();
        return;
    }
    m_comment->clear();
    emit decided(m_runId, m_stage);
}

void GatePanel::setBusy(bool busy)
{
    m_approve->setEnabled(!busy);
    m_reject->setEnabled(!busy);
}

} // namespace pw::gui
